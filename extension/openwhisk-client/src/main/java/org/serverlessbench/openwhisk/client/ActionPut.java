package org.serverlessbench.openwhisk.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The body of {@code PUT /namespaces/{ns}/actions/{name}}. Null fields are left out of the JSON; on update they
 * keep the action's current value.
 */
public record ActionPut(Exec exec, ActionLimits limits, List<KeyValue> parameters, List<KeyValue> annotations,
        Boolean publish) {

    public ActionPut {
        parameters = parameters == null ? null : List.copyOf(parameters);
        annotations = annotations == null ? null : List.copyOf(annotations);
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    public static final class Builder {
        private Exec exec;
        private ActionLimits limits;
        private List<KeyValue> parameters;
        private List<KeyValue> annotations;
        private Boolean publish;

        private Builder() {
        }

        public Builder exec(Exec exec) {
            this.exec = exec;
            return this;
        }

        public Builder limits(ActionLimits limits) {
            this.limits = limits;
            return this;
        }

        /** Replaces all parameters; an empty list removes them on update. */
        public Builder parameters(List<KeyValue> parameters) {
            this.parameters = parameters == null ? null : new ArrayList<>(parameters);
            return this;
        }

        public Builder parameter(String key, Object value) {
            if (parameters == null) {
                parameters = new ArrayList<>();
            }
            parameters.add(new KeyValue(key, value));
            return this;
        }

        /** Replaces all annotations; an empty list removes them on update. */
        public Builder annotations(List<KeyValue> annotations) {
            this.annotations = annotations == null ? null : new ArrayList<>(annotations);
            return this;
        }

        public Builder annotation(String key, Object value) {
            if (annotations == null) {
                annotations = new ArrayList<>();
            }
            annotations.add(new KeyValue(key, value));
            return this;
        }

        public Builder publish(Boolean publish) {
            this.publish = publish;
            return this;
        }

        public ActionPut build() {
            return new ActionPut(exec, limits, parameters, annotations, publish);
        }
    }
}
