package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.Column;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TableSchema;
import org.avpipeline.artifact.TickerPanel;

/**
 * pipeline.md §8a, the quarterly companion's versions: a quarter's row of each set, with {@code valid_from} and
 * {@code valid_to} the days that set's panel is used; a quarter whose row is the same in consecutive sets keeps one
 * row spanning them (both bounds missing when it is the same in every set). A pure function.
 */
public final class QuarterVersions {
    private QuarterVersions() {}

    private static final TableSchema Q = CompanionSchemas.QUARTERLY;
    private static final int FISCAL = Q.indexOf(ArtifactSchema.FISCAL_DATE_ENDING);
    private static final int VALID_FROM = Q.indexOf(CompanionSchemas.VALID_FROM);
    private static final int VALID_TO = Q.indexOf(CompanionSchemas.VALID_TO);

    /** One version: a row of set {@code set}'s rows, used from set {@code first} through set {@code last}. */
    private record Version(int set, int row, int first, int last) {}

    /**
     * @param perSet each set's quarterly rows (null when it has none), in the order of the sets
     * @param from each set's first day (null for the first: from the start)
     * @param to each set's end, exclusive (null for the last: still current)
     * @return the versions, sorted by fiscalDateEnding then valid_from (missing first); null when no set has a row
     */
    public static TableRows of(String ticker, List<TableRows> perSet, List<LocalDate> from, List<LocalDate> to) {
        TreeMap<Integer, List<Version>> byQuarter = new TreeMap<>();
        for (int k = 0; k < perSet.size(); k++) {
            TableRows rows = perSet.get(k);
            if (rows == null) {
                continue;
            }
            int[] fiscal = rows.dates(FISCAL);
            for (int r = 0; r < rows.rows(); r++) {
                List<Version> versions = byQuarter.computeIfAbsent(fiscal[r], q -> new ArrayList<>());
                Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
                if (last != null && last.last() == k - 1 && sameRow(perSet.get(last.set()), last.row(), rows, r)) {
                    versions.set(versions.size() - 1, new Version(last.set(), last.row(), last.first(), k));
                } else {
                    versions.add(new Version(k, r, k, k));
                }
            }
        }
        int n = byQuarter.values().stream().mapToInt(List::size).sum();
        if (n == 0) {
            return null;
        }
        TableRows out = TableRows.empty(Q, ticker, n);
        int i = 0;
        for (List<Version> versions : byQuarter.values()) {
            for (Version v : versions) {
                copyRow(perSet.get(v.set()), v.row(), out, i);
                out.dates(VALID_FROM)[i] = day(from.get(v.first()));
                out.dates(VALID_TO)[i] = day(to.get(v.last()));
                i++;
            }
        }
        return out;
    }

    private static int day(LocalDate d) {
        return d == null ? TickerPanel.NO_DATE : (int) d.toEpochDay();
    }

    /** Whether two rows hold the same values in every column but the ticker and the validity. */
    static boolean sameRow(TableRows a, int i, TableRows b, int j) {
        List<Column> columns = Q.columns();
        for (int c = 1; c < columns.size(); c++) {
            if (c == VALID_FROM || c == VALID_TO) {
                continue;
            }
            boolean same = switch (columns.get(c).type()) {
                case DATE -> a.dates(c)[i] == b.dates(c)[j];
                case DOUBLE -> Double.doubleToLongBits(a.doubles(c)[i]) == Double.doubleToLongBits(b.doubles(c)[j]);
                case STRING -> java.util.Objects.equals(a.strings(c)[i], b.strings(c)[j]);
                case BOOLEAN -> a.booleans(c)[i] == b.booleans(c)[j];
                case TIMESTAMP -> a.timestamps(c)[i] == b.timestamps(c)[j];
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static void copyRow(TableRows from, int i, TableRows to, int j) {
        List<Column> columns = Q.columns();
        for (int c = 1; c < columns.size(); c++) {
            switch (columns.get(c).type()) {
                case DATE -> to.dates(c)[j] = from.dates(c)[i];
                case DOUBLE -> to.doubles(c)[j] = from.doubles(c)[i];
                case STRING -> to.strings(c)[j] = from.strings(c)[i];
                case BOOLEAN -> to.booleans(c)[j] = from.booleans(c)[i];
                case TIMESTAMP -> to.timestamps(c)[j] = from.timestamps(c)[i];
            }
        }
    }
}
