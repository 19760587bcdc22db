package org.avpipeline.artifact;

import java.math.BigDecimal;
import java.util.List;

/** Rows as text: an aligned table for people, or CSV for programs. Missing values are blank in CSV. */
public final class RowTable {
    private RowTable() {}

    private static final String MISSING = "NA";
    private static final String SEPARATOR = "  ";

    /** An aligned table with a header line; numbers right-aligned, missing values shown as NA. */
    public static String aligned(List<String> header, List<List<Object>> rows) {
        int n = header.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int c = 0; c < n; c++) {
            width[c] = header.get(c).length();
            numeric[c] = true;
        }
        String[][] cells = new String[rows.size()][n];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < n; c++) {
                Object v = rows.get(r).get(c);
                cells[r][c] = v == null ? MISSING : format(v);
                width[c] = Math.max(width[c], cells[r][c].length());
                if (v != null && !(v instanceof Number)) {
                    numeric[c] = false;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header.toArray(String[]::new), width, numeric);
        for (String[] row : cells) {
            line(out, row, width, numeric);
        }
        return out.toString();
    }

    /** RFC 4180 CSV with a header line. */
    public static String csv(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        csvLine(out, header.stream().map(h -> (Object) h).toList());
        for (List<Object> row : rows) {
            csvLine(out, row);
        }
        return out.toString();
    }

    /** A value as text: doubles in their shortest exact form, without an exponent for everyday magnitudes. */
    public static String format(Object v) {
        if (v instanceof Double d) {
            String s = Double.toString(d);
            double a = Math.abs(d);
            if (s.contains("E") && a >= 1e-4 && a < 1e15) {
                s = new BigDecimal(s).toPlainString();
            }
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        return String.valueOf(v);
    }

    private static void line(StringBuilder out, String[] cells, int[] width, boolean[] rightAligned) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(SEPARATOR);
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            line.append(rightAligned[c] ? pad + cells[c] : cells[c] + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void csvLine(StringBuilder out, List<Object> values) {
        for (int c = 0; c < values.size(); c++) {
            if (c > 0) {
                out.append(',');
            }
            Object v = values.get(c);
            if (v != null) {
                String s = format(v);
                boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r");
                out.append(quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
            }
        }
        out.append('\n');
    }
}
