package org.serverlessbench.openwhisk.embedded.invoker;

/** The texts OpenWhisk puts into failed activation records and truncated logs, word for word. */
final class ActivationMessages {
    static final String ABNORMAL_INITIALIZATION = "The action did not initialize and exited unexpectedly.";
    static final String ABNORMAL_RUN = "The action did not produce a valid response and exited unexpectedly.";
    static final String MEMORY_EXHAUSTED = "The action exhausted its memory and was aborted.";
    static final String RESOURCE_PROVISION_ERROR = "Failed to provision resources to run the action.";

    private ActivationMessages() {
    }

    static String timedOut(long timeoutMs, boolean duringInit) {
        return "The action exceeded its time limits of " + timeoutMs + " milliseconds"
                + (duringInit ? " during initialization." : ".");
    }

    static String invalidInitResponse(String answer) {
        return "The action failed during initialization" + (answer == null || answer.isEmpty() ? "." : ": " + answer);
    }

    static String invalidRunResponse(String answer) {
        return "The action did not produce a valid JSON response"
                + (answer == null || answer.isEmpty() ? "." : ": " + answer);
    }

    static String truncatedResponse(String trunk, long length, long maxLength) {
        return "The action produced a response that exceeded the allowed length: " + length + " > " + maxLength
                + " bytes. The truncated response was: " + trunk;
    }

    static String truncatedLogs(long limitBytes) {
        return "Logs were truncated because the total bytes size exceeds the limit of " + limitBytes + " bytes.";
    }
}
