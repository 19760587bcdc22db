package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.d;
import static org.avpipeline.panel.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class QuarterlyTableTest {

    private static StatementTable table(AvFunction f, String[] dates, String metric, double[] values) {
        int[] days = new int[dates.length];
        for (int i = 0; i < dates.length; i++) {
            days[i] = day(dates[i]);
        }
        return new StatementTable(f, days, List.of(metric), new double[][] {values});
    }

    @Test
    void quarterDatesAreThoseInAllThreeStatementsWithTheirReportedDates() {
        StatementTable income = table(AvFunction.INCOME_STATEMENT,
                new String[] {"2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"}, "netIncome",
                new double[] {1, 2, 3, 4});
        StatementTable balance = table(AvFunction.BALANCE_SHEET,
                new String[] {"2023-06-30", "2023-09-30", "2023-12-31"}, "totalAssets", new double[] {20, 30, 40});
        StatementTable cash = table(AvFunction.CASH_FLOW,
                new String[] {"2023-03-31", "2023-06-30", "2023-12-31"}, "netIncome.cf", new double[] {-1, -2, -4});
        List<EarningsReport> earnings = List.of(
                new EarningsReport(d("2023-12-31"), d("2024-02-01"), "post-market"),
                new EarningsReport(d("2023-06-30"), null, null));

        QuarterlyRows rows = QuarterlyTable.assemble(earnings, Map.of(AvFunction.INCOME_STATEMENT, income,
                AvFunction.BALANCE_SHEET, balance, AvFunction.CASH_FLOW, cash));

        assertArrayEquals(new int[] {day("2023-06-30"), day("2023-12-31")}, rows.fiscalDates());
        assertArrayEquals(new int[] {TickerPanel.NO_DATE, day("2024-02-01")}, rows.reportedDates());
        assertArrayEquals(new double[] {2, 4}, rows.metric("netIncome"));
        assertArrayEquals(new double[] {-2, -4}, rows.metric("netIncome.cf"));
        assertArrayEquals(new double[] {20, 40}, rows.metric("totalAssets"));
        // a listed metric no statement has is all missing
        assertArrayEquals(new double[] {NA, NA}, rows.metric("ebit"));
        assertEquals(Metrics.ALL.size(), rows.metrics().length);
    }

    @Test
    void noCommonDateGivesAnEmptyTable() {
        StatementTable income = table(AvFunction.INCOME_STATEMENT, new String[] {"2023-03-31"}, "ebit",
                new double[] {1});
        StatementTable balance = table(AvFunction.BALANCE_SHEET, new String[] {"2023-06-30"}, "totalAssets",
                new double[] {1});
        StatementTable cash = table(AvFunction.CASH_FLOW, new String[] {"2023-03-31"}, "operatingCashflow",
                new double[] {1});
        QuarterlyRows rows = QuarterlyTable.assemble(List.of(), Map.of(AvFunction.INCOME_STATEMENT, income,
                AvFunction.BALANCE_SHEET, balance, AvFunction.CASH_FLOW, cash));
        assertEquals(0, rows.size());
    }

    @Test
    void intersectionOfSortedArrays() {
        assertArrayEquals(new int[] {2, 5}, QuarterlyTable.intersect(new int[] {1, 2, 4, 5}, new int[] {2, 3, 5, 6}));
        assertTrue(QuarterlyTable.intersect(new int[] {}, new int[] {1}).length == 0);
    }
}
