package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.d;
import static org.avpipeline.panel.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A small universe whose numbers can be checked by hand (START_DATE 2019-01-01):
 *
 * <ul>
 *   <li>AAA: 12 quarters 2019-03-31 .. 2021-12-31 reported 31 days after the quarter end (several on weekends),
 *       revenue 100, 110, 120, ...; 1000 shares as reported until the 2:1 split of 2021-03-15, 2000 from the
 *       2021-03-31 quarter (the build detects the as-reported jump, §3.4, and shows 2000 throughout: the current
 *       basis); close 50, then 25.
 *   <li>BBB: 13 quarters 2017-03-31 .. 2020-06-30 without 2018-06-30 (a gap), reported 40 days later; the 2019-09-30
 *       quarter arrives as 2019-09-28 / 2019-10-01 / 2019-09-30 in the three statements; a spike of inventory in
 *       2018-12-31.
 *   <li>CCC: prices only. DDD: prices before START_DATE only.
 * </ul>
 */
class GoldenBuildTest {
    /** The golden build is the reference's: anomaly cleaning, min_obs, missing quarters as 0 in a TTM. */
    private static final BuildParameters PARAMS = BuildParameters.of(d("2019-01-01"), CleaningMode.REFERENCE);
    private static final Map<String, TickerResult> RESULTS = new LinkedHashMap<>();
    private static BuildSummary summary;

    @BeforeAll
    static void build() throws Exception {
        Map<String, TickerData> data = Map.of("AAA", aaa(), "BBB", bbb(),
                "CCC", new TickerData("CCC", Fixtures.weekdays("2019-01-01", "2019-01-31", x -> 7.0), null, null,
                        null),
                "DDD", new TickerData("DDD", Fixtures.weekdays("2018-01-01", "2018-12-31", x -> 7.0), null, null,
                        null));
        summary = new UniverseBuild(PARAMS, 2).run(List.of("DDD", "CCC", "BBB", "AAA"), data::get,
                r -> RESULTS.put(r.ticker(), r));
    }

    private static Map<String, Double> metrics(Object... namesAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return m;
    }

