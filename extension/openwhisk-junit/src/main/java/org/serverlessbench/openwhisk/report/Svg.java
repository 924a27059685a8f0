package org.serverlessbench.openwhisk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small SVG plot: linear axes with rounded ticks, polylines, points and vertical error bars. Everything is drawn
 * in Java so that the report needs no script and no network when it is opened.
 */
final class Svg {

    static final String[] PALETTE = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 44;

    private final String xLabel;
    private final String yLabel;
    private double minX = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;
    private final List<Series> series = new ArrayList<>();
    private boolean logX;

    private record Series(String name, String color, double[] xs, double[] ys, double[] lows, double[] highs,
            boolean line) {}

    Svg(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /**
     * A logarithmic x axis (base 10), for sizes that span orders of magnitude; call before adding series, whose x
     * values must then be positive.
     */
    Svg logX() {
        if (!series.isEmpty()) {
            throw new IllegalStateException("logX() must come before the first series");
        }
        logX = true;
        return this;
    }

    Svg line(String name, double[] xs, double[] ys) {
        return add(new Series(name, color(), xs, ys, null, null, true));
    }

    Svg points(String name, double[] xs, double[] ys) {
        return add(new Series(name, color(), xs, ys, null, null, false));
    }

    /** A line through {@code ys} with a vertical bar from {@code lows[i]} to {@code highs[i]} at each point. */
    Svg lineWithBars(String name, double[] xs, double[] ys, double[] lows, double[] highs) {
        return add(new Series(name, color(), xs, ys, lows, highs, true));
    }

    /** Whether any series was added. */
    boolean hasSeries() {
        return !series.isEmpty();
    }

    private String color() {
        return PALETTE[series.size() % PALETTE.length];
    }

    private Svg add(Series given) {
        Series s = given;
        if (logX) {
            double[] logs = new double[given.xs.length];
            for (int i = 0; i < logs.length; i++) {
                logs[i] = Math.log10(given.xs[i]);
            }
            s = new Series(given.name, given.color, logs, given.ys, given.lows, given.highs, given.line);
        }
        for (int i = 0; i < s.xs.length; i++) {
            minX = Math.min(minX, s.xs[i]);
            maxX = Math.max(maxX, s.xs[i]);
            minY = Math.min(minY, s.lows == null ? s.ys[i] : s.lows[i]);
            maxY = Math.max(maxY, s.highs == null ? s.ys[i] : s.highs[i]);
        }
        series.add(s);
        return this;
    }

    String render(String title) {
        double[] xTicks = logX ? decades(minX, maxX) : ticks(minX, maxX);
        double[] yTicks = ticks(Math.min(0, minY), maxY);
        double x0 = xTicks[0];
        double x1 = xTicks[xTicks.length - 1];
        double y0 = yTicks[0];
        double y1 = yTicks[yTicks.length - 1];
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg viewBox=\"0 0 %d %d\""
                + " width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>", WIDTH, HEIGHT, WIDTH, HEIGHT,
                Html.escape(title)));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        for (double tick : yTicks) {
            double y = sy(tick, y0, y1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    LEFT, WIDTH - RIGHT, y, y, LEFT - 6, y + 4, number(tick)));
        }
        for (double tick : xTicks) {
            double x = sx(tick, x0, x1);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
                    x, x, TOP, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 16, number(logX ? Math.pow(10, tick) : tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%s"
                + "</text>", (LEFT + WIDTH - RIGHT) / 2, HEIGHT - 8, Html.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(14 %d) rotate(-90)\" font-size=\"12\""
                + " text-anchor=\"middle\">%s</text>", (TOP + HEIGHT - BOTTOM) / 2, Html.escape(yLabel)));
        for (Series s : series) {
            svg.append("<g class=\"series\" data-name=\"").append(Html.escape(s.name)).append("\">");
            if (s.line && s.xs.length > 1) {
                svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(s.color)
                        .append("\" points=\"");
                for (int i = 0; i < s.xs.length; i++) {
                    svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx(s.xs[i], x0, x1), sy(s.ys[i], y0, y1)));
                }
                svg.append("\"/>");
            }
            if (!s.line || s.xs.length == 1 || s.lows != null) {
                for (int i = 0; i < s.xs.length; i++) {
                    svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                            sx(s.xs[i], x0, x1), sy(s.ys[i], y0, y1), s.color));
                }
            }
            if (s.lows != null) {
                for (int i = 0; i < s.xs.length; i++) {
                    double x = sx(s.xs[i], x0, x1);
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\""
                            + " stroke=\"%s\" stroke-width=\"1.5\"/>", x, x, sy(s.lows[i], y0, y1),
                            sy(s.highs[i], y0, y1), s.color));
                }
            }
            svg.append("</g>");
        }
        int legendY = TOP + 4;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", WIDTH - RIGHT - 170, legendY, s.color,
                    WIDTH - RIGHT - 155, legendY + 9, Html.escape(s.name)));
            legendY += 14;
        }
        return svg.append("</svg>").toString();
    }

    private static double sx(double x, double x0, double x1) {
        return LEFT + (x1 == x0 ? 0.5 : (x - x0) / (x1 - x0)) * (WIDTH - LEFT - RIGHT);
    }

    private static double sy(double y, double y0, double y1) {
        return HEIGHT - BOTTOM - (y1 == y0 ? 0.5 : (y - y0) / (y1 - y0)) * (HEIGHT - TOP - BOTTOM);
    }

    /** Whole powers of ten (as exponents) covering [min, max] given as exponents; at least two. */
    static double[] decades(double min, double max) {
        double start = Math.floor(min);
        double end = Math.max(Math.ceil(max), start + 1);
        double[] ticks = new double[(int) (end - start) + 1];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = start + i;
        }
        return ticks;
    }

    /** About five ticks at 1, 2 or 5 times a power of ten, covering [min, max]. */
    static double[] ticks(double min, double max) {
        if (!(max > min)) {
            double centre = Double.isFinite(min) ? min : 0;
            return new double[] {centre - 1, centre, centre + 1};
        }
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude
                : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        double start = Math.floor(min / step) * step;
        double end = Math.ceil(max / step) * step;
        int count = (int) Math.round((end - start) / step) + 1;
        double[] ticks = new double[count];
        for (int i = 0; i < count; i++) {
            ticks[i] = start + i * step;
        }
        return ticks;
    }

    private static String number(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9
                ? Long.toString(Math.round(value))
                : String.format(Locale.ROOT, "%.3g", value);
    }
}
