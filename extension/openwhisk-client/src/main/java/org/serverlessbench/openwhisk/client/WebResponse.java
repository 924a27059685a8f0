package org.serverlessbench.openwhisk.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a web action answered, whatever the status.
 *
 * @param headers      header names in lower case
 * @param activationId from the {@code x-openwhisk-activation-id} header
 */
public record WebResponse(int statusCode, Map<String, List<String>> headers, byte[] body,
        Optional<String> activationId) {

    public WebResponse {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, name matched without regard to case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
