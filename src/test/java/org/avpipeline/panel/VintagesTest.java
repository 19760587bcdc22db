package org.avpipeline.panel;

import org.avpipeline.metrics.Metrics;
import static org.avpipeline.panel.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TickerPanel;
import org.junit.jupiter.api.Test;

/** pipeline.md §8a: breakpoints, sets, merging, the splice, the quarterly versions and the restatements. */
class VintagesTest {
    static final BuildParameters PARAMS = new BuildParameters(d("2014-01-01"),
            BuildParameters.of(d("2014-01-01")).cleaning(), true);
    static final List<DailyBar> BARS = Fixtures.weekdays("2014-01-01", "2018-06-29", x -> 50.0);
    static final List<LocalDate> FISCAL = Fixtures.quarterEnds("2014-03-31", 16);
    static final Instant T1 = Instant.parse("2015-06-10T06:00:00Z");
    static final Instant T2 = Instant.parse("2016-08-10T06:00:00Z");

    /** The statements of quarters {@code [0, count)} with every metric 100 + quarter, and {@code edit} applied. */
    static Map<AvFunction, List<StatementReport>> statements(int count, BiFunction<String, Integer, Double> edit) {
        return Fixtures.statements(FISCAL.subList(0, count), (m, i) -> {
            Double e = edit.apply(m, i);
            return e != null ? e : m.equals(Metrics.SHARES) ? 1000.0 : 100.0 + i;
        });
    }

    static List<EarningsReport> earnings(int count) {
        return Fixtures.earnings(FISCAL.subList(0, count), 30);
    }

    static <T> Vintage<T> v(Instant first, List<T> rows) {
        return new Vintage<>(first, first, rows);
    }

    /** A ticker whose income statement has two answers (older first fetched T1, newer T2), the rest one. */
    static TickerData withIncomeVintages(Map<AvFunction, List<StatementReport>> older,
            Map<AvFunction, List<StatementReport>> newer, int quarters) {
        Map<AvFunction, List<Vintage<StatementReport>>> vintages = new EnumMap<>(AvFunction.class);
        vintages.put(AvFunction.INCOME_STATEMENT, List.of(v(T2, newer.get(AvFunction.INCOME_STATEMENT)),
                v(T1, older.get(AvFunction.INCOME_STATEMENT))));
        return new TickerData("T", BARS, List.of(), earnings(quarters), newer, null,
                new TickerVintages(List.of(), vintages));
    }

    @Test
    void oneAnswerPerFunctionIsOneSetAndTodaysBuild() {
        TickerData data = new TickerData("T", BARS, List.of(), earnings(16), statements(16, (m, i) -> null));
        List<Vintages.AnswerSet> sets = Vintages.sets(data);
        assertEquals(1, sets.size());
        assertSame(data, sets.get(0).data());
        assertNull(sets.get(0).from());
        TickerResult today = TickerBuild.build(data, PARAMS);
        TickerResult layered = VintageBuild.build(data, PARAMS);
        PanelAssertionsBridge.assertSamePanels(today.panel(), layered.panel(), 0, today.panel().rows());
        assertNull(layered.companions().restatements());
    }

    @Test
    void setsTakePerFunctionTheLatestAnswerValidByTheirDayAndTheEarliestBeforeTheFirst() {
        Map<AvFunction, List<StatementReport>> a = statements(16, (m, i) -> null);
        Map<AvFunction, List<StatementReport>> b = statements(16, (m, i) -> i == 5 && m.equals("totalRevenue")
                ? Double.valueOf(130.0) : null);
        List<EarningsReport> e1 = earnings(15);
        List<EarningsReport> e2 = earnings(16);
        Instant t3 = Instant.parse("2017-01-02T06:00:00Z");
        Map<AvFunction, List<Vintage<StatementReport>>> statements = new EnumMap<>(AvFunction.class);
        statements.put(AvFunction.INCOME_STATEMENT, List.of(v(T2, b.get(AvFunction.INCOME_STATEMENT)),
                v(T1, a.get(AvFunction.INCOME_STATEMENT))));
        TickerData data = new TickerData("T", BARS, List.of(), e2, b, null,
                new TickerVintages(List.of(v(T1.plusSeconds(3600), e1), v(t3, e2)), statements));

        assertEquals(List.of(d("2015-06-10"), d("2016-08-10"), d("2017-01-02")),
                Vintages.breakpoints(data.vintages()));
        List<Vintages.AnswerSet> sets = Vintages.sets(data);
        assertEquals(3, sets.size());
        assertEquals(Arrays.asList(null, d("2016-08-10"), d("2017-01-02")),
                sets.stream().map(Vintages.AnswerSet::from).toList());
        assertEquals(Arrays.asList(d("2016-08-10"), d("2017-01-02"), null),
                sets.stream().map(Vintages.AnswerSet::to).toList());
        assertEquals(a.get(AvFunction.INCOME_STATEMENT), sets.get(0).data().statement(AvFunction.INCOME_STATEMENT));
        assertEquals(b.get(AvFunction.INCOME_STATEMENT), sets.get(1).data().statement(AvFunction.INCOME_STATEMENT));
        assertEquals(e1, sets.get(0).data().earnings(), "valid from the first breakpoint's day");
        assertEquals(e1, sets.get(1).data().earnings());
        assertEquals(e2, sets.get(2).data().earnings());
        for (Vintages.AnswerSet s : sets) {
            assertEquals(b.get(AvFunction.BALANCE_SHEET), s.data().statement(AvFunction.BALANCE_SHEET),
                    "a function with one answer takes it in every set");
            assertEquals(TickerVintages.NONE, s.data().vintages());
        }

        TickerData early = new TickerData("T", BARS, List.of(), e2, b, null, new TickerVintages(
                List.of(v(t3, e2), v(T2, e1)), statements));
        assertEquals(e1, Vintages.sets(early).get(0).data().earnings(),
                "before its first answer a function takes its earliest");
    }

