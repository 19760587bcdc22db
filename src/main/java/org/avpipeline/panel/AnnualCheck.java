package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §4.1's {@code annual_check}: on a quarter row of the continuous run whose fiscal date is the (normalized)
 * fiscal date of an annual report of the income statement or the cash flow, the four rows of the run ending there
 * against that report, per flow metric of the statement present in the report and in all four rows. Changes nothing.
 */
public final class AnnualCheck {
    private AnnualCheck() {}

    /** The value of a row whose checked metrics all match. */
    public static final String OK = "ok";

    /** The statements checked, in §10 order. */
    public static final List<AvFunction> STATEMENTS = List.of(AvFunction.INCOME_STATEMENT, AvFunction.CASH_FLOW);

    /** One metric whose four quarters do not add up to the annual report. */
    public record Mismatch(String metric, double annual, double quarters) {
        /** {@code |quarters - annual| / |annual|} (infinite for an annual 0). */
        public double relativeDifference() {
            return Math.abs(quarters - annual) / Math.abs(annual);
        }
    }

    /**
     * The check of one fiscal year of one statement.
     *
     * @param metricsChecked how many metrics were present in the annual report and in all four quarters (at least 1)
     * @param mismatches those that do not match, in §10 order
     */
    public record FiscalYear(AvFunction statement, LocalDate fiscalYearEnd, int metricsChecked,
            List<Mismatch> mismatches) {
        public FiscalYear {
            mismatches = List.copyOf(mismatches);
        }

        public boolean matched() {
            return mismatches.isEmpty();
        }
    }

    /**
     * The checks of one ticker.
     *
     * @param values per row of the run: {@link #OK}, the names of the metrics that do not match (comma-separated, §10
     *     order), or null when the row ends no fiscal year or no metric could be checked
     * @param years every checked fiscal year, per statement (income statement first), in fiscal order
     */
    public record Result(String[] values, List<FiscalYear> years) {
        public Result {
            years = List.copyOf(years);
        }
    }

    /** Whether four quarters match an annual figure: {@code |sum - annual| <= 1 % of |annual| + 0.5 % of the sum of |q|}. */
    public static boolean matches(double annual, double q1, double q2, double q3, double q4) {
        double sum = q1 + q2 + q3 + q4;
        double magnitude = Math.abs(q1) + Math.abs(q2) + Math.abs(q3) + Math.abs(q4);
        return Math.abs(sum - annual) <= 0.01 * Math.abs(annual) + 0.005 * magnitude;
    }

    /**
     * @param run the continuous run (§5.5), its values as the panel receives them
     * @param annual per statement its annual reports with normalized fiscal dates, first per date
     *     ({@link FiscalDates#statements}); a statement without any is not checked
     */
    public static Result of(QuarterlyRows run, Map<AvFunction, List<StatementReport>> annual) {
        int n = run.size();
        String[] values = new String[n];
        List<FiscalYear> years = new ArrayList<>();
        Map<AvFunction, Map<Integer, StatementReport>> byDate = new HashMap<>();
        for (AvFunction statement : STATEMENTS) {
            Map<Integer, StatementReport> dates = new HashMap<>();
            for (StatementReport r : annual.getOrDefault(statement, List.of())) {
                dates.putIfAbsent((int) r.fiscalDateEnding().toEpochDay(), r);
            }
            byDate.put(statement, dates);
        }
        List<FiscalYear> rowYears = new ArrayList<>(2);
        for (int k = TrailingTwelveMonths.QUARTERS - 1; k < n; k++) {
            rowYears.clear();
            for (AvFunction statement : STATEMENTS) {
                StatementReport report = byDate.get(statement).get(run.fiscalDates()[k]);
                FiscalYear year = report == null ? null : check(statement, report, run, k);
                if (year != null) {
                    rowYears.add(year);
                }
            }
            if (rowYears.isEmpty()) {
                continue;
            }
            years.addAll(rowYears);
            values[k] = value(rowYears);
        }
        years.sort(java.util.Comparator.comparing((FiscalYear y) -> y.statement())
                .thenComparing(FiscalYear::fiscalYearEnd));
        return new Result(values, years);
    }

    /** One statement's year ending at row {@code k}, or null when no metric could be checked. */
    private static FiscalYear check(AvFunction statement, StatementReport report, QuarterlyRows run, int k) {
        int checked = 0;
        List<Mismatch> mismatches = new ArrayList<>();
        for (String metric : StatementMetrics.OF_STATEMENT.get(statement)) {
            double a = report.metric(metric);
            double[] q = run.metric(metric);
            if (Double.isNaN(a) || Double.isNaN(q[k - 3]) || Double.isNaN(q[k - 2]) || Double.isNaN(q[k - 1])
                    || Double.isNaN(q[k])) {
                continue;
            }
            checked++;
            if (!matches(a, q[k - 3], q[k - 2], q[k - 1], q[k])) {
                mismatches.add(new Mismatch(metric, a, q[k - 3] + q[k - 2] + q[k - 1] + q[k]));
            }
        }
        return checked == 0 ? null
                : new FiscalYear(statement, LocalDate.ofEpochDay(run.fiscalDates()[k]), checked, mismatches);
    }

    private static String value(List<FiscalYear> years) {
        StringBuilder names = new StringBuilder();
        for (FiscalYear y : years) {
            for (Mismatch m : y.mismatches()) {
                names.append(names.length() == 0 ? "" : ",").append(m.metric());
            }
        }
        return names.length() == 0 ? OK : names.toString();
    }
}
