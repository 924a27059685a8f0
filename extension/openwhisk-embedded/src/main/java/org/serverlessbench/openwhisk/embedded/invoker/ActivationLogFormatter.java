package org.serverlessbench.openwhisk.embedded.invoker;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.serverlessbench.openwhisk.embedded.runtime.LogLine;

/**
 * Formats log lines as OpenWhisk's log store does ({@code <time padded to 30> stdout: <line>}) and cuts them off at the
 * action's log limit with OpenWhisk's truncation line. A line keeps its leading and trailing spaces: OpenWhisk strips
 * only the line end, which the reader has removed already. The limit counts the UTF-8 bytes of each line plus its
 * newline.
 */
final class ActivationLogFormatter {
    private static final String SENTINEL = "XXX_THE_END_OF_A_WHISK_ACTIVATION_XXX";

    private ActivationLogFormatter() {
    }

    static List<String> format(List<LogLine> lines, int logsLimitMb) {
        if (lines.isEmpty()) {
            return List.of();
        }
        long limitBytes = (long) logsLimitMb * 1024 * 1024;
        long used = 0;
        List<String> formatted = new ArrayList<>(lines.size());
        for (LogLine line : lines) {
            String text = line.text() == null ? "" : line.text();
            if (text.contains(SENTINEL)) {
                continue;
            }
            used += text.getBytes(StandardCharsets.UTF_8).length + 1;
            if (used > limitBytes) {
                formatted.add(format(Instant.now(), "stderr", ActivationMessages.truncatedLogs(limitBytes)));
                return formatted;
            }
            formatted.add(format(line.time(), line.stream(), text));
        }
        return formatted;
    }

    static String format(Instant time, String stream, String text) {
        StringBuilder out = new StringBuilder(48 + text.length());
        out.append(time);
        while (out.length() < 30) {
            out.append(' ');
        }
        return out.append(' ').append(stream).append(": ").append(text).toString();
    }
}
