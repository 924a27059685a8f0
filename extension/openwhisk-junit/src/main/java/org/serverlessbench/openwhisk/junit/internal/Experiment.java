package org.serverlessbench.openwhisk.junit.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.support.AnnotationSupport;
import org.serverlessbench.openwhisk.junit.ColdStart;
import org.serverlessbench.openwhisk.junit.IdleTimes;
import org.serverlessbench.openwhisk.junit.InvocationMode;
import org.serverlessbench.openwhisk.junit.MemorySizes;
import org.serverlessbench.openwhisk.junit.Mode;
import org.serverlessbench.openwhisk.junit.PayloadSizes;
import org.serverlessbench.openwhisk.junit.Samples;
import org.serverlessbench.openwhisk.junit.Trials;
import org.serverlessbench.openwhisk.junit.Warmup;

/**
 * The validated experiment declared on a test method: its dimensions ({@code @MemorySizes}, {@code @Mode},
 * {@code @Trials}, {@code @PayloadSizes}, {@code @IdleTimes}), whose cartesian product gives the template's points,
 * and how many samples each point takes ({@code @Samples}).
 *
 * @param memorySizes     memory limits in MB; empty when not a dimension
 * @param memoryFunctions the functions whose memory changes; empty for all in scope
 * @param modes           invocation modes; empty when not a dimension
 * @param batch           concurrent body runs per batch in warm and burst mode
 * @param trials          the number of trials; 0 when not a dimension
 * @param samples         how many body runs each point takes
 * @param idleTimes       idle times; empty when not a dimension
 * @param pairs           invoke-wait-invoke pairs per idle time
 * @param payloadSizes    payload sizes in bytes; empty when not a dimension
 */
