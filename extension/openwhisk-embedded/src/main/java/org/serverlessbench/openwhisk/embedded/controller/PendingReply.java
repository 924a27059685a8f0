package org.serverlessbench.openwhisk.embedded.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A blocking invoke's answer, written by {@link BlockingWaits} from the activation's completion instead of parking a
 * thread: {@code onRecord} when the record arrives within {@code blockingWait}, {@code onTimeout} (the 202) otherwise.
 */
record PendingReply(Invocations.Started started, Duration blockingWait, Function<ObjectNode, Reply> onRecord,
        Supplier<Reply> onTimeout) implements Answer {

    @Override
    public PendingReply withHeaders(List<Map.Entry<String, String>> more) {
        if (more.isEmpty()) {
            return this;
        }
        return new PendingReply(started, blockingWait, record -> onRecord.apply(record).withHeaders(more),
                () -> onTimeout.get().withHeaders(more));
    }
}
