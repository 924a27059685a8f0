package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntToLongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.storage.ObjectStorage;
import org.serverlessbench.openwhisk.storage.OpenWhiskStorage;

/**
 * SeBS 504.dna-visualisation: the function downloads a FASTA file, walks its sequence as a squiggle-style 2D line
 * and uploads the line's points as JSON. The check walks the generated sequence here, independently of the
 * functions, and compares every point of the uploaded JSON. SeBS ignores the input size and always walks one
 * bacterial genome; here the size picks the length of a generated sequence (docs/suite.md).
 */
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
@ExtendWith(BenchmarkSizeResolver.class)
@OpenWhiskStorage(benchmark = "504.dna-visualisation", object = true)
@OpenWhiskFunction(name = "dna-python", code = "src/test/functions/504.dna-visualisation/python",
        memory = 512, timeout = 60_000)
@OpenWhiskFunction(name = "dna-nodejs", code = "src/test/functions/504.dna-visualisation/nodejs",
        memory = 512, timeout = 60_000)
@OpenWhiskFunction(name = "dna-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.dna.DnaVisualisation", memory = 512, timeout = 60_000)
class DnaVisualisationBenchmark {

    private static final String KEY = "sequence.fasta";

    private static String sequence;
    private static byte[] fasta;

    @BeforeAll
    static void uploadInput(ObjectStorage storage, BenchmarkSize size) {
        int length = switch (size) {
            case TEST -> 10_000;
            case SMALL -> 250_000;
            case LARGE -> 4_000_000;
        };
        fasta = Inputs.fasta(length);
        StringBuilder bases = new StringBuilder();
        for (String line : new String(fasta, StandardCharsets.US_ASCII).split("\n")) {
            if (!line.startsWith(">")) {
                bases.append(line.strip());
            }
        }
        sequence = bases.toString();
        storage.put(storage.inputPrefix() + "/" + KEY, fasta);
    }

    @RepeatedTest(3)
    void python(@FunctionName("dna-python") Trigger trigger, ObjectStorage storage) throws IOException {
        FunctionLibraries.assumePython("boto3", "python3-boto3");
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("dna-nodejs") Trigger trigger, ObjectStorage storage) throws IOException {
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void java(@FunctionName("dna-java") Trigger trigger, ObjectStorage storage) throws IOException {
        check(trigger.invoke(input(storage)), storage);
    }

    static Map<String, Object> input(ObjectStorage storage) {
        return Map.of("object", Map.of("key", KEY), "bucket", storage.sebsBucket());
    }

    /** As a validate_output would: the uploaded line is the walk of the input sequence, point by point. */
    private static void check(Invocation invocation, ObjectStorage storage) throws IOException {
        Map<String, Object> result = SebsInvocations.result(invocation);
        Map<String, Object> measurement = SebsInvocations.measurement(invocation, "download_time", "download_size",
                "compute_time", "upload_time", "upload_size");
        String key = (String) result.get("key");
        assertThat(key).startsWith(storage.outputPrefix() + "/sequence.").endsWith(".json");
        byte[] uploaded = storage.get(key);
        assertThat(((Number) measurement.get("download_size")).longValue()).isEqualTo(fasta.length);
        assertThat(((Number) measurement.get("upload_size")).longValue()).isEqualTo(uploaded.length);

        long[] expected = twiceTheHeights(sequence);
        try (JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(uploaded),
                StandardCharsets.US_ASCII))) {
            reader.beginArray();
            assertThat(firstDifference(reader, index -> index, expected.length))
                    .as("first x of %s that is not half its index (-1: none)", key).isEqualTo(-1);
            assertThat(firstDifference(reader, index -> expected[index], expected.length))
                    .as("first y of %s that differs from the walk computed here (-1: none)", key).isEqualTo(-1);
            reader.endArray();
            assertThat(reader.peek()).as("the end of %s", key).isEqualTo(JsonToken.END_DOCUMENT);
        }
    }

    /**
     * Twice the heights of the walk: from 0, each base adds a middle point and an end point; A and C go up and down
     * by half and come back, G and T go up and down by one, via a half, and stay; anything else stays level.
     */
    static long[] twiceTheHeights(String bases) {
        Map<Character, long[]> moves = Map.of('A', new long[] {1, 0}, 'C', new long[] {-1, 0},
                'G', new long[] {1, 2}, 'T', new long[] {-1, -2});
        long[] heights = new long[2 * bases.length() + 1];
        for (int i = 0; i < bases.length(); i++) {
            long[] move = moves.getOrDefault(Character.toUpperCase(bases.charAt(i)), new long[] {0, 0});
            heights[2 * i + 1] = heights[2 * i] + move[0];
            heights[2 * i + 2] = heights[2 * i] + move[1];
        }
        return heights;
    }

    /**
     * Reads one array of numbers and returns the index of the first whose double is not half of
     * {@code twiceExpected}, the length of the shorter one if the array does not have {@code count} numbers, or -1.
     * Streams, so that the JSON of a {@code large} run (about 100 MB) is never held as a tree.
     */
    private static int firstDifference(JsonReader reader, IntToLongFunction twiceExpected, int count)
            throws IOException {
        reader.beginArray();
        int index = 0;
        int first = -1;
        while (reader.hasNext()) {
            double value = reader.nextDouble();
            if (first < 0 && (index >= count || value * 2 != twiceExpected.applyAsLong(index))) {
                first = index;
            }
            index++;
        }
        reader.endArray();
        return first >= 0 ? first : index == count ? -1 : index;
    }
}
