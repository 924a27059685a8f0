package org.serverlessbench.openwhisk.embedded.runtime;

import java.time.Instant;

/** One line an action wrote, with the stream ({@code stdout} or {@code stderr}) and when it was read. */
public record LogLine(Instant time, String stream, String text) {
}
