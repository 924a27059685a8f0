package org.serverlessbench.examples.functions.thumbnailer;

import com.google.gson.JsonObject;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.serverlessbench.examples.functions.sebs.SebsBuckets;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;

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
        JsonObject object = args.getAsJsonObject("object");
        String key = object.get("key").getAsString();
        int width = object.get("width").getAsInt();
        int height = object.get("height").getAsInt();
        try (SebsBuckets buckets = new SebsBuckets(args)) {
            SebsMeasurement measurement = new SebsMeasurement();
            byte[] original = buckets.downloadBytes(key);
            measurement.phase("download", original.length);

            byte[] resized = thumbnail(original, width, height);
            measurement.phase("compute");

            String outputKey = buckets.uploadBytes("resized-" + key, resized, "image/jpeg");
            measurement.phase("upload", resized.length);
            return SebsOutput.of(buckets.result(outputKey), measurement.json(), begin);
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
