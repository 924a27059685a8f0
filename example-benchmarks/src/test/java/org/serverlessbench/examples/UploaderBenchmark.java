package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * SeBS 120.uploader: the function fetches a file from a URL and uploads it to object storage. The file is served by
 * an HTTP server this class starts on 127.0.0.1, with SeBS's sizes (a 230 kB JPEG, a 6.7 MB archive, 98 MB model
 * weights) as seeded random bytes. The check compares the uploaded object's MD5 with the served file's.
 */
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
@ExtendWith(BenchmarkSizeResolver.class)
@OpenWhiskStorage(benchmark = "120.uploader", object = true)
@OpenWhiskFunction(name = "uploader-python", code = "src/test/functions/120.uploader/python",
        memory = 128, timeout = 60_000)
@OpenWhiskFunction(name = "uploader-nodejs", code = "src/test/functions/120.uploader/nodejs",
        memory = 128, timeout = 60_000)
@OpenWhiskFunction(name = "uploader-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.uploader.Uploader", memory = 256, timeout = 60_000)
class UploaderBenchmark {

    private static LocalFileServer server;
    private String url;
    private byte[] served;

    @BeforeAll
    static void startServer() throws IOException {
        server = new LocalFileServer();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void serve(BenchmarkSize size) {
        int bytes = switch (size) {
            case TEST -> 230_000;
            case SMALL -> 6_700_000;
            case LARGE -> 98_000_000;
        };
        served = Inputs.bytes(bytes);
        url = server.serve("/input-" + size + ".bin", served);
    }

    @RepeatedTest(3)
    void python(@FunctionName("uploader-python") Trigger trigger, ObjectStorage storage) {
        FunctionLibraries.assumePython("boto3", "python3-boto3");
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("uploader-nodejs") Trigger trigger, ObjectStorage storage) {
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void java(@FunctionName("uploader-java") Trigger trigger, ObjectStorage storage) {
        check(trigger.invoke(input(storage)), storage);
    }

    private Map<String, Object> input(ObjectStorage storage) {
        return Map.of("object", Map.of("url", url), "bucket", storage.sebsBucket());
    }

    /** As SeBS's validate_output: the uploaded object has the MD5 of the file served. */
    private void check(Invocation invocation, ObjectStorage storage) {
        Map<String, Object> result = SebsInvocations.result(invocation);
        Map<String, Object> measurement = SebsInvocations.measurement(invocation, "download_time", "download_size",
                "upload_time", "upload_size");
        assertThat(result).containsEntry("url", url).containsEntry("bucket", storage.bucket());
        String key = (String) result.get("key");
        assertThat(key).startsWith(storage.outputPrefix() + "/input-").endsWith(".bin");
        assertThat(md5(storage.get(key))).isEqualTo(md5(served));
        assertThat(((Number) measurement.get("download_size")).longValue()).isEqualTo(served.length);
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
