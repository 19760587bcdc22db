package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.StatementReport;
import org.junit.jupiter.api.Test;

class TickerBuildTest {
    private static final BuildParameters PARAMS = BuildParameters.of(d("2015-01-01"));
    private static final List<DailyBar> BARS = Fixtures.weekdays("2014-06-01", "2018-12-31", x -> 10.0);

    private static TickerData data(List<LocalDate> fiscal) {
        return new TickerData("T", BARS, List.of(), Fixtures.earnings(fiscal, 30),
                Fixtures.statements(fiscal, (m, i) -> 100.0));
    }

    private static List<Dropout> dropouts(TickerData data) {
        return TickerBuild.build(data, PARAMS).facts().dropouts();
    }

    @Test
    void aCompleteTickerGoesAllTheWay() {
        TickerResult r = TickerBuild.build(data(Fixtures.quarterEnds("2014-03-31", 16)), PARAMS);
        assertTrue(r.facts().dropouts().isEmpty());
        assertEquals(16, r.facts().continuousQuarters());
        assertEquals(BARS.size(), r.facts().priceDays());
        assertNotNull(r.panel());
        assertEquals(r.panel().rows(), r.facts().panelRows());
        assertEquals("T", r.panel().ticker());
        assertTrue(r.facts().repairs().isEmpty());
    }

    @Test
    void tooLittleHistoryInOneStatement() {
        List<LocalDate> fiscal = Fixtures.quarterEnds("2014-03-31", 16);
        TickerData full = data(fiscal);
        Map<AvFunction, List<StatementReport>> st = new EnumMap<>(full.statements());
        st.put(AvFunction.CASH_FLOW, st.get(AvFunction.CASH_FLOW).subList(0, 9));
        TickerResult r = TickerBuild.build(new TickerData("T", BARS, List.of(), full.earnings(), st), PARAMS);

        assertEquals(List.of(new Dropout(DropReason.TOO_LITTLE_HISTORY, AvFunction.CASH_FLOW,
                "9 quarterly CASH_FLOW rows, at least 10 needed")), r.facts().dropouts());
        assertEquals(0, r.facts().continuousQuarters());
        assertNull(r.facts().firstQuarter());
        assertNotNull(r.panel(), "the ticker has prices, so it is in the artifact");
        assertTrue(java.util.Arrays.stream(r.panel().doubles("totalAssets_per_share")).allMatch(Double::isNaN));
    }

    @Test
    void missingEarningsOrStatementsMeanNotInAllStatements() {
        List<LocalDate> fiscal = Fixtures.quarterEnds("2014-03-31", 16);
        TickerData full = data(fiscal);
        assertEquals(List.of(new Dropout(DropReason.NOT_IN_ALL_STATEMENTS, AvFunction.EARNINGS,
                "no quarterly EARNINGS rows")),
                dropouts(new TickerData("T", BARS, List.of(), List.of(), full.statements())));

        Map<AvFunction, List<StatementReport>> st = new EnumMap<>(full.statements());
        st.remove(AvFunction.BALANCE_SHEET);
        List<Dropout> d = dropouts(new TickerData("T", BARS, List.of(), full.earnings(), st));
        assertEquals(1, d.size());
        assertEquals(DropReason.NOT_IN_ALL_STATEMENTS, d.get(0).reason());
        assertEquals(AvFunction.BALANCE_SHEET, d.get(0).dataType());
    }

    @Test
    void noQuarterInAllThreeStatements() {
        List<LocalDate> a = Fixtures.quarterEnds("2010-03-31", 12);
        List<LocalDate> b = Fixtures.quarterEnds("2014-03-31", 12);
        Map<AvFunction, List<StatementReport>> st = new EnumMap<>(Fixtures.statements(a, (m, i) -> 1.0));
        st.put(AvFunction.CASH_FLOW, Fixtures.statements(b, (m, i) -> 1.0).get(AvFunction.CASH_FLOW));
        List<Dropout> d = dropouts(new TickerData("T", BARS, List.of(), Fixtures.earnings(a, 30), st));
        assertEquals(DropReason.NOT_IN_ALL_STATEMENTS, d.get(0).reason());
        assertNull(d.get(0).dataType());
    }

    @Test
    void noMonthEndQuarterMeansNoContinuousQuarters() {
        List<LocalDate> fiscal = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            fiscal.add(LocalDate.of(2014, 1, 15).plusMonths(3L * i));
        }
        List<Dropout> d = dropouts(data(fiscal));
        assertEquals(List.of(DropReason.NO_CONTINUOUS_QUARTERS), d.stream().map(Dropout::reason).toList());
    }

    @Test
    void noPricesOnOrAfterStartDate() {
        TickerData data = new TickerData("T", Fixtures.weekdays("2014-01-01", "2014-12-31", x -> 1.0), List.of(),
                List.of(), Map.of());
        TickerResult r = TickerBuild.build(data, PARAMS);
        assertNull(r.panel());
        assertEquals(0, r.rows());
        assertTrue(r.facts().dropouts().stream().anyMatch(x -> x.reason() == DropReason.NO_PRICES
                && x.detail().contains("2015-01-01")));
        TickerResult none = TickerBuild.build(new TickerData("T", null, null, null, null), PARAMS);
        assertEquals(new Dropout(DropReason.NO_PRICES, AvFunction.TIME_SERIES_DAILY_ADJUSTED, "no price data"),
                none.facts().dropouts().get(none.facts().dropouts().size() - 1));
    }

    @Test
    void repairsAreReportedPerStatementMetricAndStage() {
        List<LocalDate> fiscal = Fixtures.quarterEnds("2014-03-31", 16);
        // goodwill grows steadily except for a spike in quarter 7; every other metric is constant
        TickerData data = new TickerData("T", BARS, List.of(), Fixtures.earnings(fiscal, 30),
                Fixtures.statements(fiscal, (m, i) -> !m.equals("goodwill") ? 100.0 : i == 7 ? 999.0 : 100.0 + i));
        List<AnomalyRepair> repairs = TickerBuild.build(data, PARAMS).facts().repairs();
        assertEquals(List.of(new AnomalyRepair(AvFunction.BALANCE_SHEET, "goodwill", 1, 1)), repairs);
    }

    @Test
    void unsortedBarsAreSortedKeepingTheFirstOfADate() {
        List<DailyBar> bars = List.of(Fixtures.bar("2015-01-06", 3), Fixtures.bar("2015-01-05", 1),
                Fixtures.bar("2015-01-06", 9));
        List<DailyBar> sorted = TickerBuild.ascending(bars);
        assertEquals(List.of(bars.get(1), bars.get(0)), sorted);
        List<DailyBar> already = List.of(bars.get(1), bars.get(0));
        assertSame(already, TickerBuild.ascending(already));
    }
}
