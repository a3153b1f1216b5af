package dev.car.adapters.cli.output;

import java.util.List;

/** Left-aligned columns two spaces apart; the last column is not padded and no line has trailing blanks. */
public final class TextTable {
    private TextTable() {
    }

    public static String render(List<String[]> rows) {
        if (rows.isEmpty()) {
            return "";
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i + 1 < row.length) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
