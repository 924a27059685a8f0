package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * SeBS 220.video-processing: the function runs ffmpeg on a video from object storage, as SeBS's sizes say:
 * {@code test} watermarks 1 s, {@code small} watermarks 3 s, {@code large} turns 2 s into a GIF. The input is a 4 s
 * video that ffmpeg's {@code testsrc} generates (the same frames every time); the check probes the output with
 * ffprobe: its format and its duration.
 */
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
@ExtendWith(BenchmarkSizeResolver.class)
@OpenWhiskStorage(benchmark = "220.video-processing", object = true)
// SeBS gives 512 MB. The embedded Python runtime bounds the address space (RLIMIT_AS) by the memory limit, and
// ffmpeg's x264 encoder, a child of the function, reserves more address space than 512 MB: the Python function
// gets 1024 MB.
@OpenWhiskFunction(name = "video-python", code = "src/test/functions/220.video-processing/python",
        memory = 1024, timeout = 60_000)
@OpenWhiskFunction(name = "video-nodejs", code = "src/test/functions/220.video-processing/nodejs",
        memory = 512, timeout = 60_000)
@OpenWhiskFunction(name = "video-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.video.VideoProcessing", memory = 512, timeout = 60_000)
class VideoProcessingBenchmark {

    private static final String VIDEO = "city.mp4";

    @BeforeAll
    static void uploadInput(ObjectStorage storage) throws Exception {
        FunctionLibraries.assumeProgram("ffmpeg", "ffmpeg");
        Path video = Files.createTempFile("video-input", ".mp4");
        try {
            run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc=duration=4:size=640x360:rate=25", "-pix_fmt", "yuv420p", video.toString());
            storage.put(storage.inputPrefix() + "/" + VIDEO, video);
        } finally {
            Files.deleteIfExists(video);
        }
    }

    @RepeatedTest(3)
    void python(@FunctionName("video-python") Trigger trigger, ObjectStorage storage, BenchmarkSize size)
            throws Exception {
        FunctionLibraries.assumePython("boto3", "python3-boto3");
        check(trigger.invoke(input(storage, size)), storage, size);
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("video-nodejs") Trigger trigger, ObjectStorage storage, BenchmarkSize size)
            throws Exception {
        check(trigger.invoke(input(storage, size)), storage, size);
    }

    @RepeatedTest(3)
    void java(@FunctionName("video-java") Trigger trigger, ObjectStorage storage, BenchmarkSize size) throws Exception {
        check(trigger.invoke(input(storage, size)), storage, size);
    }

    private static Map<String, Object> input(ObjectStorage storage, BenchmarkSize size) {
        return Map.of("object", Map.of("key", VIDEO, "op", operation(size), "duration", duration(size)),
                "bucket", storage.sebsBucket());
    }

    private static String operation(BenchmarkSize size) {
        return size == BenchmarkSize.LARGE ? "extract-gif" : "watermark";
    }

    private static int duration(BenchmarkSize size) {
        return switch (size) {
            case TEST -> 1;
            case SMALL -> 3;
            case LARGE -> 2;
        };
    }

    /** The output is an MP4 (watermark) or a GIF (extract-gif) of the requested length. */
    private static void check(Invocation invocation, ObjectStorage storage, BenchmarkSize size) throws Exception {
        Map<String, Object> result = SebsInvocations.result(invocation);
        SebsInvocations.measurement(invocation, "download_time", "download_size", "compute_time", "upload_time",
                "upload_size");
        String key = (String) result.get("key");
        String extension = size == BenchmarkSize.LARGE ? ".gif" : ".mp4";
        assertThat(key).startsWith(storage.outputPrefix() + "/city-" + operation(size) + ".").endsWith(extension);
        Path output = Files.createTempFile("video-output", extension);
        try {
            Files.write(output, storage.get(key));
            String format = run("ffprobe", "-v", "error", "-show_entries", "format=format_name", "-of",
                    "default=noprint_wrappers=1:nokey=1", output.toString()).strip();
            String seconds = run("ffprobe", "-v", "error", "-show_entries", "format=duration", "-of",
                    "default=noprint_wrappers=1:nokey=1", output.toString()).strip();
            assertThat(format).contains(size == BenchmarkSize.LARGE ? "gif" : "mp4");
            assertThat(Double.parseDouble(seconds)).isCloseTo(duration(size), within(0.25));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command[0]).isTrue();
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
        return output;
    }
}
