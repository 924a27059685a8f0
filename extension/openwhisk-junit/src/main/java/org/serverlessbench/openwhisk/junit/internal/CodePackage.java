package org.serverlessbench.openwhisk.junit.internal;

/**
 * Action code ready for {@code exec}: text for a single source file, base64 for a zip or jar.
 *
 * @param source where it came from, for messages, e.g. {@code folder functions/sleep/nodejs}
 */
record CodePackage(String kind, String code, boolean binary, String main, String source) {
}
