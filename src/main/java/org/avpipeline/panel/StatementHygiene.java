package org.avpipeline.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;

/**
 * pipeline.md §3.1–3.3 for one statement of one ticker: sort the quarter rows by fiscal date, drop rows in which
 * every metric is missing, and drop the whole statement when fewer than {@code min_obs} rows are left (reference
 * mode; as-served passes 0, no minimum).
 *
 * <p>"Every metric" means every field the report has (all fields except ticker, fiscal date and currency), not only
 * the §10 metrics. The resulting table holds only the metrics it is asked for (the §10 list of the statement): every
 * later step works column by column, so selecting the columns here (§5.4) gives the same numbers and saves cleaning
 * columns that the artifact never shows. A requested metric the answer lacks is a column of missing values.
 */
public final class StatementHygiene {
    private StatementHygiene() {}

    /** The table, or why the ticker has no usable rows in this statement. */
    public record Outcome(StatementTable table, Dropout dropout) {
        public boolean usable() {
            return table != null;
        }
    }

    /**
     * @param reports the statement's reports with normalized fiscal dates and no duplicate dates
     *     ({@link FiscalDates#statements})
     * @param metrics the metrics to keep, in column order
     */
    public static Outcome apply(AvFunction statement, List<StatementReport> reports, List<String> metrics,
            int minObs) {
        List<StatementReport> rows = new ArrayList<>(reports.size());
        for (StatementReport r : reports) {
            if (hasAnyMetric(r)) {
                rows.add(r);
            }
        }
        rows.sort(Comparator.comparing(StatementReport::fiscalDateEnding));
        if (rows.isEmpty()) {
            return new Outcome(null, new Dropout(DropReason.NOT_IN_ALL_STATEMENTS, statement,
                    "no quarterly " + statement + " rows"));
        }
        if (rows.size() < minObs) {
            return new Outcome(null, new Dropout(DropReason.TOO_LITTLE_HISTORY, statement,
                    rows.size() + " quarterly " + statement + " rows, at least " + minObs + " needed"));
        }
        int n = rows.size();
        int[] dates = new int[n];
        double[][] columns = new double[metrics.size()][n];
        for (int i = 0; i < n; i++) {
            StatementReport r = rows.get(i);
            dates[i] = (int) r.fiscalDateEnding().toEpochDay();
            for (int m = 0; m < columns.length; m++) {
                columns[m][i] = r.metric(metrics.get(m));
            }
        }
        return new Outcome(new StatementTable(statement, dates, metrics, columns), null);
    }

    private static boolean hasAnyMetric(StatementReport r) {
        for (Double v : r.metrics().values()) {
            if (v != null && !Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
