package org.serverlessbench.openwhisk.client;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A call of a web action: {@code /api/v1/web/{namespace}/{package}/{action}[.{extension}][{pathSuffix}][?{query}]}.
 * No credentials are sent unless {@code headers} carries an {@code Authorization} header.
 *
 * @param namespace   a real namespace (not {@code _}); null means the client's namespace
 * @param packageName null means {@code default}
 * @param extension   {@code json}, {@code http}, {@code html}, {@code svg} or {@code text}; null leaves it out
 *                    (the server then assumes {@code http})
 * @param method      GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS; null means GET, or POST when there is a body
 * @param pathSuffix  extra path after the action, for example {@code /items/1}; null for none
 * @param query       raw query string without {@code ?}, already encoded; null for none
 */
public record WebRequest(String namespace, String packageName, String action, String extension, String method,
        Map<String, String> headers, byte[] body, String pathSuffix, String query) {

    public WebRequest {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("WebRequest action is required");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The package to use in the path: {@code default} when none was given. */
    public String packageOrDefault() {
        return packageName == null || packageName.isBlank() ? "default" : packageName;
    }

    /** The method to send: as given, else POST when there is a body and GET otherwise. */
    public String effectiveMethod() {
        if (method != null) {
            return method.toUpperCase(java.util.Locale.ROOT);
        }
        return body == null ? "GET" : "POST";
    }

    /** @param action {@code action} or {@code package/action} */
    public static Builder newBuilder(String action) {
        return new Builder(action);
    }

    public static final class Builder {
        private String namespace;
        private String packageName;
        private String action;
        private String extension;
        private String method;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;
        private String pathSuffix;
        private String query;

        private Builder(String action) {
            int slash = action == null ? -1 : action.indexOf('/');
            if (slash > 0) {
                this.packageName = action.substring(0, slash);
                this.action = action.substring(slash + 1);
            } else {
                this.action = action;
            }
        }

        public Builder namespace(String namespace) {
            this.namespace = namespace;
            return this;
        }

        public Builder packageName(String packageName) {
            this.packageName = packageName;
            return this;
        }

        public Builder extension(String extension) {
            this.extension = extension;
            return this;
        }

        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder body(byte[] body) {
            this.body = body == null ? null : body.clone();
            return this;
        }

        /** A text body in UTF-8 with the given content type, for example {@code application/json}. */
        public Builder body(String text, String contentType) {
            header("Content-Type", contentType);
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        public Builder pathSuffix(String pathSuffix) {
            this.pathSuffix = pathSuffix;
            return this;
        }

        public Builder query(String query) {
            this.query = query;
            return this;
        }

        public WebRequest build() {
            return new WebRequest(namespace, packageName, action, extension, method, headers, body, pathSuffix,
                    query);
        }
    }
}
