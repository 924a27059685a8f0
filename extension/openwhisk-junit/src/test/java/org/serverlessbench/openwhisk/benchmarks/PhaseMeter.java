package org.serverlessbench.openwhisk.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one phase of the load benchmark cost, in figures a shared machine's wait for a CPU does not inflate: CPU time
 * and heap allocation of the JVM and of its thread groups (callers, server, invoker), collections, and the CPU time
 * of each action runtime process started by this JVM.
 *
 * <p>Threads are sampled every {@value #SAMPLE_MS} ms while the phase runs, so a thread that ends between samples
 * loses at most that last interval; the callers of an open loop live for the whole phase.
 */
final class PhaseMeter implements AutoCloseable {

    private static final long SAMPLE_MS = 250;
    /** {@code /proc/<pid>/stat} counts CPU time in clock ticks, 100 per second on Linux. */
    private static final double TICK_MS = 10;

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final long cpuBefore = os.getProcessCpuTime();
    private final long allocatedBefore = threads.getTotalThreadAllocatedBytes();
    private final long gcCountBefore = gcCount();
    private final long gcMillisBefore = gcMillis();
    private final Map<Long, long[]> threadsBefore = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, long[]> threadsLast = new HashMap<>();
    private final Map<Long, Long> runtimesBefore = runtimeTicks();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "phase-meter");
        thread.setDaemon(true);
        return thread;
    });

    PhaseMeter() {
        sample();
        threadsBefore.putAll(threadsLast);
        sampler.scheduleAtFixedRate(this::sample, SAMPLE_MS, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        long[] allocated = threads.getThreadAllocatedBytes(ids);
        long[] unnamed = Arrays.stream(ids).filter(id -> !names.containsKey(id)).toArray();
        for (ThreadInfo info : threads.getThreadInfo(unnamed)) {
            if (info != null) {
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (names.containsKey(ids[i]) && cpu[i] >= 0 && allocated[i] >= 0) {
                threadsLast.put(ids[i], new long[] {cpu[i], allocated[i]});
            }
        }
    }

    /** Stops sampling; {@link #report} then describes the phase up to now. */
    @Override
    public void close() {
        sampler.shutdownNow();
        sample();
    }

    /** Lines describing the phase, per invocation where {@code invocations} is given. */
    List<String> report(int invocations) {
        double n = Math.max(1, invocations);
        List<String> lines = new ArrayList<>();
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        lines.add(String.format(Locale.ROOT, "  JVM: CPU %.2f ms and %.1f KB allocated per invocation; %d"
                        + " collections, %d ms in all (MXBean times)", cpu / 1e6 / n, allocated / 1024.0 / n,
                gcCount() - gcCountBefore, gcMillis() - gcMillisBefore));
        Map<String, long[]> groups = new LinkedHashMap<>();
        synchronized (this) {
            threadsLast.forEach((id, last) -> {
                long[] before = threadsBefore.getOrDefault(id, new long[2]);
                long[] sum = groups.computeIfAbsent(group(names.get(id)), key -> new long[2]);
                sum[0] += last[0] - before[0];
                sum[1] += last[1] - before[1];
            });
        }
        StringBuilder text = new StringBuilder("  threads (CPU µs / KB allocated per invocation):");
        groups.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(entry -> text.append(String.format(Locale.ROOT, " %s %.0f / %.1f;", entry.getKey(),
                        entry.getValue()[0] / 1e3 / n, entry.getValue()[1] / 1024.0 / n)));
        lines.add(text.toString());
        Map<Long, Long> runtimesAfter = runtimeTicks();
        List<Long> busy = new ArrayList<>();
        long total = 0;
        for (Map.Entry<Long, Long> process : runtimesAfter.entrySet()) {
            long used = process.getValue() - runtimesBefore.getOrDefault(process.getKey(), 0L);
            total += used;
            busy.add(used);
        }
        busy.sort((a, b) -> Long.compare(b, a));
        lines.add(String.format(Locale.ROOT, "  Node.js runtime processes: %d at the start, %d at the end; CPU %.2f ms"
                        + " per invocation; CPU of each, most first (ms): %s", runtimesBefore.size(),
                runtimesAfter.size(), total * TICK_MS / n,
                busy.stream().map(ticks -> String.valueOf((long) (ticks * TICK_MS))).toList()));
        return lines;
    }

    /** A thread's group: its name with each number as {@code #}, {@code nodejs-3-stdout} as {@code nodejs-#-stdout}. */
    private static String group(String name) {
        return name == null ? "?" : name.replaceAll("\\d+", "#");
    }

    /** CPU ticks so far of every Node.js process this JVM started, by pid. */
    private static Map<Long, Long> runtimeTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("/node")).orElse(false))
                .forEach(process -> {
                    try {
                        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // fields 14 and 15 of stat (utime, stime), counted from the state as field 3
                        ticks.put(process.pid(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                });
        return ticks;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }
}
