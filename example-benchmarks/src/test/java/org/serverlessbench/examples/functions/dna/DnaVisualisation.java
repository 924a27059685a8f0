package org.serverlessbench.examples.functions.dna;

import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.serverlessbench.examples.functions.sebs.SebsBuckets;
import org.serverlessbench.examples.functions.sebs.SebsMeasurement;
import org.serverlessbench.examples.functions.sebs.SebsOutput;
import org.serverlessbench.examples.functions.sebs.WorkFolder;

/**
 * 504.dna-visualisation as a Java action: downloads a FASTA file, walks its sequence as a squiggle-style 2D line
 * ({@link #walk}) and uploads the line as JSON, {@code [[x0, x1, ...], [y0, y1, ...]]}.
 */
public final class DnaVisualisation {

    private DnaVisualisation() {
    }

    public static JsonObject main(JsonObject args) throws IOException {
        double begin = SebsOutput.nowSeconds();
        String key = args.getAsJsonObject("object").get("key").getAsString();
        try (SebsBuckets buckets = new SebsBuckets(args); WorkFolder work = new WorkFolder("dna-")) {
            Path source = work.resolve("input.fasta");
            SebsMeasurement measurement = new SebsMeasurement();
            measurement.phase("download", buckets.download(key, source));

            long[] heights = walk(sequenceOf(source));
            String stem = key.contains(".") ? key.substring(0, key.lastIndexOf('.')) : key;
            Path target = work.resolve("output.json");
            writeJson(heights, target);
            measurement.phase("compute");

            String outputKey = buckets.upload(target, stem + ".json");
            measurement.phase("upload", Files.size(target));
            measurement.json().addProperty("points", heights.length);
            return SebsOutput.of(buckets.result(outputKey), measurement.json(), begin);
        }
    }

    /** The bases of a FASTA file, upper-case, without header lines ({@code >...}) and line breaks. */
    static String sequenceOf(Path fasta) throws IOException {
        StringBuilder sequence = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 8, Files.size(fasta)));
        try (BufferedReader lines = Files.newBufferedReader(fasta, StandardCharsets.ISO_8859_1)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.startsWith(">")) {
                    sequence.append(line.trim());
                }
            }
        }
        return sequence.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Twice the y coordinate of each of the {@code 2n + 1} points of the walk of {@code sequence} (x is half the
     * index). The walk starts at (0, 0); base {@code i} adds (i + 1/2, h + r) and (i + 1, h + s), h being the height
     * before it: A (r = 1/2, s = 0), C (-1/2, 0), G (1/2, 1), T (-1/2, -1), any other letter (0, 0).
     */
    static long[] walk(String sequence) {
        long[] heights = new long[2 * sequence.length() + 1];
        long height = 0;
        for (int i = 0; i < sequence.length(); i++) {
            int rise;
            int step;
            switch (sequence.charAt(i)) {
                case 'A':
                    rise = 1;
                    step = 0;
                    break;
                case 'C':
                    rise = -1;
                    step = 0;
                    break;
                case 'G':
                    rise = 1;
                    step = 2;
                    break;
                case 'T':
                    rise = -1;
                    step = -2;
                    break;
                default:
                    rise = 0;
                    step = 0;
            }
            heights[2 * i + 1] = height + rise;
            height += step;
            heights[2 * i + 2] = height;
        }
        return heights;
    }

    private static void writeJson(long[] heights, Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.US_ASCII)) {
            out.write("[[");
            for (int i = 0; i < heights.length; i++) {
                out.write(i == 0 ? "" : ",");
                out.write(number(i));
            }
            out.write("],[");
            for (int i = 0; i < heights.length; i++) {
                out.write(i == 0 ? "" : ",");
                out.write(number(heights[i]));
            }
            out.write("]]");
        }
    }

    /** {@code twice / 2} as JSON: an integer, or an integer and a half. */
    private static String number(long twice) {
        if (twice % 2 == 0) {
            return Long.toString(twice / 2);
        }
        return (twice < 0 ? "-" : "") + Math.abs(twice) / 2 + ".5";
    }
}
