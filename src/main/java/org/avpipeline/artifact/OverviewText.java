package org.avpipeline.artifact;

import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/** {@code inspect}'s summary of a file, as text. */
public final class OverviewText {
    private OverviewText() {}

    private static final int LONG_VALUE = 100;

    /** The overview as text; {@code sizes} writes a byte count for people (report.ByteSizes: KiB, MiB, ...). */
    public static String render(ArtifactOverview o, LongFunction<String> sizes) {
        StringBuilder out = new StringBuilder();
        row(out, "file", o.path() + " (" + sizes.apply(o.bytes()) + ")");
        row(out, "rows", String.format(Locale.ROOT, "%,d in %d row group%s", o.rows(), o.rowGroups(),
                o.rowGroups() == 1 ? "" : "s"));
        row(out, "tickers", o.tickers().isPresent()
                ? String.format(Locale.ROOT, "%,d", o.tickers().getAsLong())
                : "n/a (no string ticker column)");
        row(out, "dates", o.dates().map(d -> d.first() + " to " + d.last()).orElse("n/a"));
        row(out, "compression", o.codecs().isEmpty() ? "n/a" : String.join(", ", o.codecs()));
        row(out, "created by", o.createdBy().isEmpty() ? "unknown" : o.createdBy());
        if (o.keyValueMetadata().isEmpty()) {
            row(out, "metadata", "(none)");
        } else {
            out.append("metadata\n");
            int width = o.keyValueMetadata().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, String> e : o.keyValueMetadata().entrySet()) {
                out.append("  ").append(pad(e.getKey(), width)).append("  ").append(shorten(e.getValue()))
                        .append('\n');
            }
        }
        SchemaCheck check = o.schemaCheck();
        String whose = o.table().equals(TableSchema.PANEL) ? "the artifact's" : o.table().fileName() + "'s";
        row(out, "schema", o.columns().size() + " columns" + (check.matches()
                ? (check.extraColumns().isEmpty() ? ", " + whose
                        : ", " + whose + " and " + check.extraColumns().size() + " appended")
                        + (check.olderColumns().isEmpty() ? ""
                                : " as written before " + String.join(", ", check.olderColumns())
                                        + (check.olderColumns().size() == 1 ? " was" : " were") + " appended")
                : ", NOT " + whose));
        int nameWidth = Math.max("column".length(),
                o.columns().stream().mapToInt(c -> c.field().name().length()).max().orElse(0));
        int typeWidth = Math.max("type".length(),
                o.columns().stream().mapToInt(c -> c.field().type().length()).max().orElse(0));
        int numberWidth = Math.max(3, String.valueOf(o.columns().size()).length());
        out.append("  ").append(pad("#", numberWidth)).append("  ").append(pad("column", nameWidth)).append("  ")
                .append(pad("type", typeWidth)).append("  ").append(pad("repetition", 10)).append("  nulls\n");
        int i = 0;
        for (ArtifactOverview.ColumnOverview c : o.columns()) {
            i++;
            String nulls = c.nulls().isPresent() ? share(c.nulls().getAsLong(), o.rows()) : "n/a";
            out.append("  ").append(pad(String.valueOf(i), numberWidth)).append("  ")
                    .append(pad(c.field().name(), nameWidth)).append("  ").append(pad(c.field().type(), typeWidth))
                    .append("  ").append(pad(c.field().repetition(), 10)).append("  ").append(nulls).append('\n');
        }
        return out.toString();
    }

    private static String share(long nulls, long rows) {
        if (rows == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "%5.1f%%  (%,d)", 100.0 * nulls / rows, nulls);
    }

    private static void row(StringBuilder out, String label, String value) {
        out.append(pad(label, 11)).append(' ').append(value).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String shorten(String value) {
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= LONG_VALUE ? oneLine
                : oneLine.substring(0, LONG_VALUE) + "... (" + value.length() + " characters)";
    }
}
