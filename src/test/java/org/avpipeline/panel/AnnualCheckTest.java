package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** pipeline.md §4.1's annual_check and balance_gap: which rows, which metrics, the tolerance, the value. */
class AnnualCheckTest {

    /** Eight quarter rows ending on the given dates, every metric missing but those set. */
    private static QuarterlyRows rows(String... fiscal) {
        int[] dates = new int[fiscal.length];
        for (int i = 0; i < fiscal.length; i++) {
            dates[i] = (int) d(fiscal[i]).toEpochDay();
        }
        return new QuarterlyRows(dates, new int[fiscal.length], QuarterlyRows.emptyColumns(fiscal.length));
    }

    private static QuarterlyRows set(QuarterlyRows rows, String metric, double... values) {
        System.arraycopy(values, 0, rows.metric(metric), 0, values.length);
        return rows;
    }

    private static StatementReport annual(String fiscal, Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], ((Number) nameValue[i + 1]).doubleValue());
        }
        return new StatementReport(d(fiscal), "USD", m);
    }

    private static final String[] CALENDAR = {"2022-09-30", "2022-12-31", "2023-03-31", "2023-06-30", "2023-09-30",
        "2023-12-31", "2024-03-31", "2024-06-30"};

    @Test
    void fourQuartersThatAddUpAreOkAndTheRowIsTheFiscalYearsEnd() {
        QuarterlyRows run = set(rows(CALENDAR), "totalRevenue", 9, 10, 11, 12, 13, 14, 15, 16);
        QuarterChecks c = QuarterChecks.of(run, Map.of(AvFunction.INCOME_STATEMENT,
                List.of(annual("2023-12-31", "totalRevenue", 50.0, "grossProfit", 7.0))));
        assertArrayEquals(new String[] {null, null, null, null, null, "ok", null, null}, c.annualCheck(),
                "only the row of the annual report's date; grossProfit is in no quarter, so not checked");
        assertEquals(List.of(new AnnualCheck.FiscalYear(AvFunction.INCOME_STATEMENT, d("2023-12-31"), 1, List.of())),
                c.fiscalYears());
    }

    @Test
    void aMismatchNamesTheMetricsInSection10Order() {
        QuarterlyRows run = set(set(set(rows(CALENDAR), "totalRevenue", 9, 10, 11, 12, 13, 14, 15, 16),
                "netIncome", 1, 1, 1, 1, 1, 1, 1, 1), "operatingCashflow", 2, 2, 2, 2, 2, 2, 2, 2);
        QuarterChecks c = QuarterChecks.of(run, Map.of(
                AvFunction.CASH_FLOW, List.of(annual("2023-12-31", "operatingCashflow", 9.0)),
                AvFunction.INCOME_STATEMENT, List.of(annual("2023-12-31", "netIncome", 5.0, "totalRevenue", 60.0))));
        assertEquals("totalRevenue,netIncome,operatingCashflow", c.annualCheck()[5]);
        AnnualCheck.FiscalYear income = c.fiscalYears().get(0);
        assertEquals(AvFunction.INCOME_STATEMENT, income.statement());
        assertEquals(2, income.metricsChecked());
        assertEquals(List.of(new AnnualCheck.Mismatch("totalRevenue", 60, 50), new AnnualCheck.Mismatch("netIncome", 5, 4)),
                income.mismatches());
        assertFalse(c.fiscalYears().get(1).matched());
    }

    @Test
    void aFiscalYearEndOutsideTheRunOrBeforeItsFourthRowIsNotChecked() {
        QuarterlyRows run = set(rows(CALENDAR), "totalRevenue", 9, 10, 11, 12, 13, 14, 15, 16);
        QuarterChecks c = QuarterChecks.of(run, Map.of(AvFunction.INCOME_STATEMENT, List.of(
                annual("2021-12-31", "totalRevenue", 40.0),   // before the run
                annual("2022-12-31", "totalRevenue", 40.0),   // the run's second row: no four quarters
                annual("2024-12-31", "totalRevenue", 40.0)))); // after it
        assertTrue(java.util.Arrays.stream(c.annualCheck()).allMatch(v -> v == null));
        assertEquals(List.of(), c.fiscalYears());
    }

    @Test
    void aMetricMissingInOneOfTheFourQuartersIsNotChecked() {
        QuarterlyRows run = set(set(rows(CALENDAR), "totalRevenue", 9, 10, 11, 12, 13, 14, 15, 16),
                "interestIncome", 1, 1, 1, 1, NA, 1, 1, 1);
        QuarterChecks c = QuarterChecks.of(run, Map.of(AvFunction.INCOME_STATEMENT, List.of(
                annual("2023-12-31", "totalRevenue", 50.0, "interestIncome", 99.0))));
        assertEquals("ok", c.annualCheck()[5], "interestIncome lacks a quarter: not checked, so no mismatch");
        assertEquals(1, c.fiscalYears().get(0).metricsChecked());

        QuarterChecks none = QuarterChecks.of(run, Map.of(AvFunction.INCOME_STATEMENT, List.of(
                annual("2023-12-31", "interestIncome", 4.0))));
        assertNull(none.annualCheck()[5], "no metric could be checked: missing");
        assertEquals(List.of(), none.fiscalYears());
    }

    @Test
    void a52Or53WeekYearEndMeetsItsQuarterAfterNormalizing() {
        // NVIDIA-like: quarters and the year end on the last Sunday of January, served as such (older answers)
        String[] fiscal = {"2023-04-30", "2023-07-31", "2023-10-31", "2024-01-31", "2024-04-30"};
        QuarterlyRows run = set(rows(fiscal), "totalRevenue", 7.19, 13.51, 18.12, 22.10, 26.04);
        QuarterChecks c = QuarterChecks.of(run, Map.of(AvFunction.INCOME_STATEMENT, List.of(
                annual("2024-01-28", "totalRevenue", 60.92))));
        assertArrayEquals(new String[] {null, null, null, "ok", null}, c.annualCheck());
        assertEquals(d("2024-01-31"), c.fiscalYears().get(0).fiscalYearEnd());
    }

    @Test
    void theCashFlowsAnnualNetIncomeChecksNetIncomeCfNotTheIncomeStatements() {
        QuarterlyRows run = set(set(rows(CALENDAR), "netIncome", 1, 1, 1, 1, 1, 1, 1, 1),
                Metrics.CASH_FLOW_NET_INCOME, 3, 3, 3, 3, 3, 3, 3, 3);
        // the parser names the cash flow's netIncome netIncome.cf, annual and quarterly alike
        QuarterChecks c = QuarterChecks.of(run, Map.of(
                AvFunction.INCOME_STATEMENT, List.of(annual("2023-12-31", "netIncome", 4.0)),
                AvFunction.CASH_FLOW, List.of(annual("2023-12-31", Metrics.CASH_FLOW_NET_INCOME, 12.0))));
        assertEquals("ok", c.annualCheck()[5]);
        QuarterChecks wrong = QuarterChecks.of(run, Map.of(
                AvFunction.CASH_FLOW, List.of(annual("2023-12-31", Metrics.CASH_FLOW_NET_INCOME, 4.0))));
        assertEquals(Metrics.CASH_FLOW_NET_INCOME, wrong.annualCheck()[5]);
        assertEquals(AvFunction.CASH_FLOW, wrong.fiscalYears().get(0).statement());
    }

    @Test
    void aSeptemberFiscalYearIsCheckedOnItsSeptemberQuarter() {
        QuarterlyRows run = set(rows(CALENDAR), "totalRevenue", 9, 10, 11, 12, 13, 14, 15, 16);
        QuarterChecks c = QuarterChecks.of(run, Map.of(AvFunction.INCOME_STATEMENT, List.of(
                annual("2023-09-30", "totalRevenue", 10 + 11 + 12 + 13.0),
                annual("2022-09-30", "totalRevenue", 40.0))));
        assertArrayEquals(new String[] {null, null, null, null, "ok", null, null, null}, c.annualCheck());
        assertEquals(List.of(d("2023-09-30")),
                c.fiscalYears().stream().map(AnnualCheck.FiscalYear::fiscalYearEnd).toList());
    }

    @Test
    void theToleranceIsOnePercentOfTheAnnualPlusHalfAPercentOfTheQuarters() {
        // annual 100, quarters near 25 each: tolerance 1 + 0.5 % of about 100
        assertTrue(AnnualCheck.matches(100, 25, 25, 25, 26.5));
        assertFalse(AnnualCheck.matches(100, 25, 25, 25, 26.6));
        assertTrue(AnnualCheck.matches(100, 25, 25, 25, 23.6));
        assertFalse(AnnualCheck.matches(100, 25, 25, 25, 23.5), "1.5 off, the quarters only 98.5: 1.4925 allowed");
        // quarters of both signs widen it by their magnitude: |q| sums to 200, tolerance 1 + 1 = 2
        assertTrue(AnnualCheck.matches(100, 150, -50, 0, 2));
        assertFalse(AnnualCheck.matches(100, 150, -50, 0, 2.1));
        assertTrue(AnnualCheck.matches(0, 0, 0, 0, 0));
        assertFalse(AnnualCheck.matches(-10, 10, 0, 0, 0));
    }

    @Property
    void quartersThatSumToTheAnnualAlwaysMatchAndAYearOffByAFifthNever(
            @ForAll @DoubleRange(min = -1e12, max = 1e12) double q1, @ForAll @DoubleRange(min = -1e12, max = 1e12) double q2,
            @ForAll @DoubleRange(min = -1e12, max = 1e12) double q3, @ForAll @DoubleRange(min = -1e12, max = 1e12) double q4) {
        double sum = q1 + q2 + q3 + q4;
        assertTrue(AnnualCheck.matches(sum, q1, q2, q3, q4));
        double magnitude = Math.abs(q1) + Math.abs(q2) + Math.abs(q3) + Math.abs(q4);
        double off = sum + 0.02 * Math.abs(sum) + 0.01 * magnitude + 1;
        assertFalse(AnnualCheck.matches(off, q1, q2, q3, q4));
    }

    @Test
    void balanceGapIsTheShareOfAssetsNeitherLiabilityNorEquity() {
        assertEquals(0.05, BalanceGap.of(100, 60, 35), 1e-12);
        assertEquals(-0.1, BalanceGap.of(100, 70, 40), 1e-12);
        assertEquals(NA, BalanceGap.of(NA, 60, 35));
        assertEquals(NA, BalanceGap.of(100, NA, 35));
        assertEquals(NA, BalanceGap.of(100, 60, NA));
        assertEquals(NA, BalanceGap.of(0, 0, 0), "no assets: no share of them");
        assertEquals(NA, BalanceGap.of(-5, 0, 0));

        QuarterlyRows run = set(set(set(rows("2023-03-31", "2023-06-30", "2023-09-30"), "totalAssets", 100, 100, 100),
                "totalLiabilities", 60, 60, NA), "totalShareholderEquity", 39, 35, 40);
        double[] gaps = BalanceGap.of(run);
        assertArrayEquals(new double[] {0.01, 0.05, NA}, gaps, 1e-12);
        assertEquals(List.of(new BalanceGap.Quarter(d("2023-06-30"), gaps[1])), BalanceGap.large(run, gaps),
                "only |gap| above 2 % is listed");
    }

    @Test
    void theChecksChangeNoValue() {
        QuarterlyRows run = set(rows(CALENDAR), "totalRevenue", 9, 10, 11, 12, 13, 14, 15, 16);
        double[] before = run.metric("totalRevenue").clone();
        QuarterChecks.of(run, Map.of(AvFunction.INCOME_STATEMENT, List.of(annual("2023-12-31", "totalRevenue", 1.0))));
        assertArrayEquals(before, run.metric("totalRevenue"));
    }

}
