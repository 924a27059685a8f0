package org.serverlessbench.openwhisk.embedded.controller;

import java.util.Locale;
import java.util.Set;

/** Media type facts web actions depend on: which types are JSON, which are binary (and so travel as base64). */
final class MediaTypes {
    static final String FORM = "application/x-www-form-urlencoded";
    private static final Set<String> TEXTUAL_APPLICATION_TYPES = Set.of("application/json", "application/javascript",
            "application/xml", "application/xhtml+xml", FORM, "application/x-javascript", "application/ecmascript",
            "application/graphql", "application/rss+xml", "application/atom+xml", "application/soap+xml");

    private MediaTypes() {
    }

    /** {@code text/html; charset=utf-8} → {@code text/html}; {@code null} when the value is no {@code type/subtype}. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0 || type.contains(" ")) {
            return null;
        }
        return type;
    }

    static boolean isJsonFamily(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** Binary as Pekko registers media types: everything but text, JSON/XML families and a few script types. */
    static boolean isBinary(String mediaType) {
        if (mediaType.startsWith("text/") || isJsonFamily(mediaType) || mediaType.endsWith("+xml")) {
            return false;
        }
        return !TEXTUAL_APPLICATION_TYPES.contains(mediaType);
    }

    static boolean hasCharset(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).contains("charset=");
    }
}
