package org.serverlessbench.examples.functions.thumbnailer;

import com.google.gson.JsonObject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.SebsStorage;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * 210.thumbnailer as a Java action: downloads an image, resizes it with ImageIO and Java 2D to fit width x height
 * keeping its aspect ratio, and uploads it as JPEG.
 */
public final class Thumbnailer {

    private Thumbnailer() {
    }

    public static JsonObject main(JsonObject args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        double begin = SebsOutput.nowSeconds();
        JsonObject buckets = args.getAsJsonObject("bucket");
        JsonObject object = args.getAsJsonObject("object");
        String bucket = buckets.get("bucket").getAsString();
        String key = object.get("key").getAsString();
        int width = object.get("width").getAsInt();
        int height = object.get("height").getAsInt();
        try (S3Client client = SebsStorage.objectStorage(args)) {
            long downloadStart = System.nanoTime();
            byte[] original = client.getObjectAsBytes(r -> r.bucket(bucket)
                    .key(buckets.get("input").getAsString() + "/" + key)).asByteArray();
            long downloadEnd = System.nanoTime();

            byte[] resized = thumbnail(original, width, height);
            long computeEnd = System.nanoTime();

            String outputKey = buckets.get("output").getAsString() + "/"
                    + SebsStorage.uniqueName("resized-" + key);
            client.putObject(r -> r.bucket(bucket).key(outputKey).contentType("image/jpeg"),
                    RequestBody.fromBytes(resized));
            long uploadEnd = System.nanoTime();

            JsonObject result = new JsonObject();
            result.addProperty("bucket", bucket);
            result.addProperty("key", outputKey);
            JsonObject measurement = new JsonObject();
            measurement.addProperty("download_time", SebsOutput.micros(downloadStart, downloadEnd));
            measurement.addProperty("download_size", original.length);
            measurement.addProperty("compute_time", SebsOutput.micros(downloadEnd, computeEnd));
            measurement.addProperty("upload_time", SebsOutput.micros(computeEnd, uploadEnd));
            measurement.addProperty("upload_size", resized.length);
            return SebsOutput.of(result, measurement, begin);
        }
    }

    /** Scales down (never up) to fit the box, as Pillow's thumbnail does. */
    static byte[] thumbnail(byte[] original, int maxWidth, int maxHeight) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(original));
        if (image == null) {
            throw new IOException("The input is not an image ImageIO can read");
        }
        double scale = Math.min(1.0, Math.min((double) maxWidth / image.getWidth(),
                (double) maxHeight / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage resized = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = resized.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        graphics.drawImage(image, 0, 0, width, height, null);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(resized, "jpg", out);
        return out.toByteArray();
    }
}
