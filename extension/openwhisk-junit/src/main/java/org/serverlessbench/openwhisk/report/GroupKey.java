package org.serverlessbench.openwhisk.report;

import java.util.Locale;

/** The group a measured invocation is summarised and compared in: test × function × memory × cold or warm. */
record GroupKey(String test, String function, Integer memoryMb, boolean cold) {

    static GroupKey of(InvocationRow row) {
        return new GroupKey(row.test(), row.function(), row.memoryMb(), row.cold());
    }

    String describe() {
        return String.format(Locale.ROOT, "%s %s%s %s", SummaryTable.displayName(test), function,
                memoryMb == null ? "" : " " + memoryMb + " MB", cold ? "cold" : "warm");
    }
}
