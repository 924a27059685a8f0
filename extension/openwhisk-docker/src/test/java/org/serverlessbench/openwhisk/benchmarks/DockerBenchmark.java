package org.serverlessbench.openwhisk.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.serverlessbench.openwhisk.client.ActionLimits;
import org.serverlessbench.openwhisk.client.ActionPut;
import org.serverlessbench.openwhisk.client.Exec;
import org.serverlessbench.openwhisk.client.InvokeOptions;
import org.serverlessbench.openwhisk.client.InvokeResult;
import org.serverlessbench.openwhisk.client.KeyValue;
import org.serverlessbench.openwhisk.client.OpenWhiskClient;
import org.serverlessbench.openwhisk.docker.BuiltImage;
import org.serverlessbench.openwhisk.docker.DockerContainerFactory;
import org.serverlessbench.openwhisk.docker.DockerEngine;
import org.serverlessbench.openwhisk.docker.DockerImages;
import org.serverlessbench.openwhisk.docker.ImageBuild;
import org.serverlessbench.openwhisk.docker.RuntimeImages;
import org.serverlessbench.openwhisk.embedded.EmbeddedOpenWhisk;
import org.serverlessbench.openwhisk.embedded.runtime.ProcessContainerFactory;

/**
 * The figures of docs/docker.md: an image build on a cache hit; the client round trip of a Docker cold start of a
 * Node.js no-op; warm invokes of the same no-op through a container and through a process, interleaved in one run.
 * Arguments: [cold starts] [warm invokes per kind] [pool MB for CPU shares]; defaults 12, 300 and 4096 (more than
 * 15 cold starts of 256 MB fill the 4 GB pool, and evictions of the superseded containers then count into the cold
 * starts). The cold starts are interleaved with the same cold starts on a second embedded OpenWhisk whose factory makes
 * no spare containers, broken down into the container factory's steps (its
 * {@link DockerContainerFactory#STEPS_LOGGER} log), and set beside cold starts of the same no-op through a process.
 */
public final class DockerBenchmark {

    private static final String NOOP = "function main(args) { return {}; }";

