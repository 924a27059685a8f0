package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The group a measured invocation is summarised and compared in: test × function × memory × the experiment
 * conditions that group (mode, concurrency, trial, payload size, idle time; {@code null} where not set) × cold or
 * warm. {@code scheduledAt} does not group: it is different for every invocation.
 */
record GroupKey(String test, String function, Integer memoryMb, String mode, Integer concurrency, Integer trial,
        Long payloadBytes, Long idleMs, boolean cold) {

    /** Memory, then the conditions, ascending, {@code null} (not set) first; cold before warm. */
    static final Comparator<GroupKey> BY_CONDITIONS = Comparator
            .comparing(GroupKey::memoryMb, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(GroupKey::mode, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(GroupKey::concurrency, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(GroupKey::trial, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(GroupKey::payloadBytes, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(GroupKey::idleMs, Comparator.nullsFirst(Comparator.<Long>naturalOrder()))
            .thenComparing(key -> !key.cold());

    static GroupKey of(InvocationRow row) {
        Conditions c = row.conditions();
        return new GroupKey(row.test(), row.function(), row.memoryMb(), c.mode(), c.concurrency(), c.trial(),
                c.payloadBytes(), c.idleMs(), row.cold());
    }

    /** This group over all trials: the same key with {@code trial} not set. */
    GroupKey acrossTrials() {
        return new GroupKey(test, function, memoryMb, mode, concurrency, null, payloadBytes, idleMs, cold);
    }

    /** {@code cold} or {@code warm}. */
    String kind() {
        return cold ? "cold" : "warm";
    }

    /** The conditions that are set, for example {@code mode=warm concurrency=4 payload=1024 B}; empty when none. */
    String conditionsText() {
        List<String> parts = new ArrayList<>();
        if (mode != null) {
            parts.add("mode=" + mode);
        }
        if (concurrency != null) {
            parts.add("concurrency=" + concurrency);
        }
        if (trial != null) {
            parts.add("trial=" + trial);
        }
        if (payloadBytes != null) {
            parts.add("payload=" + payloadBytes + " B");
        }
        if (idleMs != null) {
            parts.add("idle=" + idleMs + " ms");
        }
        return String.join(" ", parts);
    }

    String describe() {
        String conditions = conditionsText();
        return String.format(Locale.ROOT, "%s %s%s%s %s", SummaryTable.displayName(test), function,
                memoryMb == null ? "" : " " + memoryMb + " MB", conditions.isEmpty() ? "" : " " + conditions, kind());
    }
}
