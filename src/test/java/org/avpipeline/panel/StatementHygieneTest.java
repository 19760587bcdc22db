package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.d;
import static org.avpipeline.panel.Fixtures.report;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;
import org.junit.jupiter.api.Test;

class StatementHygieneTest {
    private static final List<String> METRICS = List.of("totalRevenue", "netIncome");

    private static List<StatementReport> newestFirst(int count) {
        List<StatementReport> reports = new ArrayList<>();
        for (LocalDate f : Fixtures.quarterEnds("2020-03-31", count)) {
            reports.add(report(f.toString(), "totalRevenue", f.getYear(), "netIncome", f.getMonthValue()));
        }
        Collections.reverse(reports);
        return reports;
    }

    @Test
    void sortsQuarterRowsAscending() {
        StatementHygiene.Outcome out = StatementHygiene.apply(AvFunction.INCOME_STATEMENT, newestFirst(12), METRICS, 10);

        assertTrue(out.usable());
        int[] dates = out.table().fiscalDates();
        assertEquals(12, dates.length);
        for (int i = 1; i < dates.length; i++) {
            assertTrue(dates[i - 1] < dates[i]);
        }
        assertEquals(d("2020-03-31").toEpochDay(), dates[0]);
        assertEquals(2020.0, out.table().column("totalRevenue")[0]);
        assertEquals(3.0, out.table().column("netIncome")[0]);
    }

    @Test
    void dropsRowsWhoseEveryMetricIsMissing() {
        List<StatementReport> reports = new ArrayList<>(newestFirst(10));
        reports.add(report("2019-12-31", "totalRevenue", NA, "netIncome", NA));
        reports.add(Fixtures.report(d("2019-09-30"), Map.of()));
        // a field outside the kept list still counts as a metric: this row stays
        reports.add(report("2019-06-30", "totalRevenue", NA, "somethingElse", 5));

        StatementHygiene.Outcome out = StatementHygiene.apply(AvFunction.INCOME_STATEMENT, reports, METRICS, 10);

        assertEquals(11, out.table().rows());
        assertEquals(d("2019-06-30").toEpochDay(), out.table().fiscalDates()[0]);
        assertTrue(Double.isNaN(out.table().column("totalRevenue")[0]));
    }

    @Test
    void tenRowsAreEnough() {
        StatementHygiene.Outcome out = StatementHygiene.apply(AvFunction.BALANCE_SHEET, newestFirst(10), METRICS, 10);
        assertTrue(out.usable());
        assertNull(out.dropout());
        assertEquals(10, out.table().rows());
    }

    @Test
    void nineRowsDropTheTickerFromTheStatementWithAReason() {
        StatementHygiene.Outcome out = StatementHygiene.apply(AvFunction.BALANCE_SHEET, newestFirst(9), METRICS, 10);
        assertFalse(out.usable());
        assertEquals(DropReason.TOO_LITTLE_HISTORY, out.dropout().reason());
        assertEquals(AvFunction.BALANCE_SHEET, out.dropout().dataType());
        assertTrue(out.dropout().detail().contains("9"), out.dropout().detail());
    }

    @Test
    void tenRowsOfWhichOneIsEmptyAreTooFew() {
        List<StatementReport> reports = new ArrayList<>(newestFirst(9));
        reports.add(report("2019-12-31", "totalRevenue", NA));
        assertFalse(StatementHygiene.apply(AvFunction.CASH_FLOW, reports, METRICS, 10).usable());
    }

    @Test
    void noRowsAtAllMeansNotInAllStatements() {
        StatementHygiene.Outcome out = StatementHygiene.apply(AvFunction.CASH_FLOW, List.of(), METRICS, 10);
        assertEquals(DropReason.NOT_IN_ALL_STATEMENTS, out.dropout().reason());
    }

    @Test
    void aListedMetricTheAnswerLacksIsAllMissing() {
        StatementHygiene.Outcome out = StatementHygiene.apply(AvFunction.INCOME_STATEMENT, newestFirst(10),
                List.of("totalRevenue", "ebit"), 10);
        double[] ebit = out.table().column("ebit");
        double[] none = new double[10];
        java.util.Arrays.fill(none, NA);
        assertArrayEquals(none, ebit);
    }
}