    @Test
    void eachSetChecksItsQuartersAgainstTheAnnualReportsServedWithThem() {
        Map<AvFunction, List<StatementReport>> a = statements(16, (m, i) -> null);
        Map<AvFunction, List<StatementReport>> b = statements(16, (m, i) -> i == 5 && m.equals("totalRevenue")
                ? Double.valueOf(130.0) : null);
        List<StatementReport> annualA = Fixtures.statements(List.of(d("2014-12-31")), (m, i) -> 400.0)
                .get(AvFunction.INCOME_STATEMENT);
        List<StatementReport> annualB = Fixtures.statements(List.of(d("2014-12-31")), (m, i) -> 401.0)
                .get(AvFunction.INCOME_STATEMENT);
        List<StatementReport> cashFlowAnnual = Fixtures.statements(List.of(d("2014-12-31")), (m, i) -> 7.0)
                .get(AvFunction.CASH_FLOW);
        Map<AvFunction, List<Vintage<StatementReport>>> statements = new EnumMap<>(AvFunction.class);
        statements.put(AvFunction.INCOME_STATEMENT, List.of(
                new Vintage<>(T2, T2, b.get(AvFunction.INCOME_STATEMENT), annualB),
                new Vintage<>(T1, T1, a.get(AvFunction.INCOME_STATEMENT), annualA)));
        TickerData data = new TickerData("T", BARS, List.of(), earnings(16), b, null,
                Map.of(AvFunction.INCOME_STATEMENT, annualB, AvFunction.CASH_FLOW, cashFlowAnnual),
                new TickerVintages(List.of(), statements));
        List<Vintages.AnswerSet> sets = Vintages.sets(data);
        assertEquals(2, sets.size());
        assertEquals(annualA, sets.get(0).data().annual(AvFunction.INCOME_STATEMENT), "the older answer's own");
        assertEquals(annualB, sets.get(1).data().annual(AvFunction.INCOME_STATEMENT));
        assertEquals(cashFlowAnnual, sets.get(0).data().annual(AvFunction.CASH_FLOW),
                "a function with one answer: its annual reports in every set");
    }

    @Test
    void ofTwoVintagesValidFromTheSameDayTheOneFetchedLaterWins() {
        List<EarningsReport> morning = earnings(14);
        List<EarningsReport> evening = earnings(15);
        Instant day = Instant.parse("2015-06-10T01:00:00Z");
        List<Vintage<EarningsReport>> effective = Vintages.effective(List.of(
                new Vintage<>(day.plusSeconds(36_000), day.plusSeconds(40_000), evening),
                new Vintage<>(day, day.plusSeconds(3_600), morning)));
        assertEquals(1, effective.size());
        assertEquals(evening, effective.get(0).rows());
    }

