package org.serverlessbench.openwhisk.client;

import java.time.Duration;

/**
 * The settings an {@link OpenWhiskClient} runs with. {@link #toString()} masks the auth key.
 *
 * @param apiHost     base URL such as {@code https://openwhisk.example.com} or {@code http://127.0.0.1:3233}
 * @param auth        {@code uuid:key}
 * @param namespace   {@code _} (the caller's own) unless configured
 * @param insecure    skip TLS certificate and host name checks, like {@code wsk -i}
 * @param maxAttempts tries for a request answered 429 or 503
 */
public record ClientConfiguration(ConfigValue apiHost, ConfigValue auth, ConfigValue namespace, boolean insecure,
        Duration connectTimeout, Duration readTimeout, int maxAttempts) {

    /** The user part of the auth (before the colon), safe to show. */
    public String authUser() {
        String value = auth.value();
        int colon = value.indexOf(':');
        return colon < 0 ? "" : value.substring(0, colon);
    }

    @Override
    public String toString() {
        return "ClientConfiguration[apiHost=" + apiHost
                + ", auth=" + authUser() + ":**** (from " + auth.source() + ")"
                + ", namespace=" + namespace
                + ", insecure=" + insecure
                + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout
                + ", maxAttempts=" + maxAttempts + "]";
    }
}
