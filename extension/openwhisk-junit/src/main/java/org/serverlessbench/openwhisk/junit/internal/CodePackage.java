package org.serverlessbench.openwhisk.junit.internal;

/**
 * Action code ready for {@code exec}: text for a single source file, base64 for a zip or jar.
 *
 * @param source  where it came from, for messages, e.g. {@code folder functions/sleep/nodejs}
 * @param image   the Docker image of a blackbox action, or {@code null} for a code action
 * @param imageId the engine's id of that image, so that a rebuilt image changes the deployment's hash
 */
record CodePackage(String kind, String code, boolean binary, String main, String source, String image,
        String imageId) {

    CodePackage(String kind, String code, boolean binary, String main, String source) {
        this(kind, code, binary, main, source, null, null);
    }
}
