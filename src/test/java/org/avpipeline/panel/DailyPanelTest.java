package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.bar;
import static org.avpipeline.panel.Fixtures.d;
import static org.avpipeline.panel.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class DailyPanelTest {
    private static final int NO = TickerPanel.NO_DATE;
    private static final String SHARES = Metrics.SHARES;

    private static DailyPanel.Result build(List<DailyBar> bars, Quarters q, String start) {
        return DailyPanel.build("T", bars, q.history(), List.of(), d(start));
    }

    private static double carried(DailyPanel.Result r, String metric, int row) {
        return r.carried().valueAt(Metrics.ALL.indexOf(metric), row);
    }

    @Test
    void aQuarterReportedOnAWeekendIsAvailableOnTheNextPriceDay() {
        List<DailyBar> bars = List.of(bar("2024-02-02", 10), bar("2024-02-05", 11), bar("2024-02-06", 12));
        Quarters q = new Quarters().add("2023-12-31", "2024-02-03", SHARES, 5, "totalAssets", 50);

        DailyPanel.Result r = build(bars, q, "2023-01-01");

        TickerPanel p = r.panel();
        assertArrayEquals(new int[] {day("2024-02-02"), day("2024-02-05"), day("2024-02-06")}, p.dates("date"));
        assertArrayEquals(new int[] {NO, day("2023-12-31"), day("2023-12-31")}, p.dates("fiscalDateEnding"));
        assertArrayEquals(new int[] {NO, day("2024-02-03"), day("2024-02-03")}, p.dates("reportedDate"));
        assertArrayEquals(new int[] {NO, day("2023-12-31"), day("2023-12-31")}, p.dates("calendar_quarter_ending"));
        assertArrayEquals(new double[] {NA, 5, 5}, p.doubles(SHARES));
        assertEquals(NA, carried(r, "totalAssets", 0));
        assertEquals(50.0, carried(r, "totalAssets", 1));
        assertEquals(50.0, carried(r, "totalAssets", 2));
        // market cap from the same report: close * shares / 1e6
        assertArrayEquals(new double[] {NA, 11 * 5 / 1e6, 12 * 5 / 1e6}, p.doubles("market_cap"));
    }

    @Test
    void aQuarterReportedBeforeTheOpenOfAPriceDayIsAvailableThatDay() {
        List<DailyBar> bars = List.of(bar("2024-02-02", 10), bar("2024-02-05", 11));
        Quarters q = Quarters.preMarket().add("2023-12-31", "2024-02-02", SHARES, 5);
        TickerPanel p = build(bars, q, "2023-01-01").panel();
        assertArrayEquals(new double[] {5, 5}, p.doubles(SHARES));
        assertArrayEquals(new double[] {10 * 5 / 1e6, 11 * 5 / 1e6}, p.doubles("market_cap"));
    }

    @Test
    void aQuarterReportedAfterTheCloseOrWithoutReportTimeIsAvailableOnTheNextPriceDay() {
        // Friday 2024-02-02: the close was set before the report; Monday's prices are the first to know it
        List<DailyBar> bars = List.of(bar("2024-02-02", 10), bar("2024-02-05", 11));
        for (String time : new String[] {"post-market", null, "during-market"}) {
            Quarters q = new Quarters().add("2023-12-31", "2024-02-02", SHARES, 5, "totalAssets", 50).at(time);
            DailyPanel.Result r = build(bars, q, "2023-01-01");
            TickerPanel p = r.panel();
            assertArrayEquals(new double[] {NA, 5}, p.doubles(SHARES), time);
            assertArrayEquals(new int[] {NO, day("2023-12-31")}, p.dates("fiscalDateEnding"), time);
            assertArrayEquals(new int[] {NO, day("2024-02-02")}, p.dates("reportedDate"), time);
            assertEquals(NA, carried(r, "totalAssets", 0), time);
            assertEquals(50.0, carried(r, "totalAssets", 1), time);
            // the share count behind market cap switches on the same day as the other fundamentals (§7)
            assertArrayEquals(new double[] {NA, 11 * 5 / 1e6}, p.doubles("market_cap"), time);
        }
    }

    @Test
    void twoQuartersAvailableOnTheSameDayThroughDifferentRulesApplyInFiscalOrder() {
        // an older quarter filed Monday after the close, the next one Tuesday before the open: both on Tuesday
        List<DailyBar> bars = List.of(bar("2024-05-06", 1), bar("2024-05-07", 2), bar("2024-05-08", 3));
        Quarters q = new Quarters()
                .add("2023-12-31", "2024-05-06", SHARES, 5, "totalAssets", 50, "goodwill", 7).at("post-market")
                .add("2024-03-31", "2024-05-07", SHARES, 6, "totalAssets", 60).at("pre-market");
        DailyPanel.Result r = build(bars, q, "2024-01-01");
        TickerPanel p = r.panel();
        assertArrayEquals(new int[] {NO, day("2024-03-31"), day("2024-03-31")}, p.dates("fiscalDateEnding"));
        assertArrayEquals(new double[] {NA, 6, 6}, p.doubles(SHARES));
        assertArrayEquals(new double[] {NA, 2 * 6 / 1e6, 3 * 6 / 1e6}, p.doubles("market_cap"));
        assertEquals(60.0, carried(r, "totalAssets", 1));
        assertEquals(7.0, carried(r, "goodwill", 1), "the earlier quarter's value where the later one lacks it");
        assertArrayEquals(new int[] {0, 1}, r.carried().starts());
    }

    @Test
    void aPostMarketReportOnTheLastPriceDayIsNotInThePanelYet() {
        List<DailyBar> bars = List.of(bar("2024-05-01", 1), bar("2024-05-02", 1));
        Quarters q = new Quarters().add("2024-03-31", "2024-05-02", SHARES, 6).at("post-market");
        DailyPanel.Result r = build(bars, q, "2024-01-01");
        assertArrayEquals(new double[] {NA, NA}, r.panel().doubles(SHARES));
        assertArrayEquals(new double[] {NA, NA}, r.panel().doubles("market_cap"));
        assertEquals(1, r.carried().segments());
    }

    @Test
    void quartersBecomingAvailableOnTheSameDayApplyInFiscalOrder() {
        List<DailyBar> bars = List.of(bar("2024-05-01", 1), bar("2024-05-02", 1));
        Quarters q = new Quarters()
                .add("2023-12-31", "2024-04-27", SHARES, 5, "totalAssets", 50, "goodwill", 7)
                .add("2024-03-31", "2024-04-28", SHARES, 6, "totalAssets", 60); // no goodwill

        DailyPanel.Result r = build(bars, q, "2024-01-01");

        assertArrayEquals(new int[] {day("2024-03-31"), day("2024-03-31")}, r.panel().dates("fiscalDateEnding"));
        assertArrayEquals(new int[] {day("2024-04-28"), day("2024-04-28")}, r.panel().dates("reportedDate"));
        assertArrayEquals(new double[] {6, 6}, r.panel().doubles(SHARES));
        assertEquals(60.0, carried(r, "totalAssets", 0));
        // the later quarter lacks goodwill: the earlier quarter's value shows, as carry-forward would give
        assertEquals(7.0, carried(r, "goodwill", 0));
    }

    @Test
    void aQuarterWithoutReportedDateNeverBecomesAvailable() {
        List<DailyBar> bars = List.of(bar("2024-05-01", 1), bar("2024-08-01", 1));
        Quarters q = new Quarters()
                .add("2023-12-31", "2024-02-01", SHARES, 5)
                .add("2024-03-31", null, SHARES, 6);
        DailyPanel.Result r = build(bars, q, "2024-01-01");
        assertArrayEquals(new double[] {5, 5}, r.panel().doubles(SHARES));
        assertArrayEquals(new int[] {day("2023-12-31"), day("2023-12-31")}, r.panel().dates("fiscalDateEnding"));
    }

    @Test
    void aQuarterReportedAfterTheLastPriceDayIsNotInThePanel() {
        List<DailyBar> bars = List.of(bar("2024-05-01", 1));
        Quarters q = new Quarters().add("2024-03-31", "2024-05-02", SHARES, 6);
        DailyPanel.Result r = build(bars, q, "2024-01-01");
        assertArrayEquals(new double[] {NA}, r.panel().doubles(SHARES));
        assertEquals(1, r.carried().segments());
    }

    @Test
    void valuesAreCarriedForwardColumnByColumn() {
        List<DailyBar> bars = List.of(bar("2024-02-01", 1), bar("2024-05-01", 1), bar("2024-05-02", 1),
                new DailyBar(d("2024-05-03"), NA, 2, 2, NA, NA, NA, 0, 1));
        Quarters q = Quarters.preMarket()
                .add("2023-12-31", "2024-02-01", SHARES, 5, "totalAssets", 50, "goodwill", 7)
                .add("2024-03-31", "2024-05-02", SHARES, 6, "totalAssets", 60);
        DailyPanel.Result r = build(bars, q, "2023-01-01");
        assertArrayEquals(new double[] {5, 5, 6, 6}, r.panel().doubles(SHARES));
        assertEquals(7.0, carried(r, "goodwill", 3), "a metric the latest quarter lacks shows the previous value");
        assertArrayEquals(new double[] {1, 1, 1, 1}, r.panel().doubles("open"), "a missing open is carried");
        assertArrayEquals(new double[] {1, 1, 1, 2}, r.panel().doubles("high"));
        assertArrayEquals(new double[] {1000, 1000, 1000, 1000}, r.panel().doubles("volume"));
        // the close is missing on the last day: no market cap is computed, the previous one is carried
        assertArrayEquals(new double[] {5e-6, 5e-6, 6e-6, 6e-6}, r.panel().doubles("market_cap"));
    }

    @Test
    void rowsBeforeStartDateAreCutAfterCarryingForward() {
        List<DailyBar> bars = List.of(bar("2004-12-30", 7),
                new DailyBar(d("2004-12-31"), 8, 8, 8, 8, 8, 100, 0.5, 1),
                new DailyBar(d("2005-01-03"), NA, 9, 9, 9, 9, 200, 0, 1),
                bar("2005-01-04", 10));
        Quarters q = Quarters.preMarket()
                .add("2004-09-30", "2004-11-01", SHARES, 5, "totalAssets", 50)
                .add("2004-12-31", "2005-01-04", SHARES, 6, "totalAssets", 60);

        DailyPanel.Result r = build(bars, q, "2005-01-01");

        TickerPanel p = r.panel();
        assertEquals(2, p.rows());
        assertArrayEquals(new int[] {day("2005-01-03"), day("2005-01-04")}, p.dates("date"));
        assertArrayEquals(new double[] {8, 10}, p.doubles("open"), "the open of 2004-12-31 is carried into 2005");
        assertArrayEquals(new double[] {5, 6}, p.doubles(SHARES), "the quarter reported in 2004 is carried");
        assertArrayEquals(new int[] {day("2004-09-30"), day("2004-12-31")}, p.dates("fiscalDateEnding"));
        assertEquals(50.0, carried(r, "totalAssets", 0));
        // market cap only from share reports with fiscalDateEnding >= START_DATE: neither quarter qualifies
        assertArrayEquals(new double[] {NA, NA}, p.doubles("market_cap"));
    }

    @Test
    void noRowOnOrAfterStartDateGivesNoPanel() {
        assertNull(build(List.of(bar("2004-12-30", 7)), new Quarters(), "2005-01-01"));
        assertNull(build(List.of(), new Quarters(), "2005-01-01"));
    }

    @Test
    void aTickerWithoutStatementsStillHasItsPriceRows() {
        List<DailyBar> bars = List.of(bar("2024-05-01", 3), bar("2024-05-02", 4));
        DailyPanel.Result r = DailyPanel.build("T", bars, QuarterHistory.EMPTY,
                List.of(new Split(d("2024-05-02"), 2)), d("2024-01-01"));
        TickerPanel p = r.panel();
        assertEquals(2, p.rows());
        assertArrayEquals(new double[] {3, 4}, p.doubles("adjusted_close"));
        assertArrayEquals(new int[] {NO, NO}, p.dates("fiscalDateEnding"));
        assertArrayEquals(new double[] {NA, NA}, p.doubles(SHARES));
        assertArrayEquals(new double[] {NA, NA}, p.doubles("market_cap"));
        assertArrayEquals(new double[] {NA, NA}, p.doubles("post_filing_split_multiplier"));
    }

    @Test
    void segmentsStartWhereQuartersBecomeAvailable() {
        List<DailyBar> bars = List.of(bar("2024-02-01", 1), bar("2024-02-02", 1), bar("2024-05-01", 1),
                bar("2024-05-02", 1), bar("2024-08-01", 1));
        Quarters q = Quarters.preMarket()
                .add("2023-12-31", "2024-02-02", SHARES, 5)
                .add("2024-03-31", "2024-05-02", SHARES, 6);
        CarriedQuarters c = build(bars, q, "2024-01-01").carried();
        assertArrayEquals(new int[] {0, 1, 3}, c.starts());
        assertArrayEquals(new double[] {NA, 5, 6}, c.metric(SHARES));
    }
}
