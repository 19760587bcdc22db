package org.avpipeline.simulator;

import static org.avpipeline.alphavantage.AvFunction.BALANCE_SHEET;
import static org.avpipeline.alphavantage.AvFunction.CASH_FLOW;
import static org.avpipeline.alphavantage.AvFunction.INCOME_STATEMENT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.avpipeline.alphavantage.AvFunction;

/** The annual reports and the annual EPS of a ticker's modelled quarters (fiscal years, newest first). */
final class AnnualReports {
    private AnnualReports() {}

    /** How many fiscal years the annual reports reach back (as Alpha Vantage's: about twenty). */
    static final int ANNUAL_YEARS = 20;

    /** The share of a flow statement's fiscal years whose annual report is restated (does not add up). */
    static final double RESTATED_YEARS = 0.06;

    /** The metrics a restated annual report changes, per flow statement (each a §10 metric, checked by the build). */
    private static final Map<AvFunction, List<String>> RESTATABLE = Map.of(
            INCOME_STATEMENT, List.of("totalRevenue", "grossProfit", "operatingIncome", "netIncome"),
            CASH_FLOW, List.of("operatingCashflow", "capitalExpenditures", "netIncome"));

    /**
     * The complete fiscal years, newest first (at most {@link #ANNUAL_YEARS}): flows summed over their four quarters,
     * stocks at year end, from the model's values (before the quarterly answer's gaps). A seeded few of a flow
     * statement's years ({@link #RESTATED_YEARS}) are restated: one metric 3 to 15 % off the quarters' sum, as a
     * company's later annual report can be, so the build's annual check has something to find.
     */
    static List<StatementRow> annualReports(AvFunction f, List<ModelledQuarter> quarters, SplittableRandom restated) {
        List<String> fields = StatementFields.of(f);
        List<StatementRow> rows = new ArrayList<>();
        for (int i = quarters.size() - 1; i >= 3 && rows.size() < ANNUAL_YEARS; i--) {
            ModelledQuarter q = quarters.get(i);
            if (!q.fiscalYearEnd()) {
                continue;
            }
            double[] v = new double[fields.size()];
            for (int j = 0; j < v.length; j++) {
                String field = fields.get(j);
                if (f == BALANCE_SHEET) {
                    v[j] = valueOf(q, f, field);
                } else {
                    v[j] = 0;
                    for (int k = i - 3; k <= i; k++) {
                        v[j] += valueOf(quarters.get(k), f, field);
                    }
                }
            }
            if (f != BALANCE_SHEET && restated.nextDouble() < RESTATED_YEARS) {
                List<String> restatable = RESTATABLE.get(f);
                int j = fields.indexOf(restatable.get(restated.nextInt(restatable.size())));
                double off = (0.03 + 0.12 * restated.nextDouble()) * (restated.nextBoolean() ? 1 : -1);
                if (j >= 0 && Double.isFinite(v[j])) {
                    v[j] = Math.rint(v[j] * (1 + off));
                }
            }
            rows.add(new StatementRow(q.periodEnd(), v));
        }
        return List.copyOf(rows);
    }

    private static double valueOf(ModelledQuarter q, AvFunction f, String field) {
        Double x = q.values().get(f).get(field);
        return x == null ? Double.NaN : x;
    }

    /** Fiscal-year EPS (sum of the year's quarters), newest first, led by the year to date when it is partial. */
    static List<Financials.AnnualEps> annualEarnings(List<ModelledQuarter> quarters) {
        List<Financials.AnnualEps> out = new ArrayList<>();
        double sum = 0;
        int count = 0;
        for (int i = quarters.size() - 1; i >= 0; i--) {
            ModelledQuarter q = quarters.get(i);
            if (q.fiscalYearEnd() && count > 0) {
                out.add(new Financials.AnnualEps(quarters.get(i + count).periodEnd(), Numbers.round(sum, 2)));
                sum = 0;
                count = 0;
            }
            sum += q.eps();
            count++;
        }
        if (count == 4 || (count > 0 && out.isEmpty())) {
            out.add(new Financials.AnnualEps(quarters.get(count - 1).periodEnd(), Numbers.round(sum, 2)));
        }
        return List.copyOf(out);
    }
}