record Experiment(List<Integer> memorySizes, List<String> memoryFunctions, List<InvocationMode> modes, int batch,
        int trials, SamplePlan samples, List<Duration> idleTimes, int pairs, List<Long> payloadSizes) {

    private static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(MemorySizes.class, Mode.class,
            Trials.class, Samples.class, IdleTimes.class, PayloadSizes.class);

    /**
     * How many times the body runs per point: {@code fixed} times, or adaptively between {@code min} and
     * {@code max} until the median's 95 % interval is within {@code relativeCi} of the median.
     */
    record SamplePlan(int fixed, int min, int max, double relativeCi) {

        static final SamplePlan ONCE = new SamplePlan(1, 1, 1, 0);

        boolean adaptive() {
            return fixed == 0;
        }

        /** {@code 50 samples} or {@code 30-1000 samples, ±5 %}. */
        String describe() {
            return adaptive()
                    ? min + "-" + max + " samples, ±" + ExperimentPoint.percent(relativeCi)
                    : fixed + (fixed == 1 ? " sample" : " samples");
        }
    }

    /** Whether {@code method} declares an experiment (any of its annotations). */
    static boolean declaredOn(Method method) {
        return ANNOTATIONS.stream().anyMatch(type -> AnnotationSupport.isAnnotated(method, type));
    }

    /** Whether the experiment on {@code method} decides how often and how its body runs. */
    static boolean drivesBody(Method method) {
        return AnnotationSupport.isAnnotated(method, Mode.class) || AnnotationSupport.isAnnotated(method, Samples.class)
                || AnnotationSupport.isAnnotated(method, IdleTimes.class);
    }

    /**
     * Reads and validates the experiment on {@code method}.
     *
     * @throws ExtensionConfigurationException listing every problem
     */
    static Experiment read(Method method, TargetLimits limits) {
        List<String> problems = new ArrayList<>();
        Experiment experiment = read(method, "method " + method.getDeclaringClass().getName() + "#" + method.getName(),
                limits, problems);
        if (!problems.isEmpty()) {
            throw new ExtensionConfigurationException("Invalid experiment annotations:\n  - "
                    + String.join("\n  - ", problems));
        }
        return experiment;
    }

    /**
     * Reads the experiment on {@code method}, adding what is wrong with it to {@code problems}; {@code where} names
     * the method for messages. The result is only meaningful when no problem was added.
     */
    static Experiment read(Method method, String where, TargetLimits limits, List<String> problems) {
        if (!declaredOn(method)) {
            return null;
        }
        checkCombinations(method, where, problems);
        Optional<MemorySizes> memory = AnnotationSupport.findAnnotation(method, MemorySizes.class);
        List<Integer> memorySizes = memory.map(sizes -> memorySizes(sizes, where, limits, problems)).orElse(List.of());
        List<String> memoryFunctions = memory.map(sizes -> functions(sizes, where, problems)).orElse(List.of());
        Optional<Mode> mode = AnnotationSupport.findAnnotation(method, Mode.class);
        List<InvocationMode> modes = mode.map(declared -> modes(declared, where, problems)).orElse(List.of());
        int batch = mode.map(Mode::batch).orElse(1);
        if (batch < 1) {
            problems.add("@Mode on " + where + ": attribute 'batch' is " + batch + ", but must be at least 1");
        }
        int trials = AnnotationSupport.findAnnotation(method, Trials.class).map(Trials::value).orElse(0);
        if (AnnotationSupport.isAnnotated(method, Trials.class) && trials < 1) {
            problems.add("@Trials(" + trials + ") on " + where + ": attribute 'value' must be at least 1");
        }
        SamplePlan samples = AnnotationSupport.findAnnotation(method, Samples.class)
                .map(declared -> samples(declared, where, problems)).orElse(SamplePlan.ONCE);
        Optional<IdleTimes> idle = AnnotationSupport.findAnnotation(method, IdleTimes.class);
        List<Duration> idleTimes = idle.map(declared -> idleTimes(declared, where, problems)).orElse(List.of());
        int pairs = idle.map(IdleTimes::pairs).orElse(0);
        if (idle.isPresent() && pairs < 1) {
            problems.add("@IdleTimes on " + where + ": attribute 'pairs' is " + pairs + ", but must be at least 1");
        }
        List<Long> payloadSizes = AnnotationSupport.findAnnotation(method, PayloadSizes.class)
                .map(declared -> payloadSizes(declared, where, problems)).orElse(List.of());
        return new Experiment(memorySizes, memoryFunctions, modes, batch, trials, samples, idleTimes, pairs,
                payloadSizes);
    }

    private static void checkCombinations(Method method, String where, List<String> problems) {
        String declared = String.join(", ", ANNOTATIONS.stream()
                .filter(type -> AnnotationSupport.isAnnotated(method, type))
                .map(type -> "@" + type.getSimpleName()).toList());
        for (Class<? extends Annotation> template : List.of(Test.class, RepeatedTest.class,
                ParameterizedTest.class)) {
            if (AnnotationSupport.isAnnotated(method, template)) {
                problems.add(declared + " and @" + template.getSimpleName() + " on " + where + ": an experiment is a"
                        + " test template of its own (one run per point); remove @" + template.getSimpleName());
            }
        }
        boolean mode = AnnotationSupport.isAnnotated(method, Mode.class);
        if (mode && AnnotationSupport.isAnnotated(method, ColdStart.class)) {
            problems.add("@Mode and @ColdStart on " + where + ": the mode decides cold starts (InvocationMode.COLD"
                    + " forces them); remove @ColdStart");
        }
        if (mode && AnnotationSupport.isAnnotated(method, Warmup.class)) {
            problems.add("@Mode and @Warmup on " + where + ": the mode decides warm-ups (WARM and SEQUENTIAL warm up"
                    + " themselves); remove @Warmup");
        }
        boolean idle = AnnotationSupport.isAnnotated(method, IdleTimes.class);
        if (idle && mode) {
            problems.add("@IdleTimes and @Mode on " + where + ": an idle-time map takes its own samples (a warm-up run,"
                    + " the wait, the measured run); remove @Mode");
        }
        if (idle && AnnotationSupport.isAnnotated(method, Samples.class)) {
            problems.add("@IdleTimes and @Samples on " + where + ": an idle-time map's sample count is its attribute"
                    + " 'pairs'; remove @Samples");
        }
        if (idle && AnnotationSupport.isAnnotated(method, ColdStart.class)) {
            problems.add("@IdleTimes and @ColdStart on " + where + ": whether the run after the wait is cold is what"
                    + " the map measures; remove @ColdStart");
        }
    }

    private static List<Integer> memorySizes(MemorySizes sizes, String where, TargetLimits limits,
            List<String> problems) {
        String annotation = "@MemorySizes(" + Arrays.toString(sizes.value()) + ") on " + where;
        if (sizes.value().length == 0) {
            problems.add(annotation + ": attribute 'value' must list at least one size in MB");
        }
        Set<Integer> seen = new HashSet<>();
        for (int size : sizes.value()) {
            if (size < limits.minMemory() || size > limits.maxMemory()) {
                problems.add(annotation + ": attribute 'value' has " + size + " MB, but the target allows "
                        + limits.minMemory() + " to " + limits.maxMemory() + " MB (GET /namespaces/_/limits)");
            }
            if (!seen.add(size)) {
                problems.add(annotation + ": attribute 'value' lists " + size + " MB twice");
            }
        }
        return Arrays.stream(sizes.value()).boxed().toList();
    }

    private static List<String> functions(MemorySizes sizes, String where, List<String> problems) {
        for (String name : sizes.functions()) {
            if (name == null || name.isBlank()) {
                problems.add("@MemorySizes on " + where + ": attribute 'functions' has a blank name");
            }
        }
        return List.of(sizes.functions());
    }

    private static List<InvocationMode> modes(Mode mode, String where, List<String> problems) {
        if (mode.value().length == 0) {
            problems.add("@Mode on " + where + ": attribute 'value' must list at least one mode");
        }
        Set<InvocationMode> seen = new HashSet<>();
        for (InvocationMode value : mode.value()) {
            if (!seen.add(value)) {
                problems.add("@Mode on " + where + ": attribute 'value' lists " + value + " twice");
            }
        }
        return List.of(mode.value());
    }

    private static SamplePlan samples(Samples samples, String where, List<String> problems) {
        String annotation = "@Samples on " + where;
        if (samples.value() < 0) {
            problems.add(annotation + ": attribute 'value' is " + samples.value() + ", but must be at least 1 (or 0"
                    + " for adaptive sampling)");
        }
        if (samples.value() != 0) {
            return new SamplePlan(samples.value(), samples.value(), samples.value(), 0);
        }
        if (samples.min() < 1) {
            problems.add(annotation + ": attribute 'min' is " + samples.min() + ", but must be at least 1");
        }
        if (samples.max() < samples.min()) {
            problems.add(annotation + ": attribute 'max' is " + samples.max() + ", but must be at least 'min' ("
                    + samples.min() + ")");
        }
        if (!(samples.relativeCi() > 0 && samples.relativeCi() < 1)) {
            problems.add(annotation + ": attribute 'relativeCi' is " + samples.relativeCi() + ", but must be"
                    + " between 0 and 1 (0.05 for ±5 % of the median)");
        }
        return new SamplePlan(0, samples.min(), samples.max(), samples.relativeCi());
    }

    private static List<Duration> idleTimes(IdleTimes idle, String where, List<String> problems) {
        String attribute = "@IdleTimes on " + where + ": attribute 'value'";
        if (idle.value().length == 0) {
            problems.add(attribute + " must list at least one idle time, for example {\"1s\", \"10s\"}");
        }
        List<Duration> times = new ArrayList<>();
        for (String text : idle.value()) {
            try {
                Duration time = DurationText.parse(text, attribute);
                if (times.contains(time)) {
                    problems.add(attribute + " lists \"" + text + "\" twice");
                }
                times.add(time);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return Collections.unmodifiableList(times);
    }

    private static List<Long> payloadSizes(PayloadSizes sizes, String where, List<String> problems) {
        String annotation = "@PayloadSizes on " + where;
        long from;
        long to;
        try {
            from = DataSizeText.parse(sizes.from(), annotation + ": attribute 'from'");
            to = DataSizeText.parse(sizes.to(), annotation + ": attribute 'to'");
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return List.of();
        }
        if (from < 1) {
            problems.add(annotation + ": attribute 'from' is \"" + sizes.from() + "\", but must be at least 1 B");
            return List.of();
        }
        if (to < from) {
            problems.add(annotation + ": attribute 'to' (\"" + sizes.to() + "\") is smaller than 'from' (\""
                    + sizes.from() + "\")");
            return List.of();
        }
        int points = sizes.points();
        if (points < 1 || (points == 1 && from != to)) {
            problems.add(annotation + ": attribute 'points' is " + points + ", but must be at least 2 (1 only when"
                    + " 'from' equals 'to')");
            return List.of();
        }
        List<Long> result = geometric(from, to, points);
        if (result.stream().distinct().count() != result.size()) {
            problems.add(annotation + ": attribute 'points' is " + points + ", more sizes than there are whole"
                    + " bytes between " + DataSizeText.format(from) + " and " + DataSizeText.format(to)
                    + " on a geometric scale; use fewer points");
        }
        return result;
    }

    /** {@code points} sizes from {@code from} to {@code to}, each the same factor larger than the one before. */
    static List<Long> geometric(long from, long to, int points) {
        if (points == 1) {
            return List.of(from);
        }
        List<Long> sizes = new ArrayList<>();
        double ratio = (double) to / from;
        for (int i = 0; i < points; i++) {
            sizes.add(i == points - 1 ? to : Math.round(from * Math.pow(ratio, (double) i / (points - 1))));
        }
        return List.copyOf(sizes);
    }

    /** The template's points: the cartesian product of the dimensions, memory outermost, idle time innermost. */
    List<ExperimentPoint> points() {
        List<ExperimentPoint> points = new ArrayList<>();
        for (Integer memory : orNone(memorySizes)) {
            for (InvocationMode mode : orNone(modes)) {
                for (Integer trial : orNone(trialNumbers())) {
                    for (Long payload : orNone(payloadSizes)) {
                        for (Duration idle : orNone(idleTimes)) {
                            points.add(new ExperimentPoint(memory, mode, trial, payload, idle, this));
                        }
                    }
                }
            }
        }
        return List.copyOf(points);
    }

    private List<Integer> trialNumbers() {
        List<Integer> numbers = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            numbers.add(trial);
        }
        return numbers;
    }

    /** The values of a dimension, or a single null when the dimension is not declared. */
    private static <T> List<T> orNone(List<T> values) {
        return values.isEmpty() ? Collections.singletonList(null) : values;
    }
}
