package org.serverlessbench.openwhisk.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessbench.openwhisk.junit.FunctionUpdate;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;

class FunctionSpecReaderTests {

    private final FunctionSpecReader reader = new FunctionSpecReader(
            new CodePackager(Path.of("").toAbsolutePath(), TestKinds.EMBEDDED),
            new TargetLimits(128, 512, 100, 300_000, 1, 4));
    private final List<String> problems = new ArrayList<>();

    @OpenWhiskFunction(name = "echo", code = "src/test/functions/echo-node", memory = 128, timeout = 5000,
            parameters = {"size=small", "n=3"}, annotations = "team=\"bench\"")
    @OpenWhiskFunction(name = "big", code = "src/test/functions/echo-node", memory = 1024, timeout = 50,
            concurrency = 5)
    @OpenWhiskFunction(name = "shared", code = "src/test/functions/echo-node", concurrency = 4)
    @OpenWhiskFunction(name = "has space", code = "src/test/functions/echo-node", annotations = "web-export=false")
    private static final class Fixtures {
    }

    private static OpenWhiskFunction fixture(String name) {
        return AnnotatedFunctions.named(Fixtures.class, name);
    }

    @Test
    void readsAValidFunction() {
        FunctionSpec spec = reader.read(fixture("echo"), "class a.B", problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(spec.name()).isEqualTo("echo");
        assertThat(spec.memory()).isEqualTo(128);
        assertThat(spec.timeout()).isEqualTo(5000);
        assertThat(spec.parameters()).containsExactly(Map.entry("size", "small"), Map.entry("n", 3));
        assertThat(spec.actionAnnotations(null)).containsEntry("team", "bench").containsEntry("web-export", true)
                .containsEntry("raw-http", false).containsEntry(FunctionSpec.HASH_ANNOTATION, spec.hash());
    }

    @Test
    void limitsOutsideTheTargetsRangeNameAnnotationAttributePlaceAndAllowedValues() {
        assertThat(reader.read(fixture("big"), "method a.B#c", problems)).isEmpty();

        assertThat(problems).containsExactly(
                "@OpenWhiskFunction(name = \"big\") on method a.B#c: attribute 'memory' is 1024 MB, but the target"
                        + " allows 128 to 512 MB (GET /namespaces/_/limits)",
                "@OpenWhiskFunction(name = \"big\") on method a.B#c: attribute 'timeout' is 50 ms, but the target"
                        + " allows 100 to 300000 ms (GET /namespaces/_/limits)",
                "@OpenWhiskFunction(name = \"big\") on method a.B#c: attribute 'concurrency' is 5, but the target"
                        + " allows 1 to 4 (GET /namespaces/_/limits)");
    }

    @Test
    void concurrencyIsDeployedAndPartOfTheHashOnlyWhenSet() {
        FunctionSpec shared = reader.read(fixture("shared"), "class a.B", problems).orElseThrow();
        FunctionSpec echo = reader.read(fixture("echo"), "class a.B", problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(shared.concurrency()).isEqualTo(4);
        assertThat(echo.concurrency()).isEqualTo(1);
        FunctionSpec sharedAsSingle = new FunctionSpec(shared.name(), shared.declaredOn(), shared.code(),
                shared.memory(), shared.timeout(), 1, shared.parameters(), shared.annotations(), shared.web(),
                shared.benchmark(), shared.language());
        assertThat(shared.hash()).isNotEqualTo(sharedAsSingle.hash());
        assertThat(shared.with(FunctionUpdate.newBuilder().memory(128).build()).concurrency()).isEqualTo(4);
    }

    @Test
    void badNameAndManagedAnnotationsAreProblems() {
        assertThat(reader.read(fixture("has space"), "class a.B", problems)).isEmpty();

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("attribute 'name' is \"has space\"", "letters, digits");
        assertThat(problems.get(1)).contains("sets 'web-export', which the extension manages",
                "use the 'web' attribute");
    }

    @Test
    void hashIsStableAndFollowsEveryDeployedValue() {
        FunctionSpec spec = reader.read(fixture("echo"), "class a.B", problems).orElseThrow();
        FunctionSpec again = reader.read(fixture("echo"), "class other.C", problems).orElseThrow();

        assertThat(again.hash()).isEqualTo(spec.hash()).hasSize(64);
        assertThat(spec.with(FunctionUpdate.memory(256)).hash()).isNotEqualTo(spec.hash());
        assertThat(spec.with(FunctionUpdate.newBuilder().parameter("n", 4).build()).hash())
                .isNotEqualTo(spec.hash());
        assertThat(spec.with(FunctionUpdate.newBuilder().timeout(5000).build()).hash()).isEqualTo(spec.hash());
    }

    @Test
    void updateMergesParameters() {
        FunctionSpec spec = reader.read(fixture("echo"), "class a.B", problems).orElseThrow();

        FunctionSpec updated = spec.with(FunctionUpdate.newBuilder().memory(256).parameter("n", 4)
                .parameter("extra", "x").build());

        assertThat(updated.memory()).isEqualTo(256);
        assertThat(updated.timeout()).isEqualTo(5000);
        assertThat(updated.parameters()).containsExactly(Map.entry("size", "small"), Map.entry("n", 4),
                Map.entry("extra", "x"));
    }
}
