package org.serverlessbench.openwhisk.embedded.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What per-container cgroups cost: cold starts (create + {@code /init} + first {@code /run}) and closes of no-op
 * nodejs and python containers, alternating between a factory with cgroups and one without, so that both see the
 * same machine load. Usage: {@code CgroupStartCostProbe [repetitions]}; the command is in docs/runtimes.md.
 */
public final class CgroupStartCostProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> NOOPS = Map.of(
            "nodejs:20", RuntimeMessages.init("function main() { return {}; }", "main"),
            "python:3.11", RuntimeMessages.init("def main(args):\n    return {}\n", "main"));

    private CgroupStartCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String path = System.getenv("PATH");
        try (ProcessContainerFactory withCgroups = new ProcessContainerFactory(null, path, true);
             ProcessContainerFactory without = new ProcessContainerFactory(null, path, false)) {
            if (!withCgroups.limitsWholeProcessTrees()) {
                System.out.println("cgroups cannot be written here; nothing to compare");
                return;
            }
            for (String kind : List.of("nodejs:20", "python:3.11")) {
                List<long[]> cgroup = new ArrayList<>();
                List<long[]> plain = new ArrayList<>();
                for (int i = 0; i < repetitions; i++) {
                    cgroup.add(coldStartAndClose(withCgroups, kind));
                    plain.add(coldStartAndClose(without, kind));
                }
                print(kind, "with cgroups", cgroup);
                print(kind, "without", plain);
            }
        }
    }

    /** Nanoseconds of {create + init + run, close}. */
    private static long[] coldStartAndClose(ProcessContainerFactory factory, String kind) throws Exception {
        long started = System.nanoTime();
        ActionContainer container = factory.create(kind, 256, Map.of());
        expectOk(container.init(NOOPS.get(kind), TIMEOUT));
        expectOk(container.run(RuntimeMessages.run(Map.of()), TIMEOUT));
        long ran = System.nanoTime();
        container.close();
        return new long[] {ran - started, System.nanoTime() - ran};
    }

    private static void print(String kind, String variant, List<long[]> samples) {
        List<Long> cold = samples.stream().map(sample -> sample[0]).sorted().toList();
        List<Long> close = samples.stream().map(sample -> sample[1]).sorted().toList();
        System.out.printf("%-12s %-13s cold p50 %6.1f ms (min %6.1f)   close p50 %5.1f ms (min %5.1f)%n", kind,
                variant, ms(cold.get(cold.size() / 2)), ms(Collections.min(cold)), ms(close.get(close.size() / 2)),
                ms(Collections.min(close)));
    }

    private static void expectOk(RuntimeResponse response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Runtime answered " + response);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