    @Test
    void theSplicedPanelIsEachSetsPanelOnItsDaysAndTheQuartersHaveVersions() {
        // the income statement's answer of T2 restates quarter 5 (2015-06-30) and quarter 9 (2016-06-30, reported
        // 2016-07-30, before T2): one value changes, one appears, one disappears
        Map<AvFunction, List<StatementReport>> older = statements(16, (m, i) -> i == 9 && m.equals("ebitda")
                ? Double.valueOf(Double.NaN) : null);
        Map<AvFunction, List<StatementReport>> newer = statements(16, (m, i) -> i == 5 && m.equals("totalRevenue")
                ? Double.valueOf(112.0) : i == 9 && m.equals("ebit") ? Double.valueOf(Double.NaN) : null);
        TickerData data = withIncomeVintages(older, newer, 16);
        TickerResult spliced = VintageBuild.build(data, PARAMS);
        TickerResult a = TickerBuild.build(data.withAnswers(data.earnings(), older, data.annualStatements()), PARAMS);
        TickerResult b = TickerBuild.build(data.withAnswers(data.earnings(), newer, data.annualStatements()), PARAMS);

        int[] days = spliced.panel().dates(ArtifactSchema.DATE);
        int cut = DailyPanel.lowerBound(days, Fixtures.day("2016-08-10"));
        PanelAssertionsBridge.assertSamePanels(a.panel(), spliced.panel(), 0, cut);
        PanelAssertionsBridge.assertSamePanels(b.panel(), spliced.panel(), cut, days.length);
        int q5 = DailyPanel.lowerBound(days, Fixtures.day("2015-07-31")); // reported 07-30, no reportTime: next day
        assertNotEquals(a.panel().doubles("totalRevenue_ttm_per_share")[q5],
                b.panel().doubles("totalRevenue_ttm_per_share")[q5], "the sets differ: the older one is used before the cut");

        TableRows q = spliced.companions().quarters();
        int from = CompanionSchemas.QUARTERLY.indexOf(CompanionSchemas.VALID_FROM);
        int to = CompanionSchemas.QUARTERLY.indexOf(CompanionSchemas.VALID_TO);
        int fiscal = CompanionSchemas.QUARTERLY.indexOf(ArtifactSchema.FISCAL_DATE_ENDING);
        List<String> versions = new ArrayList<>();
        for (int i = 0; i < q.rows(); i++) {
            if (q.dates(from)[i] != TickerPanel.NO_DATE || q.dates(to)[i] != TickerPanel.NO_DATE) {
                versions.add(LocalDate.ofEpochDay(q.dates(fiscal)[i]) + " " + date(q.dates(from)[i]) + ".."
                        + date(q.dates(to)[i]));
            }
        }
        // quarters 5..8 change (the TTM of quarter 5's revenue reaches through quarter 8); as served (§4.1, §6)
        // quarter 9's swapped missing value stays missing, and so do the TTMs over it: quarters 9..12 change too
        assertEquals(List.of("2015-06-30 -..2016-08-10", "2015-06-30 2016-08-10..-", "2015-09-30 -..2016-08-10",
                "2015-09-30 2016-08-10..-", "2015-12-31 -..2016-08-10", "2015-12-31 2016-08-10..-",
                "2016-03-31 -..2016-08-10", "2016-03-31 2016-08-10..-", "2016-06-30 -..2016-08-10",
                "2016-06-30 2016-08-10..-", "2016-09-30 -..2016-08-10", "2016-09-30 2016-08-10..-",
                "2016-12-31 -..2016-08-10", "2016-12-31 2016-08-10..-", "2017-03-31 -..2016-08-10",
                "2017-03-31 2016-08-10..-"), versions);
        assertEquals(16 + versions.size() / 2, q.rows(), "the other quarters keep one row");

        List<Restatements.Change> changes = Restatements.of(data.vintages());
        assertEquals(List.of(
                new Restatements.Change(AvFunction.INCOME_STATEMENT, d("2015-06-30"), "totalRevenue", 105, 112,
                        d("2015-06-10"), d("2016-08-10")),
                new Restatements.Change(AvFunction.INCOME_STATEMENT, d("2016-06-30"), "ebit", 109, Double.NaN,
                        d("2015-06-10"), d("2016-08-10")),
                new Restatements.Change(AvFunction.INCOME_STATEMENT, d("2016-06-30"), "ebitda", Double.NaN, 109,
                        d("2015-06-10"), d("2016-08-10"))), changes);
        TableRows rows = spliced.companions().restatements();
        assertEquals(3, rows.rows());
        assertEquals("totalRevenue", rows.strings(CompanionSchemas.METRIC)[0]);
    }

    @Test
    void aRestatementOfAQuarterNotYetReportedShowsOnlyFromItsReportDay() {
        // T2 (2016-08-10) restates quarter 10 (2016-09-30), reported 2016-10-30: between the two the panel still
        // shows quarter 9, from the report day quarter 10 with the restated values
        Map<AvFunction, List<StatementReport>> older = statements(16, (m, i) -> null);
        Map<AvFunction, List<StatementReport>> newer = statements(16, (m, i) -> i == 10 && m.equals("totalRevenue")
                ? Double.valueOf(200.0) : null);
        TickerData data = withIncomeVintages(older, newer, 16);
        TickerPanel p = VintageBuild.build(data, PARAMS).panel();
        TickerPanel b = TickerBuild.build(data.withAnswers(data.earnings(), newer, data.annualStatements()), PARAMS).panel();
        int[] days = p.dates(ArtifactSchema.DATE);
        int cut = DailyPanel.lowerBound(days, Fixtures.day("2016-08-10"));
        int reported = DailyPanel.lowerBound(days, Fixtures.day("2016-10-30"));
        assertEquals(Fixtures.day("2016-06-30"), p.dates(ArtifactSchema.FISCAL_DATE_ENDING)[reported - 1]);
        assertEquals(Fixtures.day("2016-09-30"), p.dates(ArtifactSchema.FISCAL_DATE_ENDING)[reported]);
        assertEquals(p.doubles("totalRevenue_ttm_per_share")[cut], p.doubles("totalRevenue_ttm_per_share")[reported - 1]);
        PanelAssertionsBridge.assertSamePanels(b, p, cut, days.length);
        assertEquals(b.doubles("totalRevenue_ttm_per_share")[reported], p.doubles("totalRevenue_ttm_per_share")[reported]);
    }

