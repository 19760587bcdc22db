package org.avpipeline.panel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §5.1–5.4: the quarterly table of one ticker. Quarter dates are the fiscal dates present in all three
 * statements; each row has the three statements' §10 metrics for that date and the earnings {@code reportedDate} and
 * {@code reportTime} of the same (normalized) fiscal date.
 */
public final class QuarterlyTable {
    private QuarterlyTable() {}

    /**
     * @param earnings normalized earnings rows ({@link FiscalDates#earnings}); must not be empty (§5.1, checked by
     *     the caller)
     * @param statements the cleaned tables of the three statements, each with its §10 metrics (all three present)
     */
    public static QuarterlyRows assemble(List<EarningsReport> earnings, Map<AvFunction, StatementTable> statements) {
        StatementTable income = require(statements, AvFunction.INCOME_STATEMENT);
        StatementTable balance = require(statements, AvFunction.BALANCE_SHEET);
        StatementTable cash = require(statements, AvFunction.CASH_FLOW);

        int[] common = intersect(intersect(income.fiscalDates(), balance.fiscalDates()), cash.fiscalDates());
        int n = common.length;

        Map<Integer, EarningsReport> earningsByFiscal = new HashMap<>();
        for (EarningsReport e : earnings) {
            if (e.fiscalDateEnding() != null) {
                earningsByFiscal.putIfAbsent((int) e.fiscalDateEnding().toEpochDay(), e);
            }
        }
        int[] reported = new int[n];
        String[] reportTimes = new String[n];
        for (int i = 0; i < n; i++) {
            EarningsReport e = earningsByFiscal.get(common[i]);
            reported[i] = e == null || e.reportedDate() == null ? TickerPanel.NO_DATE
                    : (int) e.reportedDate().toEpochDay();
            reportTimes[i] = e == null ? null : e.reportTime();
        }

        double[][] metrics = QuarterlyRows.emptyColumns(n);
        copy(balance, common, metrics);
        copy(income, common, metrics);
        copy(cash, common, metrics);
        return new QuarterlyRows(common, reported, reportTimes, metrics);
    }

    private static StatementTable require(Map<AvFunction, StatementTable> statements, AvFunction f) {
        StatementTable t = statements.get(f);
        if (t == null) {
            throw new IllegalArgumentException("no " + f + " table");
        }
        return t;
    }

    /** The values of both ascending, duplicate-free arrays, ascending. */
    static int[] intersect(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[k++] = a[i];
                i++;
                j++;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** Copies the table's rows at the given (present) dates into the columns of its metrics that are §10 metrics. */
    private static void copy(StatementTable table, int[] dates, double[][] into) {
        int[] rowOf = new int[dates.length];
        int j = 0;
        for (int i = 0; i < dates.length; i++) {
            while (table.fiscalDates()[j] != dates[i]) {
                j++;
            }
            rowOf[i] = j;
        }
        for (int m = 0; m < table.metrics().size(); m++) {
            int target = Metrics.ALL.indexOf(table.metrics().get(m));
            if (target < 0) {
                continue;
            }
            double[] source = table.columns()[m];
            for (int i = 0; i < dates.length; i++) {
                into[target][i] = source[rowOf[i]];
            }
        }
    }
}
