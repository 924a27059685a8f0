package org.serverlessbench.openwhisk.embedded.controller;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Checks {@code Authorization: Basic} against the one configured key, in constant time. */
final class BasicAuth {
    static final String CHALLENGE = "Basic realm=\"OpenWhisk secure realm\"";
    private final byte[] expectedHeader;

    BasicAuth(String key) {
        this.expectedHeader = ("Basic " + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
    }

    boolean accepts(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        String trimmed = authorizationHeader.trim();
        if (trimmed.regionMatches(true, 0, "Basic ", 0, 6) && !trimmed.startsWith("Basic ")) {
            trimmed = "Basic " + trimmed.substring(6).trim();
        }
        return MessageDigest.isEqual(expectedHeader, trimmed.getBytes(StandardCharsets.UTF_8));
    }
}
