package org.serverlessbench.openwhisk.embedded.controller;

import java.util.List;
import java.util.Map;

/** What a handler gives back: a {@link Reply} to send now, or a {@link PendingReply} sent when an activation ends. */
sealed interface Answer permits Reply, PendingReply {
    /** The same answer with {@code more} headers appended to whatever reply it ends up as. */
    Answer withHeaders(List<Map.Entry<String, String>> more);
}
