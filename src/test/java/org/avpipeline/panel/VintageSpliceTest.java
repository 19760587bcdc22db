package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.Column;
import org.avpipeline.artifact.TickerPanel;
import org.junit.jupiter.api.Test;

/** pipeline.md §8a: how many spliced rows differ from the current set's panel, against a row-by-row count. */
class VintageSpliceTest {
    private static final int DATE = ArtifactSchema.indexOf(ArtifactSchema.DATE);
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);

    @Test
    void countsTheEarlierSetsRowsWithAnyColumnOtherThanTheCurrentPanelsNanEqualToNan() {
        Random random = new Random(23);
        for (int round = 0; round < 200; round++) {
            int rows = 1 + random.nextInt(60);
            int sets = 1 + random.nextInt(4);
            TickerPanel current = panel(rows);
            List<TickerPanel> panels = new ArrayList<>();
            for (int k = 0; k < sets - 1; k++) {
                panels.add(changed(current, random, rows));
            }
            panels.add(current);
            List<LocalDate> from = new ArrayList<>();
            from.add(null);
            int day = 0;
            for (int k = 1; k < sets; k++) {
                day += random.nextInt(rows / 2 + 2);
                from.add(FIRST.plusDays(day));
            }
            assertEquals(rowByRow(panels, from), VintageSplice.rowsDifferingFromLast(panels, from),
                    "round " + round);
        }
    }

    @Test
    void aRowDiffersByOneColumnAndNotByTwoNans() {
        TickerPanel current = panel(5);
        TickerPanel older = copy(current);
        int c = firstOf(org.avpipeline.artifact.ColumnType.DOUBLE, 3);
        older.doubles(c)[1] = 7.0;        // differs
        current.doubles(c)[2] = Double.NaN;
        older.doubles(c)[2] = Double.NaN; // equal: both missing
        older.doubles(c)[3] = -0.0;       // differs from the current's 0.0 (another bit pattern, as the file keeps it)
        current.doubles(c)[3] = 0.0;
        older.doubles(c)[4] = 9.0;        // in the current set's interval: not counted
        assertEquals(2, VintageSplice.rowsDifferingFromLast(List.of(older, current),
                java.util.Arrays.asList(null, FIRST.plusDays(4))));
        assertEquals(0, VintageSplice.rowsDifferingFromLast(List.of(current), java.util.Arrays.asList((LocalDate) null)));
    }

    private static int rowByRow(List<TickerPanel> panels, List<LocalDate> from) {
        TickerPanel last = panels.get(panels.size() - 1);
        int[] days = last.dates(DATE);
        int count = 0;
        for (int r = 0; r < last.rows(); r++) {
            int set = 0;
            for (int k = 1; k < panels.size(); k++) {
                if (days[r] >= from.get(k).toEpochDay()) {
                    set = k;
                }
            }
            if (set < panels.size() - 1 && !sameRow(panels.get(set), last, r)) {
                count++;
            }
        }
        return count;
    }

    private static boolean sameRow(TickerPanel a, TickerPanel b, int r) {
        List<Column> schema = ArtifactSchema.COLUMNS;
        for (int c = 0; c < schema.size(); c++) {
            boolean same = switch (schema.get(c).type()) {
                case DATE -> a.dates(c)[r] == b.dates(c)[r];
                case DOUBLE -> Double.doubleToLongBits(a.doubles(c)[r]) == Double.doubleToLongBits(b.doubles(c)[r]);
                case BOOLEAN -> a.booleans(c)[r] == b.booleans(c)[r];
                default -> true;
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static TickerPanel panel(int rows) {
        TickerPanel p = TickerPanel.empty("T", rows);
        for (int r = 0; r < rows; r++) {
            p.dates(DATE)[r] = (int) FIRST.plusDays(r).toEpochDay();
        }
        return p;
    }

    private static TickerPanel copy(TickerPanel p) {
        TickerPanel out = TickerPanel.empty(p.ticker(), p.rows());
        List<Column> schema = ArtifactSchema.COLUMNS;
        for (int c = 0; c < schema.size(); c++) {
            switch (schema.get(c).type()) {
                case DATE -> System.arraycopy(p.dates(c), 0, out.dates(c), 0, p.rows());
                case DOUBLE -> System.arraycopy(p.doubles(c), 0, out.doubles(c), 0, p.rows());
                case BOOLEAN -> System.arraycopy(p.booleans(c), 0, out.booleans(c), 0, p.rows());
                default -> { }
            }
        }
        return out;
    }

    /** A copy with a few random cells changed, some to NaN (equal to the current's NaN where it has one). */
    private static TickerPanel changed(TickerPanel current, Random random, int rows) {
        TickerPanel p = copy(current);
        List<Column> schema = ArtifactSchema.COLUMNS;
        int changes = random.nextInt(rows / 3 + 1);
        for (int i = 0; i < changes; i++) {
            int c = 1 + random.nextInt(schema.size() - 1);
            int r = random.nextInt(rows);
            switch (schema.get(c).type()) {
                case DATE -> {
                    if (c != DATE) {
                        p.dates(c)[r] = random.nextInt(3);
                    }
                }
                case DOUBLE -> p.doubles(c)[r] = random.nextBoolean() ? Double.NaN : random.nextInt(3);
                case BOOLEAN -> p.booleans(c)[r] = random.nextBoolean();
                default -> { }
            }
        }
        return p;
    }

    private static int firstOf(org.avpipeline.artifact.ColumnType type, int skip) {
        List<Column> schema = ArtifactSchema.COLUMNS;
        for (int c = 0; c < schema.size(); c++) {
            if (schema.get(c).type() == type && skip-- == 0) {
                return c;
            }
        }
        throw new IllegalStateException();
    }
}