    private DockerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int colds = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int warms = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        // The pool memory CPU shares are divided by: 4096 MB gives a 256 MB container 64 shares (OpenWhisk's rule);
        // 256 gives it 1024, as much as a process, which shows what the rule costs under the machine's load.
        int cpuSharePoolMb = args.length > 2 ? Integer.parseInt(args[2]) : 4096;
        try (DockerEngine engine = DockerEngine.connect()) {
            engine.unavailableReason().ifPresent(reason -> {
                throw new IllegalStateException(reason);
            });
            DockerImages images = new DockerImages(engine);
            String runtime = new RuntimeImages(images).ensure(RuntimeImages.NODEJS);
            BuiltImage image = noopImage(images, runtime);
            StepLog steps = StepLog.install();
            // The same cold starts with and without spare containers, interleaved in one run (the machine is shared,
            // so only a comparison made at the same time is worth much). The rest of the run uses the first.
            DockerContainerFactory factory = DockerContainerFactory.newBuilder().engine(engine)
                    .memoryCapacityMb(cpuSharePoolMb).spareContainers(true)
                    .processes(new ProcessContainerFactory()).build();
            DockerContainerFactory withoutSpares = DockerContainerFactory.newBuilder().engine(engine)
                    .memoryCapacityMb(cpuSharePoolMb).spareContainers(false).build();
            try (EmbeddedOpenWhisk openWhisk = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0)
                    .containerFactory(factory).start();
                 EmbeddedOpenWhisk openWhiskWithoutSpares = EmbeddedOpenWhisk.newBuilder().prewarm("nodejs:20", 0)
                         .containerFactory(withoutSpares).start();
                 OpenWhiskClient client = client(openWhisk);
                 OpenWhiskClient clientWithoutSpares = client(openWhiskWithoutSpares)) {
                put(client, "noop-process", new Exec("nodejs:20", NOOP, false, "main", null), 0);
                Exec blackbox = new Exec("blackbox", NOOP, false, "main", image.reference());
                long[] cold = new long[colds];
                long[] coldWithoutSpares = new long[colds];
                List<Map<String, Long>> stepsWith = new ArrayList<>();
                List<Map<String, Long>> stepsWithout = new ArrayList<>();
                for (int i = 0; i < colds; i++) {
                    // which variant goes first alternates, so that the position in a pair weighs on neither
                    for (boolean withSpares : i % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                        OpenWhiskClient variant = withSpares ? client : clientWithoutSpares;
                        put(variant, "noop-container", blackbox, i);
                        long elapsed = timedInvoke(variant, "noop-container", true);
                        factory.awaitSpareContainers();
                        if (withSpares) {
                            cold[i] = elapsed;
                            stepsWith.addAll(steps.take());
                        } else {
                            coldWithoutSpares[i] = elapsed;
                            stepsWithout.addAll(steps.take());
                        }
                    }
                }
                report("Docker cold start, Node.js no-op, client round trip", cold);
                StepLog.report(stepsWith);
                report("  the same without spare containers", coldWithoutSpares);
                StepLog.report(stepsWithout);
                long[] ratios = new long[colds];
                for (int i = 0; i < colds; i++) {
                    ratios[i] = Math.round(1e6 * cold[i] / coldWithoutSpares[i]);
                }
                System.out.printf("cold start with / without spares, p50 of the pairs' ratios: %.3f%n",
                        percentile(ratios, 50) / 1e6);
                // The same cold start through a local process, for the machine's state in this run.
                factory.awaitSpareContainers();
                long[] processCold = new long[colds];
                for (int i = 0; i < colds; i++) {
                    put(client, "noop-process", new Exec("nodejs:20", NOOP, false, "main", null), i + 1);
                    processCold[i] = timedInvoke(client, "noop-process", true);
                }
                report("process cold start, Node.js no-op, client round trip", processCold);
                for (int i = 0; i < 20; i++) {
                    timedInvoke(client, "noop-process", i == 0 ? null : false);
                    timedInvoke(client, "noop-container", false);
                }
                long[] process = new long[warms];
                long[] container = new long[warms];
                for (int i = 0; i < warms; i++) {
                    process[i] = timedInvoke(client, "noop-process", false);
                    container[i] = timedInvoke(client, "noop-container", false);
                }
                double p50Process = report("warm invoke through a process", process);
                double p50Container = report("warm invoke through a container", container);
                System.out.printf("container/process warm p50 ratio: %.2f%n", p50Container / p50Process);
            }
        }
    }

    /** Builds the no-op image on the runtime image and reports its cache hits; leaves no build context behind. */
    private static BuiltImage noopImage(DockerImages images, String runtime) throws IOException {
        Path context = Files.createTempDirectory("docker-benchmark-");
        Path dockerfile = Files.writeString(context.resolve("Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n");
        try {
            ImageBuild build = new ImageBuild(dockerfile, context, "openwhisk-junit/benchmark-noop:1",
                    Map.of("BASE_IMAGE", runtime));
            BuiltImage image = images.build(build);
            long[] hits = new long[20];
            for (int i = 0; i < hits.length; i++) {
                long start = System.nanoTime();
                images.build(build);
                hits[i] = System.nanoTime() - start;
            }
            report("image build, cache hit", hits);
            return image;
        } finally {
            Files.delete(dockerfile);
            Files.delete(context);
        }
    }

    private static void put(OpenWhiskClient client, String name, Exec exec, int revision) {
        client.updateAction(name, ActionPut.newBuilder().exec(exec).limits(new ActionLimits(30_000, 256, null, null))
                .parameters(java.util.List.of(new KeyValue("revision", revision))).build());
    }

    /** The round trip of a blocking invoke that must succeed and, unless {@code expectCold} is null, be so. */
    private static long timedInvoke(OpenWhiskClient client, String name, Boolean expectCold) {
        long start = System.nanoTime();
        InvokeResult result = client.invoke(name, Map.of(), InvokeOptions.blocking());
        long elapsed = System.nanoTime() - start;
        if (!result.success() || expectCold != null && result.activation().cold() != expectCold) {
            throw new IllegalStateException(name + ": expected a successful "
                    + (expectCold == null ? "" : expectCold ? "cold " : "warm ")
                    + "activation, got " + result);
        }
        return elapsed;
    }

    private static OpenWhiskClient client(EmbeddedOpenWhisk openWhisk) {
        return OpenWhiskClient.newBuilder().apiHost(openWhisk.apiHost()).auth(openWhisk.auth())
                .configurationParameters(key -> Optional.empty()).environment(Map.of()).build();
    }

    /** The steps of every container start, from the factories' log. */
    private static final class StepLog extends Handler {
        private final List<Map<String, Long>> starts = new ArrayList<>();

        static StepLog install() {
            StepLog log = new StepLog();
            Logger logger = Logger.getLogger(DockerContainerFactory.STEPS_LOGGER);
            logger.setLevel(Level.FINE);
            logger.addHandler(log);
            return log;
        }

        @Override
        @SuppressWarnings("unchecked")
        public synchronized void publish(LogRecord record) {
            if (DockerContainerFactory.STEPS_MESSAGE.equals(record.getMessage())
                    && record.getParameters()[1] instanceof Map<?, ?> steps) {
                starts.add((Map<String, Long>) steps);
            }
        }

        /** The starts logged since the last call. */
        synchronized List<Map<String, Long>> take() {
            List<Map<String, Long>> taken = List.copyOf(starts);
            starts.clear();
            return taken;
        }

        static void report(List<Map<String, Long>> starts) {
            Map<String, List<Long>> nanos = new LinkedHashMap<>();
            starts.forEach(steps -> steps.forEach((step, value) -> nanos.computeIfAbsent(step,
                    k -> new ArrayList<>()).add(value)));
            nanos.forEach((step, values) -> DockerBenchmark.report("  container start step: " + step,
                    values.stream().mapToLong(Long::longValue).toArray()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length * percent / 100];
    }

    private static double report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2] / 1e6;
        System.out.printf("%-55s n=%4d  p50 %8.2f ms  p10 %8.2f ms  p90 %8.2f ms%n", what, sorted.length, p50,
                sorted[sorted.length / 10] / 1e6, sorted[sorted.length * 9 / 10] / 1e6);
        return p50;
    }
}
