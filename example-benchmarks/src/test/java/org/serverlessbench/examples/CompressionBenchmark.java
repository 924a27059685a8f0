package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.serverlessbench.openwhisk.junit.FunctionName;
import org.serverlessbench.openwhisk.junit.Invocation;
import org.serverlessbench.openwhisk.junit.OpenWhiskFunction;
import org.serverlessbench.openwhisk.junit.OpenWhiskTest;
import org.serverlessbench.openwhisk.junit.Trigger;
import org.serverlessbench.openwhisk.storage.ObjectStorage;
import org.serverlessbench.openwhisk.storage.OpenWhiskStorage;

/**
 * SeBS 311.compression: the function downloads a directory from object storage, zips it and uploads the archive.
 * The check unpacks the uploaded archive and compares every file with the generated input. SeBS ignores the input
 * size for this benchmark, and so do we.
 */
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
// tag::storage[]
@OpenWhiskStorage(benchmark = "311.compression", object = true)
@OpenWhiskFunction(name = "compression-python", code = "src/test/functions/311.compression/python",
        memory = 256, timeout = 60_000)
// end::storage[]
@OpenWhiskFunction(name = "compression-nodejs", code = "src/test/functions/311.compression/nodejs",
        memory = 256, timeout = 60_000)
@OpenWhiskFunction(name = "compression-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.compression.Compression", memory = 256, timeout = 60_000)
class CompressionBenchmark {

    private static final String DIRECTORY = "acmart-master";
    private static final SortedMap<String, byte[]> TREE = Inputs.directoryTree();

    @BeforeAll
    static void uploadInput(ObjectStorage storage) {
        TREE.forEach((path, content) -> storage.put(storage.inputPrefix() + "/" + DIRECTORY + "/" + path, content));
    }

    @RepeatedTest(3)
    void python(@FunctionName("compression-python") Trigger trigger, ObjectStorage storage) throws IOException {
        FunctionLibraries.assumePython("boto3", "python3-boto3");
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("compression-nodejs") Trigger trigger, ObjectStorage storage) throws IOException {
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void java(@FunctionName("compression-java") Trigger trigger, ObjectStorage storage) throws IOException {
        check(trigger.invoke(input(storage)), storage);
    }

    static Map<String, Object> input(ObjectStorage storage) {
        return Map.of("object", Map.of("key", DIRECTORY), "bucket", storage.sebsBucket());
    }

    /** As SeBS's validate_output: the archive holds exactly the input files, byte for byte. */
    private static void check(Invocation invocation, ObjectStorage storage) throws IOException {
        Map<String, Object> result = SebsInvocations.result(invocation);
        Map<String, Object> measurement = SebsInvocations.measurement(invocation, "download_time", "download_size",
                "compute_time", "upload_time", "upload_size");
        String key = (String) result.get("key");
        assertThat(key).startsWith(storage.outputPrefix() + "/" + DIRECTORY + ".").endsWith(".zip");
        byte[] archive = storage.get(key);
        assertThat(((Number) measurement.get("upload_size")).longValue()).isEqualTo(archive.length);
        assertThat(((Number) measurement.get("download_size")).longValue())
                .isEqualTo(TREE.values().stream().mapToLong(content -> content.length).sum());
        assertThat(unzip(archive)).containsOnlyKeys(TREE.keySet()).allSatisfy((path, content) ->
                assertThat(content).as(path).isEqualTo(TREE.get(path)));
    }

    private static SortedMap<String, byte[]> unzip(byte[] archive) throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    files.put(entry.getName(), zip.readAllBytes());
                }
            }
        }
        return files;
    }
}
