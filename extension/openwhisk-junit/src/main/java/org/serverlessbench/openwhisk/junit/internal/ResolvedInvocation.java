package org.serverlessbench.openwhisk.junit.internal;

import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.serverlessbench.openwhisk.client.Activation;
import org.serverlessbench.openwhisk.junit.ActivationStatus;

/**
 * Everything an invocation's activation record says, worked out once when the record is there (or known to be
 * missing).
 *
 * @param activation    null when there is no record
 * @param statusText    the record's status text, {@code http <code>} without an activation, or why the record is
 *                      missing
 * @param recordProblem why the record is missing though there is an activation id; null otherwise
 */
record ResolvedInvocation(Activation activation, ActivationStatus status, String statusText, boolean success,
        Object result, OptionalLong providerExecutionUs, OptionalLong providerInitUs, OptionalLong providerWaitUs,
        boolean cold, OptionalLong benchmarkTimeUs, OptionalInt memoryMb, String recordProblem,
        Map<String, Object> measurement) {

    static ResolvedInvocation of(ClientCall call, Activation activation, String recordProblem) {
        Object result = call.result() != null || activation == null || activation.response() == null
                ? call.result() : activation.response().result();
        ActivationStatus status;
        String statusText;
        boolean success;
        if (activation != null) {
            statusText = activation.response() == null ? "unknown (the record has no response)"
                    : activation.response().status();
            status = statusOf(activation.response() == null ? null : statusText);
            success = activation.success();
        } else if (call.activationId() == null) {
            status = ActivationStatus.NOT_STARTED;
            statusText = "http " + call.httpStatus();
            success = false;
        } else {
            status = ActivationStatus.UNKNOWN;
            statusText = "unknown (" + (recordProblem == null ? "no record" : recordProblem) + ")";
            success = call.httpStatus() >= 200 && call.httpStatus() < 300;
        }
        boolean cold = (activation != null && activation.cold()) || ResultFields.reportsCold(result);
        return new ResolvedInvocation(activation, status, statusText, success, result,
                activation == null ? OptionalLong.empty() : OptionalLong.of(activation.duration() * 1000),
                micros(activation == null ? OptionalLong.empty() : activation.initTime()),
                micros(activation == null ? OptionalLong.empty() : activation.waitTime()),
                cold, ResultFields.benchmarkTimeUs(result),
                activation == null ? OptionalInt.empty() : activation.memoryMb(), recordProblem,
                ResultFields.measurement(result));
    }

    private static ActivationStatus statusOf(String text) {
        for (ActivationStatus status : ActivationStatus.values()) {
            if (status.text().equals(text)) {
                return status;
            }
        }
        return ActivationStatus.UNKNOWN;
    }

    private static OptionalLong micros(OptionalLong millis) {
        return millis.isPresent() ? OptionalLong.of(millis.getAsLong() * 1000) : OptionalLong.empty();
    }
}
