package org.serverlessbench.openwhisk.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Removes the auth key, and its Basic header form, from any text before it reaches a message or a log. */
final class Redactor {

    private static final String MASK = "****";

    private final List<String> secrets;

    Redactor(String auth) {
        int colon = auth.indexOf(':');
        String key = colon >= 0 ? auth.substring(colon + 1) : auth;
        String basic = Base64.getEncoder().encodeToString(auth.getBytes(StandardCharsets.UTF_8));
        // Longest first, so the whole credential is masked before its parts.
        this.secrets = List.of(basic, auth, key).stream().filter(s -> !s.isEmpty()).distinct().toList();
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
