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
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class TickerBuildTest {
    private static final BuildParameters PARAMS = BuildParameters.of(d("2015-01-01"));
    private static final BuildParameters REFERENCE = PARAMS.withMode(CleaningMode.REFERENCE);
    private static final List<DailyBar> BARS = Fixtures.weekdays("2014-06-01", "2018-12-31", x -> 10.0);

    private static TickerData data(List<LocalDate> fiscal) {
        return new TickerData("T", BARS, List.of(), Fixtures.earnings(fiscal, 30),
                Fixtures.statements(fiscal, (m, i) -> 100.0));
    }

    private static List<Dropout> dropouts(TickerData data) {
        return TickerBuild.build(data, PARAMS).facts().dropouts();
    }

    @Test
    void theShareBasisRunsBeforeAnomalyCleaningSoAnAsReportedSplitNearTheEndSurvives() {
        // 16 quarters 2014-03-31 .. 2017-12-31 reported 30 days later; 10:1 split 2017-09-05, as reported: 100 shares
        // (slowly growing) until the 2017-06-30 quarter, 1000+ from the 2017-09-30 quarter, the second-to-last row
        List<LocalDate> fiscal = Fixtures.quarterEnds("2014-03-31", 16);
        java.util.function.BiFunction<String, Integer, Double> value = (m, i) -> m.equals(Metrics.SHARES)
                ? (i < 14 ? 100.0 + i : 1000.0 + 10 * i) : 100.0;
        TickerData data = new TickerData("T", Fixtures.weekdays("2014-06-01", "2018-03-30",
                x -> x.isBefore(d("2017-09-05")) ? 50.0 : 5.0), List.of(new org.avpipeline.alphavantage.Split(
                        d("2017-09-05"), 10)), Fixtures.earnings(fiscal, 30), Fixtures.statements(fiscal, value));
        TickerResult r = TickerBuild.build(data, PARAMS);
        assertEquals(ShareBasis.Basis.AS_REPORTED, r.facts().splitBases().get(0).basis());
        assertTrue(r.facts().repairs().stream().noneMatch(x -> x.metric().equals(Metrics.SHARES)),
                r.facts().repairs().toString());
        int[] days = r.panel().dates("date");
        double[] shares = r.panel().doubles(Metrics.SHARES);
        double[] cap = r.panel().doubles("market_cap");
        int before = java.util.Arrays.binarySearch(days, Fixtures.day("2017-09-01"));
        int on = java.util.Arrays.binarySearch(days, Fixtures.day("2017-09-05"));
        int last = days.length - 1;
        assertEquals(1130.0, shares[before], "the 2017-06-30 count (113) on the current basis");
        assertEquals(1150.0, shares[last], "the 2017-12-31 count, as reported after the split");
        assertEquals(50 * 113.0 / 1e6, cap[before], 1e-12);
        assertEquals(5 * 1130.0 / 1e6, cap[on], 1e-12);
        // without the share basis, stage 2 of anomaly cleaning would take the jump for an anomaly: check it would
        double[] asServed = new double[16];
        for (int i = 0; i < 16; i++) {
            asServed[i] = value.apply(Metrics.SHARES, i);
        }
        assertTrue(AnomalyCleaning.repairEndJumps(asServed, CleaningParameters.DEFAULT) > 0);
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
        TickerData nine = new TickerData("T", BARS, List.of(), full.earnings(), st);
        TickerResult asServed = TickerBuild.build(nine, PARAMS);
        assertEquals(List.of(), asServed.facts().dropouts(), "as served there is no minimum history");
        assertEquals(9, asServed.facts().continuousQuarters());
        TickerResult r = TickerBuild.build(nine, REFERENCE);

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
        List<AnomalyRepair> repairs = TickerBuild.build(data, REFERENCE).facts().repairs();
        assertEquals(List.of(new AnomalyRepair(AvFunction.BALANCE_SHEET, "goodwill", 1, 1)), repairs);
        TickerResult asServed = TickerBuild.build(data, PARAMS);
        assertEquals(List.of(), asServed.facts().repairs(), "as served nothing is repaired");
        assertEquals(999.0, asServed.companions().quarters().doubles("goodwill")[7], "the spike is served as is");
    }

    @Test
    void unsortedBarsAreSortedKeepingTheFirstOfADate() {
        List<DailyBar> bars = List.of(Fixtures.bar("2015-01-06", 3), Fixtures.bar("2015-01-05", 1),
                Fixtures.bar("2015-01-06", 9));
        List<DailyBar> sorted = DailyBar.ascendingFirstOfEachDate(bars);
        assertEquals(List.of(bars.get(1), bars.get(0)), sorted);
        List<DailyBar> already = List.of(bars.get(1), bars.get(0));
        assertSame(already, DailyBar.ascendingFirstOfEachDate(already));
    }
}
