package org.serverlessbench.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
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
 * SeBS 210.thumbnailer: the function resizes an image from object storage to fit 200x200 and uploads the result.
 * The input is a seeded 1200x800 JPEG (SeBS ignores the size for this benchmark, and so do we); the check decodes
 * the uploaded thumbnail and checks its size and aspect ratio.
 */
@OpenWhiskTest
@SharedFunctionFiles(SharedFunctionFiles.SEBS)
@OpenWhiskStorage(benchmark = "210.thumbnailer", object = true)
@OpenWhiskFunction(name = "thumbnailer-python", code = "src/test/functions/210.thumbnailer/python",
        memory = 256, timeout = 60_000)
@OpenWhiskFunction(name = "thumbnailer-nodejs", code = "src/test/functions/210.thumbnailer/nodejs",
        memory = 256, timeout = 60_000)
@OpenWhiskFunction(name = "thumbnailer-java", code = "target/functions/sebs-java-functions.jar",
        main = "org.serverlessbench.examples.functions.thumbnailer.Thumbnailer", memory = 256, timeout = 60_000)
class ThumbnailerBenchmark {

    private static final String IMAGE = "photo.jpg";
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 800;

    @BeforeAll
    static void uploadInput(ObjectStorage storage) {
        storage.put(storage.inputPrefix() + "/" + IMAGE, Inputs.jpeg(WIDTH, HEIGHT));
    }

    @RepeatedTest(3)
    void python(@FunctionName("thumbnailer-python") Trigger trigger, ObjectStorage storage) throws IOException {
        FunctionLibraries.assumePython("boto3", "python3-boto3");
        FunctionLibraries.assumePython("PIL", "python3-pil");
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void nodejs(@FunctionName("thumbnailer-nodejs") Trigger trigger, ObjectStorage storage) throws IOException {
        check(trigger.invoke(input(storage)), storage);
    }

    @RepeatedTest(3)
    void java(@FunctionName("thumbnailer-java") Trigger trigger, ObjectStorage storage) throws IOException {
        check(trigger.invoke(input(storage)), storage);
    }

    private static Map<String, Object> input(ObjectStorage storage) {
        return Map.of("object", Map.of("key", IMAGE, "width", 200, "height", 200), "bucket", storage.sebsBucket());
    }

    /** The thumbnail is a JPEG that fits 200x200, touches it on the long side and keeps the 3:2 aspect ratio. */
    private static void check(Invocation invocation, ObjectStorage storage) throws IOException {
        Map<String, Object> result = SebsInvocations.result(invocation);
        SebsInvocations.measurement(invocation, "download_time", "download_size", "compute_time", "upload_time",
                "upload_size");
        String key = (String) result.get("key");
        assertThat(key).startsWith(storage.outputPrefix() + "/resized-photo.").endsWith(".jpg");
        BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(storage.get(key)));
        assertThat(thumbnail).as("decoded thumbnail %s", key).isNotNull();
        assertThat(thumbnail.getWidth()).isEqualTo(200);
        assertThat(thumbnail.getHeight()).isBetween(133, 134);
    }
}