    @Test
    void aVintageThatOnlyAddsAQuarterIsANewSetButNoRestatement() {
        Map<AvFunction, List<StatementReport>> older = statements(15, (m, i) -> null);
        Map<AvFunction, List<StatementReport>> newer = statements(16, (m, i) -> null);
        Map<AvFunction, List<Vintage<StatementReport>>> vintages = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            vintages.put(f, List.of(v(T1, older.get(f)), v(T2, newer.get(f))));
        }
        TickerData data = new TickerData("T", BARS, List.of(), earnings(16), newer, null,
                new TickerVintages(List.of(), vintages));
        assertEquals(List.of(), Restatements.of(data.vintages()));
        TickerResult r = VintageBuild.build(data, PARAMS);
        assertNull(r.companions().restatements());
        TableRows q = r.companions().quarters();
        int from = CompanionSchemas.QUARTERLY.indexOf(CompanionSchemas.VALID_FROM);
        assertEquals(16, q.rows(), "the older quarters are the same in both sets: one row each");
        assertEquals(Fixtures.day("2016-08-10"), q.dates(from)[15], "the new quarter is known from its answer's day");
        for (int i = 0; i < 15; i++) {
            assertEquals(TickerPanel.NO_DATE, q.dates(from)[i]);
        }
        // the last quarter (2017-12-31, reported 2018-01-30) is after T2: the panel equals today's build
        PanelAssertionsBridge.assertSamePanels(TickerBuild.build(data.withAnswers(data.earnings(), newer, data.annualStatements()), PARAMS)
                .panel(), r.panel(), 0, r.panel().rows());
    }

    @Test
    void consecutiveSetsWithEqualQuarterlyTablesAreOne() {
        Map<AvFunction, List<StatementReport>> a = statements(16, (m, i) -> null);
        // a value outside the §10 metrics changes: a new answer, the same quarterly table
        Map<AvFunction, List<StatementReport>> b = new EnumMap<>(a);
        List<StatementReport> income = new ArrayList<>();
        for (StatementReport r : a.get(AvFunction.INCOME_STATEMENT)) {
            Map<String, Double> m = new LinkedHashMap<>(r.metrics());
            m.put("notAMetric", 1.0);
            income.add(new StatementReport(r.fiscalDateEnding(), r.reportedCurrency(), m));
        }
        b.put(AvFunction.INCOME_STATEMENT, income);
        TickerData data = withIncomeVintages(a, b, 16);
        List<Vintages.AnswerSet> sets = Vintages.sets(data);
        List<QuarterHistory> histories = sets.stream().map(s -> TickerBuild.fundamentals(s.data(), PARAMS)).toList();
        List<Vintages.AnswerSet> merged = Vintages.merge(sets, histories);
        assertEquals(1, merged.size());
        assertNull(merged.get(0).from());
        assertNull(merged.get(0).to());
        assertEquals(16, Restatements.of(data.vintages()).size(), "the values as served did change");
        TableRows q = VintageBuild.build(data, PARAMS).companions().quarters();
        assertEquals(16, q.rows());
    }

    private static String date(int day) {
        return day == TickerPanel.NO_DATE ? "-" : LocalDate.ofEpochDay(day).toString();
    }

    /** Row-range equality of two panels on every column. */
    static final class PanelAssertionsBridge {
        static void assertSamePanels(TickerPanel expected, TickerPanel actual, int from, int to) {
            assertEquals(expected.rows(), actual.rows());
            var columns = ArtifactSchema.COLUMNS;
            for (int c = 0; c < columns.size(); c++) {
                for (int r = from; r < to; r++) {
                    boolean same = switch (columns.get(c).type()) {
                        case DATE -> expected.dates(c)[r] == actual.dates(c)[r];
                        case DOUBLE -> Double.doubleToLongBits(expected.doubles(c)[r])
                                == Double.doubleToLongBits(actual.doubles(c)[r]);
                        case BOOLEAN -> expected.booleans(c)[r] == actual.booleans(c)[r];
                        default -> true;
                    };
                    assertTrue(same, columns.get(c).name() + " row " + r);
                }
            }
        }
    }
}
