package org.serverlessbench.examples;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/** The benchmarks' inputs, generated from a seed (never downloaded), so every run and machine gets the same bytes. */
public final class Inputs {

    public static final long SEED = 42;

    private static final String[] WORDS = {"serverless", "function", "benchmark", "cold", "warm", "storage",
        "latency", "container", "invoker", "activation", "bucket", "object", "archive", "document", "section"};

    private Inputs() {
    }

    /**
     * A directory tree standing in for SeBS's {@code acmart-master}: text files of mixed sizes in nested folders
     * and a few incompressible binary ones, keyed by relative path.
     */
    public static SortedMap<String, byte[]> directoryTree() {
        Random random = new Random(SEED);
        SortedMap<String, byte[]> files = new TreeMap<>();
        String[] folders = {"", "doc/", "doc/figures/", "samples/", "samples/tex/", "templates/"};
        for (int i = 0; i < 40; i++) {
            String folder = folders[random.nextInt(folders.length)];
            if (i % 8 == 7) {
                byte[] binary = new byte[20_000 + random.nextInt(60_000)];
                random.nextBytes(binary);
                files.put(folder + "figure-" + i + ".bin", binary);
            } else {
                files.put(folder + "file-" + i + ".tex", text(random, 2_000 + random.nextInt(40_000)));
            }
        }
        return files;
    }

    /** {@code size} bytes of seeded random content, like a downloaded file. */
    public static byte[] bytes(int size) {
        byte[] content = new byte[size];
        new Random(SEED).nextBytes(content);
        return content;
    }

    /**
     * A FASTA file of one sequence of {@code bases} bases, in lines of 80 as SeBS's input file: A, C, G and T drawn
     * uniformly from the seed, with an unknown base ({@code N}) about every 2 000.
     */
    public static byte[] fasta(int bases) {
        Random random = new Random(SEED);
        StringBuilder text = new StringBuilder(bases + bases / 80 + 64);
        text.append(">owj-504 synthetic sequence, seed ").append(SEED).append(", ").append(bases).append(" bases\n");
        char[] nucleotides = {'A', 'C', 'G', 'T'};
        for (int i = 0; i < bases; i++) {
            text.append(random.nextInt(2_000) == 0 ? 'N' : nucleotides[random.nextInt(4)]);
            if (i % 80 == 79 || i == bases - 1) {
                text.append('\n');
            }
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A JPEG photo stand-in: gradients and seeded shapes, {@code width} x {@code height}. */
    public static byte[] jpeg(int width, int height) {
        Random random = new Random(SEED);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int y = 0; y < height; y++) {
            graphics.setColor(new Color(40 + 150 * y / height, 90, 200 - 150 * y / height));
            graphics.drawLine(0, y, width, y);
        }
        for (int i = 0; i < 60; i++) {
            graphics.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
            graphics.fillOval(random.nextInt(width), random.nextInt(height), 20 + random.nextInt(width / 4),
                    20 + random.nextInt(height / 4));
        }
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] text(Random random, int length) {
        StringBuilder text = new StringBuilder(length + 16);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
