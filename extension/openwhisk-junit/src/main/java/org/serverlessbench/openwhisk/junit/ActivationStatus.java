package org.serverlessbench.openwhisk.junit;

/** The outcome of an {@link Invocation}: the status of its activation record, or why there is none. */
public enum ActivationStatus {
    SUCCESS("success"),
    /** The action returned an error result ({@code {"error": ...}}). */
    APPLICATION_ERROR("application error"),
    /** The action failed to initialize or run: a crash, a time-out, bad code. Its logs usually say why. */
    ACTION_DEVELOPER_ERROR("action developer error"),
    WHISK_INTERNAL_ERROR("whisk internal error"),
    /** The platform refused the request before an activation started (an HTTP error without an activation id). */
    NOT_STARTED("not started"),
    /** The activation's record could not be fetched, so its outcome is unknown. */
    UNKNOWN("unknown");

    private final String text;

    ActivationStatus(String text) {
        this.text = text;
    }

    /** The status as OpenWhisk writes it in the record's {@code response.status}, e.g. {@code application error}. */
    public String text() {
        return text;
    }
}
