package org.avpipeline.panel;

import java.util.List;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.Column;
import org.avpipeline.artifact.TickerPanel;

/** Comparisons of panels, column by column, for tests. */
final class PanelAssertions {
    private PanelAssertions() {}

    /**
     * The first difference between rows {@code 0 .. rows-1} of two panels in the given columns, or {@code null} when
     * they are equal (all NaNs count as equal).
     */
    static String firstDifference(TickerPanel a, TickerPanel b, int rows, List<Column> columns) {
        for (Column c : columns) {
            int i = ArtifactSchema.indexOf(c.name());
            for (int r = 0; r < rows; r++) {
                boolean same = switch (c.type()) {
                    case STRING, TIMESTAMP -> true;
                    case DATE -> a.dates(i)[r] == b.dates(i)[r];
                    case DOUBLE -> Double.compare(a.doubles(i)[r], b.doubles(i)[r]) == 0;
                    case BOOLEAN -> a.booleans(i)[r] == b.booleans(i)[r];
                };
                if (!same) {
                    return c.name() + " differs on row " + r + " (" + java.time.LocalDate.ofEpochDay(
                            a.dates(ArtifactSchema.DATE)[r]) + "): " + value(a, c, i, r) + " vs " + value(b, c, i, r);
                }
            }
        }
        return null;
    }

    static String firstDifference(TickerPanel a, TickerPanel b, int rows) {
        return firstDifference(a, b, rows, ArtifactSchema.COLUMNS);
    }

    private static String value(TickerPanel p, Column c, int i, int r) {
        return switch (c.type()) {
            case STRING, TIMESTAMP -> p.ticker();
            case DATE -> p.dates(i)[r] == TickerPanel.NO_DATE ? "NA"
                    : java.time.LocalDate.ofEpochDay(p.dates(i)[r]).toString();
            case DOUBLE -> Double.toString(p.doubles(i)[r]);
            case BOOLEAN -> Boolean.toString(p.booleans(i)[r]);
        };
    }
}
