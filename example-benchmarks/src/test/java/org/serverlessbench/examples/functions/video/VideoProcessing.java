package org.serverlessbench.examples.functions.video;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.serverlessbench.examples.functions.sebs.SebsBuckets;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.WorkFolder;

/**
 * 220.video-processing as a Java action: downloads a video, runs ffmpeg ("watermark" overlays a half-transparent
 * square that ffmpeg generates, "extract-gif" makes an animated GIF) and uploads the result.
 */
public final class VideoProcessing {

    private VideoProcessing() {
    }

    public static JsonObject main(JsonObject args) throws IOException, InterruptedException {
        double begin = SebsOutput.nowSeconds();
        JsonObject object = args.getAsJsonObject("object");
        String key = object.get("key").getAsString();
        String operation = object.get("op").getAsString();
        String duration = object.get("duration").getAsString();
        try (SebsBuckets buckets = new SebsBuckets(args); WorkFolder work = new WorkFolder("video-")) {
            String name = key.substring(key.lastIndexOf('/') + 1);
            Path source = work.resolve(name);
            SebsMeasurement measurement = new SebsMeasurement();
            measurement.phase("download", buckets.download(key, source));

            String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            Path target;
            List<String> command = new ArrayList<>(Arrays.asList("ffmpeg", "-hide_banner", "-loglevel", "error",
                    "-y", "-i", source.toString()));
            if (operation.equals("watermark")) {
                target = work.resolve(stem + "-watermark.mp4");
                command.addAll(Arrays.asList("-f", "lavfi", "-i", "color=c=white@0.5:s=64x64,format=rgba", "-t",
                        duration, "-filter_complex", "[0:v][1:v]overlay=16:16:shortest=1", "-an", "-pix_fmt",
                        "yuv420p", target.toString()));
            } else if (operation.equals("extract-gif")) {
                target = work.resolve(stem + "-extract-gif.gif");
                command.addAll(Arrays.asList("-t", duration, "-vf", "fps=10,scale=320:-1:flags=lanczos",
                        target.toString()));
            } else {
                throw new IllegalArgumentException("220.video-processing has no operation \"" + operation
                        + "\"; operations: extract-gif, watermark");
            }
            run(command);
            measurement.phase("compute");

            String outputKey = buckets.upload(target, target.getFileName().toString());
            measurement.phase("upload", Files.size(target));
            return SebsOutput.of(buckets.result(outputKey), measurement.json(), begin);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = readAll(process);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg did not finish within 120 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("ffmpeg failed with exit code " + process.exitValue() + ": "
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    private static byte[] readAll(Process process) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = process.getInputStream().read(buffer); read >= 0;
                read = process.getInputStream().read(buffer)) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
