package org.serverlessbench.openwhisk.report;

import java.time.Instant;

/**
 * The experiment conditions under which an invocation was made, recorded with it and used to group the summary.
 * Each field is {@code null} where the test did not vary or set it.
 *
 * @param mode         SeBS's perf-cost mode ({@code cold}, {@code warm}, {@code burst}, {@code sequential})
 * @param concurrency  how many callers invoked at the same time
 * @param trial        the independent trial (fresh containers) the invocation belongs to, from 1
 * @param scheduledAt  when an open-loop schedule meant the invocation to start
 * @param payloadBytes the size of the payload sent, in a payload sweep
 * @param idleMs       how long the function had been idle before the invocation, in an idle-time map
 */
public record Conditions(String mode, Integer concurrency, Integer trial, Instant scheduledAt, Long payloadBytes,
        Long idleMs) {

    /** No condition set. */
    public static final Conditions NONE = new Conditions(null, null, null, null, null, null);

    /** These conditions with every field that {@code other} sets taken from {@code other}. */
    public Conditions overlay(Conditions other) {
        if (other == null || other.equals(NONE)) {
            return this;
        }
        return new Conditions(
                other.mode != null ? other.mode : mode,
                other.concurrency != null ? other.concurrency : concurrency,
                other.trial != null ? other.trial : trial,
                other.scheduledAt != null ? other.scheduledAt : scheduledAt,
                other.payloadBytes != null ? other.payloadBytes : payloadBytes,
                other.idleMs != null ? other.idleMs : idleMs);
    }

    public Conditions withMode(String value) {
        return new Conditions(value, concurrency, trial, scheduledAt, payloadBytes, idleMs);
    }

    public Conditions withConcurrency(Integer value) {
        return new Conditions(mode, value, trial, scheduledAt, payloadBytes, idleMs);
    }

    public Conditions withTrial(Integer value) {
        return new Conditions(mode, concurrency, value, scheduledAt, payloadBytes, idleMs);
    }

    public Conditions withScheduledAt(Instant value) {
        return new Conditions(mode, concurrency, trial, value, payloadBytes, idleMs);
    }

    public Conditions withPayloadBytes(Long value) {
        return new Conditions(mode, concurrency, trial, scheduledAt, value, idleMs);
    }

    public Conditions withIdleMs(Long value) {
        return new Conditions(mode, concurrency, trial, scheduledAt, payloadBytes, value);
    }
}
