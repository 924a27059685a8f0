package org.serverlessbench.openwhisk.client;

import java.time.Instant;

/**
 * Filters for listing activations; every field is optional.
 *
 * @param name  {@code action} or {@code pkg/action}
 * @param since only activations started at or after this instant (sent as epoch ms)
 * @param upto  only activations started before this instant (sent as epoch ms)
 * @param limit 1..200 (the server defaults to 30)
 * @param skip  number of newest entries to skip
 */
public record ActivationQuery(String name, Instant since, Instant upto, Integer limit, Integer skip) {

    public static ActivationQuery all() {
        return new ActivationQuery(null, null, null, null, null);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static final class Builder {
        private String name;
        private Instant since;
        private Instant upto;
        private Integer limit;
        private Integer skip;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder since(Instant since) {
            this.since = since;
            return this;
        }

        public Builder upto(Instant upto) {
            this.upto = upto;
            return this;
        }

        public Builder limit(Integer limit) {
            this.limit = limit;
            return this;
        }

        public Builder skip(Integer skip) {
            this.skip = skip;
            return this;
        }

        public ActivationQuery build() {
            return new ActivationQuery(name, since, upto, limit, skip);
        }
    }
}
