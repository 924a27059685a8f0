package org.serverlessbench.openwhisk.embedded.runtime;

/** What a runtime answered to {@code /init} or {@code /run}: the HTTP status and the raw body. */
public record RuntimeResponse(int statusCode, String body) {
}