    private static TickerData aaa() {
        List<LocalDate> fiscal = Fixtures.quarterEnds("2019-03-31", 12);
        Map<AvFunction, List<StatementReport>> st = new EnumMap<>(AvFunction.class);
        List<StatementReport> is = new ArrayList<>();
        List<StatementReport> bs = new ArrayList<>();
        List<StatementReport> cf = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            LocalDate f = fiscal.get(i);
            is.add(Fixtures.report(f, metrics("totalRevenue", 100 + 10 * i, "ebit", 30,
                    "depreciationAndAmortization", 8)));
            bs.add(Fixtures.report(f, metrics("totalAssets", 5000, Metrics.SHARES, i < 8 ? 1000 : 2000,
                    "shortLongTermDebtTotal", 4000, "cashAndShortTermInvestments", 1000)));
            cf.add(Fixtures.report(f, metrics("operatingCashflow", 20, "capitalExpenditures", 5, "netIncome.cf", 3)));
        }
        for (List<StatementReport> l : List.of(is, bs, cf)) {
            Collections.reverse(l);
        }
        st.put(AvFunction.INCOME_STATEMENT, is);
        st.put(AvFunction.BALANCE_SHEET, bs);
        st.put(AvFunction.CASH_FLOW, cf);
        List<DailyBar> bars = Fixtures.weekdays("2018-06-01", "2021-12-31",
                x -> x.isBefore(d("2021-03-15")) ? 50.0 : 25.0);
        return new TickerData("AAA", bars, List.of(new Split(d("2021-03-15"), 2)), Fixtures.earnings(fiscal, 31),
                st);
    }

    private static TickerData bbb() {
        List<LocalDate> fiscal = new ArrayList<>(Fixtures.quarterEnds("2017-03-31", 14));
        fiscal.remove(d("2018-06-30"));
        double[] noise = {10, 11, 10, 12, 11, 10, 11, 12, 10, 11};
        Map<AvFunction, List<StatementReport>> st = new EnumMap<>(AvFunction.class);
        List<StatementReport> is = new ArrayList<>();
        List<StatementReport> bs = new ArrayList<>();
        List<StatementReport> cf = new ArrayList<>();
        List<EarningsReport> earnings = new ArrayList<>();
        for (int i = 0; i < fiscal.size(); i++) {
            LocalDate f = fiscal.get(i);
            boolean odd = f.equals(d("2019-09-30"));
            is.add(Fixtures.report(odd ? d("2019-09-28") : f, metrics("totalRevenue", 10)));
            bs.add(Fixtures.report(odd ? d("2019-10-01") : f, metrics("totalAssets", 1000, Metrics.SHARES, 100,
                    "inventory", i == 6 ? 1000 : noise[i % noise.length])));
            cf.add(Fixtures.report(f, metrics("operatingCashflow", 5)));
            earnings.add(new EarningsReport(odd ? d("2019-09-28") : f, f.plusDays(40), null));
        }
        for (List<?> l : List.of(is, bs, cf, earnings)) {
            Collections.reverse(l);
        }
        st.put(AvFunction.INCOME_STATEMENT, is);
        st.put(AvFunction.BALANCE_SHEET, bs);
        st.put(AvFunction.CASH_FLOW, cf);
        return new TickerData("BBB", Fixtures.weekdays("2018-06-01", "2020-12-31", x -> 20.0), List.of(), earnings,
                st);
    }

    private static TickerPanel panel(String ticker) {
        return RESULTS.get(ticker).panel();
    }

    private static int row(TickerPanel p, String date) {
        int r = Arrays.binarySearch(p.dates("date"), day(date));
        assertTrue(r >= 0, "no row " + date);
        return r;
    }

    private static double value(String ticker, String column, String date) {
        TickerPanel p = panel(ticker);
        return p.doubles(column)[row(p, date)];
    }

    private static int date(String ticker, String column, String date) {
        TickerPanel p = panel(ticker);
        return p.dates(column)[row(p, date)];
    }

    @Test
    void sinkReceivedTheTickersInOrderAndTheSummaryCountsThem() {
        assertEquals(List.of("AAA", "BBB", "CCC", "DDD"), new ArrayList<>(RESULTS.keySet()));
        assertEquals(4, summary.tickersInUniverse());
        assertEquals(4, summary.withPrices());
        assertEquals(2, summary.withUsableStatements());
        assertEquals(3, summary.inArtifact());
        assertEquals(panel("AAA").rows() + panel("BBB").rows() + panel("CCC").rows(), summary.rows());
        assertTrue(summary.failed().isEmpty());
        assertEquals(List.of(new AnomalyRepair(AvFunction.BALANCE_SHEET, "inventory", 1, 1)),
                summary.repairTotals());
    }

    @Test
    void aaaBeforeItsFirstReport() {
        assertEquals(day("2019-01-01"), panel("AAA").dates("date")[0]);
        assertEquals(TickerPanel.NO_DATE, date("AAA", "fiscalDateEnding", "2019-04-30"));
        assertEquals(NA, value("AAA", "totalRevenue_per_share", "2019-04-30"));
        assertEquals(NA, value("AAA", "market_cap", "2019-04-30"));
        // §9 [fix]: no shares, so no per-share value (the reference gave the bare price and 0)
        assertEquals(NA, value("AAA", "enterprise_value_per_share", "2019-04-30"));
        assertEquals(NA, value("AAA", "invested_capital_per_share", "2019-04-30"));
        assertFalse(panel("AAA").booleans("has_complete_financial_data")[row(panel("AAA"), "2019-04-30")]);
    }

    @Test
    void aaaFirstQuarter() {
        // reported Wednesday 2019-05-01 after the close (post-market): news for Thursday's prices (§8.2)
        assertEquals(TickerPanel.NO_DATE, date("AAA", "fiscalDateEnding", "2019-05-01"));
        assertEquals(NA, value("AAA", "market_cap", "2019-05-01"));
        assertEquals(day("2019-03-31"), date("AAA", "fiscalDateEnding", "2019-05-02"));
        assertEquals(day("2019-05-01"), date("AAA", "reportedDate", "2019-05-02"));
        assertEquals(day("2019-03-31"), date("AAA", "calendar_quarter_ending", "2019-05-02"));
        // on the current basis (2000 shares); the day's own basis is half of it until the split
        assertEquals(100.0 / 2000, value("AAA", "totalRevenue_per_share", "2019-05-02"));
        assertEquals(NA, value("AAA", "totalRevenue_ttm_per_share", "2019-05-02"));
        assertEquals(0.5, value("AAA", "post_filing_split_multiplier", "2019-05-02"));
        assertEquals(1000.0, value("AAA", "effective_shares_outstanding", "2019-05-02"));
        assertEquals(50 * 1000.0 / 1e6, value("AAA", "market_cap", "2019-05-02"));
        // the close on the current basis: half of 50 before the 2:1 split
        assertEquals(25.0, value("AAA", "split_adjusted_close", "2019-05-01"));
    }

    @Test
    void aaaFourthQuarterCompletesTheTtm() {
        // reported Friday 2020-01-31 post-market: available Monday
        assertEquals(day("2019-09-30"), date("AAA", "fiscalDateEnding", "2020-01-31"));
        assertEquals(day("2019-12-31"), date("AAA", "fiscalDateEnding", "2020-02-03"));
        assertEquals(460.0 / 2000, value("AAA", "totalRevenue_ttm_per_share", "2020-02-03"));
        assertEquals(80.0 / 2000 - 20.0 / 2000, value("AAA", "fcf_ttm_per_share", "2020-02-03"));
        assertEquals(12.0 / 2000, value("AAA", "netIncome.cf_ttm_per_share", "2020-02-03"));
        assertTrue(panel("AAA").booleans("has_complete_financial_data")[row(panel("AAA"), "2020-02-03")]);
    }

    @Test
    void aaaReportsOnWeekendsBecomeAvailableTheNextMonday() {
        // 2020-12-31 reported Sunday 2021-01-31
        assertEquals(day("2020-09-30"), date("AAA", "fiscalDateEnding", "2021-01-29"));
        assertEquals(day("2020-12-31"), date("AAA", "fiscalDateEnding", "2021-02-01"));
        assertEquals(day("2021-01-31"), date("AAA", "reportedDate", "2021-02-01"));
        // 2021-12-31 would be reported 2022-01-31, after the last price day
        assertEquals(day("2021-09-30"), date("AAA", "fiscalDateEnding", "2021-12-31"));
        assertEquals(200.0 / 2000, value("AAA", "totalRevenue_per_share", "2021-12-31"));
    }

    @Test
    void aaaMarketCapIsContinuousAcrossTheSplitAndPerShareValuesHaveOneBasis() {
        ShareBasis.SplitBasis split = RESULTS.get("AAA").facts().splitBases().get(0);
        assertEquals(ShareBasis.Basis.AS_REPORTED, split.basis());
        assertEquals(2.0, split.ratio());
        assertEquals(ShareBasis.TickerBasis.AS_REPORTED, RESULTS.get("AAA").facts().shareBasis());
        assertEquals(ShareBasis.TickerBasis.NO_SPLITS, RESULTS.get("BBB").facts().shareBasis());
        assertEquals(0.5, value("AAA", "post_filing_split_multiplier", "2021-03-12"));
        assertEquals(1000.0, value("AAA", "effective_shares_outstanding", "2021-03-12"));
        assertEquals(50 * 1000.0 / 1e6, value("AAA", "market_cap", "2021-03-12"));
        assertEquals(25.0, value("AAA", "split_adjusted_close", "2021-03-12"));
        assertEquals(25.0, value("AAA", "split_adjusted_close", "2021-03-15"));
        assertEquals(1.0, value("AAA", "post_filing_split_multiplier", "2021-03-15"));
        assertEquals(2000.0, value("AAA", "effective_shares_outstanding", "2021-03-15"));
        assertEquals(25 * 2000.0 / 1e6, value("AAA", "market_cap", "2021-03-15"));
        // the pre-split filing's count is on the current basis, like adjusted_close
        assertEquals(2000.0, value("AAA", "commonStockSharesOutstanding", "2021-04-30"));
        assertEquals(170.0 / 2000, value("AAA", "totalRevenue_per_share", "2021-04-30"));
        assertEquals(1.0, value("AAA", "post_filing_split_multiplier", "2021-04-30"));
        // 2021-03-31 reported Saturday 2021-05-01, with the post-split share count
        assertEquals(1.0, value("AAA", "post_filing_split_multiplier", "2021-05-03"));
        assertEquals(2000.0, value("AAA", "commonStockSharesOutstanding", "2021-05-03"));
        assertEquals(1.0, value("AAA", "commonStockSharesOutstanding_per_share", "2021-05-03"));
        assertEquals(25 * 2000.0 / 1e6, value("AAA", "market_cap", "2021-05-03"));
        assertEquals(180.0 / 2000, value("AAA", "totalRevenue_per_share", "2021-05-03"));
        assertEquals(660.0 / 2000, value("AAA", "totalRevenue_ttm_per_share", "2021-05-03"));
    }

    @Test
    void aaaDerivedColumns() {
        // 2021-05-03: 2000 shares, debt 4000, cash 1000, ebit TTM 120, D&A TTM 32, depreciation never reported
        assertEquals(25 + 4000.0 / 2000 + 0 - 1000.0 / 2000 - 0,
                value("AAA", "enterprise_value_per_share", "2021-05-03"));
        assertEquals(4000.0 / 2000 + 0 + 0, value("AAA", "invested_capital_per_share", "2021-05-03"));
        assertEquals((120.0 / 2000 + Math.max(32.0 / 2000 - 0.0 / 2000, 0)) * (1 - 0.2375),
                value("AAA", "nopat_ttm_per_share", "2021-05-03"));
    }

    @Test
    void bbbKeepsOnlyTheLongestContinuousRun() {
        TickerFacts facts = RESULTS.get("BBB").facts();
        assertEquals(8, facts.continuousQuarters(), "2018-09-30 .. 2020-06-30, with the normalized 2019-09-30");
        assertEquals(d("2018-09-30"), facts.firstQuarter());
        assertEquals(d("2020-06-30"), facts.lastQuarter());
        // 2019-01-02 shows the run's first quarter; the quarters before the gap never appear
        assertEquals(day("2018-09-30"), date("BBB", "fiscalDateEnding", "2019-01-02"));
        assertEquals(10.0 / 100, value("BBB", "totalRevenue_per_share", "2019-01-02"));
        // 2019-06-30 reported Friday 2019-08-09 post-market: available Monday
        assertEquals(NA, value("BBB", "totalRevenue_ttm_per_share", "2019-08-09"));
        assertEquals(40.0 / 100, value("BBB", "totalRevenue_ttm_per_share", "2019-08-12"));
        // the normalized quarter: reported Saturday 2019-11-09, available Monday
        assertEquals(day("2019-06-30"), date("BBB", "fiscalDateEnding", "2019-11-08"));
        assertEquals(day("2019-09-30"), date("BBB", "fiscalDateEnding", "2019-11-11"));
    }

    @Test
    void bbbSpikeIsInterpolatedAndMarketCapWaitsForAReportFromStartDate() {
        // inventory 1000 in 2018-12-31 (reported Saturday 2019-02-09) is replaced by (10 + 12) / 2
        assertEquals(10.0 / 100, value("BBB", "inventory_per_share", "2019-02-08"));
        assertEquals(11.0 / 100, value("BBB", "inventory_per_share", "2019-02-11"));
        // share reports need fiscalDateEnding >= 2019-01-01: the first is 2019-03-31, reported Friday 2019-05-10
        // post-market, so its count switches on Monday with its other values (§7)
        assertEquals(NA, value("BBB", "market_cap", "2019-05-10"));
        assertEquals(20 * 100.0 / 1e6, value("BBB", "market_cap", "2019-05-13"));
        assertEquals(day("2019-03-31"), date("BBB", "fiscalDateEnding", "2019-05-13"));
    }

    @Test
    void tickersWithoutStatementsOrRecentPrices() {
        TickerResult ccc = RESULTS.get("CCC");
        assertEquals(23, ccc.panel().rows());
        assertTrue(Arrays.stream(ccc.panel().doubles("totalAssets_per_share")).allMatch(Double::isNaN));
        assertEquals(7.0, ccc.panel().doubles("adjusted_close")[0]);
        assertEquals(List.of(DropReason.NOT_IN_ALL_STATEMENTS), ccc.facts().dropouts().stream()
                .map(Dropout::reason).distinct().toList());
        assertEquals(4, ccc.facts().dropouts().size());

        TickerResult ddd = RESULTS.get("DDD");
        assertNull(ddd.panel());
        assertFalse(ddd.facts().inArtifact());
        assertTrue(ddd.facts().dropouts().stream().anyMatch(x -> x.reason() == DropReason.NO_PRICES));
    }
}
