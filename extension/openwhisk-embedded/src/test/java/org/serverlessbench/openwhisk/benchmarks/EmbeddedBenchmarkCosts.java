package org.serverlessbench.openwhisk.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a series of calls cost this JVM, counted in ways that depend little on the machine's load: voluntary context
 * switches of its threads (each one a thread that parked and was woken again), from {@code /proc/self/task/*}, by
 * thread name with digits left out, and the CPU time of its threads. Both include the client's own share, which is
 * the same for every series of one client.
 */
final class EmbeddedBenchmarkCosts {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String VOLUNTARY = "voluntary_ctxt_switches:";
    private static final int NAMES_SHOWN = 8;

    private final Map<String, Long> switches = new HashMap<>();
    private long cpuNanos;
    private long calls;
    private Map<String, Long> switchesAtStart;
    private long cpuAtStart;

    /** Starts counting a block of calls. */
    void start() {
        switchesAtStart = voluntarySwitches();
        cpuAtStart = threadsCpuNanos();
    }

    /** Ends the block started last, of {@code count} calls. */
    void stop(int count) {
        cpuNanos += threadsCpuNanos() - cpuAtStart;
        voluntarySwitches().forEach((name, now) ->
                switches.merge(name, now - switchesAtStart.getOrDefault(name, 0L), Long::sum));
        calls += count;
    }

    String summary() {
        long total = switches.values().stream().mapToLong(Long::longValue).sum();
        String byName = switches.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(NAMES_SHOWN)
                .map(e -> String.format("%s %.2f", e.getKey(), (double) e.getValue() / calls))
                .collect(Collectors.joining(", "));
        return String.format("%.2f voluntary context switches per call (%s), %.1f us of JVM CPU per call",
                (double) total / calls, byName, cpuNanos / 1000.0 / calls);
    }

    /** By thread name (digits left out, so a pool counts as one), over the threads alive now. */
    private static Map<String, Long> voluntarySwitches() {
        Map<String, Long> byName = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    byName.merge(name, voluntarySwitches(task.resolve("status")), Long::sum);
                } catch (NoSuchFileException ended) {
                    // the thread ended while we listed them
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TASKS, e);
        }
        return byName;
    }

    private static long voluntarySwitches(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(VOLUNTARY)) {
                return Long.parseLong(line.substring(VOLUNTARY.length()).strip());
            }
        }
        return 0;
    }

    /** CPU time of the threads alive now. */
    private static long threadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }
}
