package org.serverlessbench.openwhisk.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Aligned columns for the console: a header line, a rule under it, then one line per row. Text columns are
 * left-aligned, number columns right-aligned; an optional column that is empty in every row is left out.
 */
final class TextTable {

    private TextTable() {}

    /**
     * @param lines the header first, then the rows, all of the header's size
     * @param firstNumber columns before this one are text, the others numbers
     * @param optional the columns to leave out when no row has a value in them
     */
    static String render(List<List<String>> lines, int firstNumber, int... optional) {
        int columns = lines.get(0).size();
        int[] widths = new int[columns];
        boolean[] shown = new boolean[columns];
        Arrays.fill(shown, true);
        for (int i : optional) {
            shown[i] = lines.stream().skip(1).anyMatch(line -> !line.get(i).isEmpty());
        }
        for (List<String> line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (!shown[i]) {
                    continue;
                }
                String format = i < firstNumber ? "%-" + widths[i] + "s" : "%" + widths[i] + "s";
                row.append(row.isEmpty() ? "" : "  ").append(String.format(Locale.ROOT, format, lines.get(l).get(i)));
            }
            String line = row.toString().stripTrailing();
            text.append(line).append(System.lineSeparator());
            if (l == 0) {
                text.append("-".repeat(line.length())).append(System.lineSeparator());
            }
        }
        return text.toString();
    }
}
