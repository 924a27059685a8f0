package org.serverlessbench.openwhisk.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;

/** Validates an {@code @OpenWhiskFunction} and turns it into a {@link FunctionSpec}. */
final class FunctionSpecReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_@.-]*");
    private static final int MAX_NAME_LENGTH = 200;
    private static final Pattern SEBS_BENCHMARK = Pattern.compile("\\d{3}\\.[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final List<String> RESERVED_ANNOTATIONS = List.of("web-export", "raw-http",
            FunctionSpec.HASH_ANNOTATION, FunctionSpec.REVISION_ANNOTATION);

    private final CodePackager packager;
    private final TargetLimits limits;
    private final ImagePackager images;

    FunctionSpecReader(CodePackager packager, TargetLimits limits) {
        this(packager, limits, null);
    }

    /** With {@code images} for functions with {@code image = @DockerImage(...)}; {@code null}: none allowed. */
    TargetLimits limits() {
        return limits;
    }

    FunctionSpecReader(CodePackager packager, TargetLimits limits, ImagePackager images) {
        this.packager = packager;
        this.limits = limits;
        this.images = images;
    }

    /**
     * The spec, or empty after adding to {@code problems} one message per thing that is wrong, each naming the
     * annotation, the function and {@code declaredOn}.
     *
     * @param declaredOn {@code class a.B} or {@code method a.B#c}
     */
    Optional<FunctionSpec> read(OpenWhiskFunction function, String declaredOn, List<String> problems) {
        List<String> own = new ArrayList<>();
        String name = function.name().strip();
        if (!NAME.matcher(name).matches() || name.length() > MAX_NAME_LENGTH) {
            own.add("attribute 'name' is \"" + function.name() + "\", but a name must start with a letter, digit or"
                    + " '_' and contain only letters, digits and '_', '@', '.', '-' (at most " + MAX_NAME_LENGTH
                    + " characters)");
        }
        addIfPresent(own, limits.checkMemory(function.memory()));
        addIfPresent(own, limits.checkTimeout(function.timeout()));
        addIfPresent(own, limits.checkConcurrency(function.concurrency()));
        Map<String, Object> parameters = KeyValueParser.parse(function.parameters(), "parameters", own);
        Map<String, Object> annotations = KeyValueParser.parse(function.annotations(), "annotations", own);
        for (String reserved : RESERVED_ANNOTATIONS) {
            if (annotations.containsKey(reserved)) {
                own.add("attribute 'annotations' sets '" + reserved + "', which the extension manages"
                        + (reserved.startsWith("web") || reserved.startsWith("raw")
                                ? "; use the 'web' attribute" : ""));
            }
        }
        Optional<CodePackage> code;
        if (!ImagePackager.isImageFunction(function)) {
            code = packager.pack(function, own);
        } else if (images == null || !own.isEmpty()) {
            code = Optional.empty();
            if (images == null) {
                own.add("attribute 'image' is set, but image functions are not supported here");
            }
        } else {
            code = images.pack(function, own);
        }
        String prefix = "@OpenWhiskFunction(name = \"" + function.name() + "\") on " + declaredOn + ": ";
        own.forEach(problem -> problems.add(prefix + problem));
        if (!own.isEmpty() || code.isEmpty()) {
            return Optional.empty();
        }
        String kind = code.get().image() == null ? code.get().kind() : function.kind().strip();
        return Optional.of(new FunctionSpec(name, declaredOn, code.get(), function.memory(), function.timeout(),
                function.concurrency(), parameters, annotations, function.web(), benchmark(function), language(kind)));
    }

    /** The declared benchmark, else the first folder of the code path named as SeBS names benchmarks. */
    private static String benchmark(OpenWhiskFunction function) {
        if (!function.benchmark().isBlank()) {
            return function.benchmark().strip();
        }
        for (String segment : function.code().split("[/\\\\]")) {
            if (SEBS_BENCHMARK.matcher(segment).matches()) {
                return segment;
            }
        }
        return null;
    }

    /** The family of {@code kind}: {@code nodejs} for {@code nodejs:20}; null for blackbox or an empty kind. */
    private static String language(String kind) {
        String family = kind.contains(":") ? kind.substring(0, kind.indexOf(':')) : kind;
        return family.isEmpty() || family.equals("blackbox") ? null : family;
    }

    private static void addIfPresent(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
