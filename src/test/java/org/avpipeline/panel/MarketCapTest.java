package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.d;
import static org.avpipeline.panel.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class MarketCapTest {
    private static final String SHARES = Metrics.SHARES;

    /** The three columns for the given days, closes, quarters and splits, with START_DATE 2000-01-01. */
    private static double[][] run(String[] days, double[] close, Quarters quarters, List<Split> splits) {
        int[] d = Arrays.stream(days).mapToInt(Fixtures::day).toArray();
        double[][] out = new double[3][d.length];
        for (double[] c : out) {
            Arrays.fill(c, NA);
        }
        MarketCap.fill(d, close, MarketCap.shareReports(quarters.rows(), day("2000-01-01"), d),
                MarketCap.validSplits(splits, d[d.length - 1]), out[0], out[1], out[2]);
        return out;
    }

    @Test
    void aReportOnAWeekendCountsFromTheNextPriceDay() {
        // reported Saturday 2024-02-03; price days Friday and Monday
        Quarters q = new Quarters().add("2023-12-31", "2024-02-03", SHARES, 1_000_000);
        double[][] out = run(new String[] {"2024-02-02", "2024-02-05"}, new double[] {10, 20}, q, List.of());
        assertArrayEquals(new double[] {NA, 1}, out[0]);
        assertArrayEquals(new double[] {NA, 1_000_000}, out[1]);
        assertArrayEquals(new double[] {NA, 20}, out[2]);
    }

    @Test
    void aReportBeforeTheFirstPriceDayCountsFromTheFirstDay() {
        Quarters q = new Quarters().add("2023-12-31", "2024-01-20", SHARES, 2e6);
        double[][] out = run(new String[] {"2024-03-01"}, new double[] {5}, q, List.of());
        assertArrayEquals(new double[] {10}, out[2]);
    }

    @Test
    void theLatestReportWinsTiesGoToTheLaterFiscalQuarter() {
        Quarters q = Quarters.preMarket()
                .add("2023-06-30", "2023-08-01", SHARES, 100e6)
                .add("2023-09-30", "2023-11-01", SHARES, 300e6) // same day as the next, earlier quarter
                .add("2023-03-31", "2023-11-01", SHARES, 200e6); // late filing of an older quarter: same day
        double[][] out = run(new String[] {"2023-09-01", "2023-11-01"}, new double[] {1, 1}, q, List.of());
        assertArrayEquals(new double[] {100e6, 300e6}, out[1]);
    }

    @Test
    void beforeASplitTheCurrentBasisCountIsDividedByItsFactorSoMarketCapIsContinuous() {
        // counts on the current basis (§3.4): 40e6 after the 4:1 split of 2024-03-15
        Quarters q = Quarters.preMarket()
                .add("2023-12-31", "2024-02-01", SHARES, 40e6)
                .add("2024-03-31", "2024-05-01", SHARES, 40e6);
        List<Split> splits = List.of(new Split(d("2024-03-15"), 4));
        String[] days = {"2024-02-01", "2024-03-14", "2024-03-15", "2024-04-30", "2024-05-01"};
        double[] close = {100, 100, 25, 25, 25};
        double[][] out = run(days, close, q, splits);
        assertArrayEquals(new double[] {0.25, 0.25, 1, 1, 1}, out[0]);
        assertArrayEquals(new double[] {10e6, 10e6, 40e6, 40e6, 40e6}, out[1]);
        assertArrayEquals(new double[] {1000, 1000, 1000, 1000, 1000}, out[2]);
    }

    @Test
    void theMultiplierDependsOnTheDayNotOnTheReport() {
        // one report before both splits: each day takes only the splits still to come
        Quarters q = new Quarters().add("2023-12-31", "2024-02-01", SHARES, 6e6);
        List<Split> splits = List.of(new Split(d("2024-04-01"), 3), new Split(d("2024-03-01"), 2));
        double[][] out = run(new String[] {"2024-02-29", "2024-03-01", "2024-04-01"}, new double[] {60, 30, 10}, q,
                splits);
        assertArrayEquals(new double[] {1.0 / 6, 1.0 / 3, 1}, out[0]);
        assertArrayEquals(new double[] {1e6, 2e6, 6e6}, out[1], 1e-6);
        assertArrayEquals(new double[] {60, 60, 60}, out[2], 1e-9);
    }

    @Test
    void aReverseSplitRaisesTheMultiplierBeforeIt() {
        Quarters q = new Quarters().add("2023-12-31", "2024-02-01", SHARES, 1e6);
        List<Split> splits = List.of(new Split(d("2024-03-01"), 0.1));
        double[][] out = run(new String[] {"2024-02-29", "2024-03-01"}, new double[] {1, 10}, q, splits);
        assertEquals(10, out[0][0], 1e-9);
        assertArrayEquals(new double[] {10, 10}, out[2], 1e-9);
    }

    @Test
    void missingZeroNegativeAndUnitFactorsAndSplitsAfterTheLastPriceDayAreIgnored() {
        Quarters q = new Quarters().add("2023-12-31", "2024-02-01", SHARES, 1e6);
        List<Split> splits = List.of(new Split(d("2024-03-01"), NA), new Split(d("2024-03-02"), 0),
                new Split(d("2024-03-03"), -2), new Split(d("2024-03-04"), 1), new Split(d("2024-03-06"), 0.5),
                new Split(d("2024-04-01"), 2)); // announced, after the last price day
        double[][] out = run(new String[] {"2024-03-05", "2024-03-06"}, new double[] {1, 1}, q, splits);
        assertArrayEquals(new double[] {2, 1}, out[0]);
        assertEquals(List.of(new MarketCap.ValidSplit(day("2024-03-06"), 0.5)),
                MarketCap.validSplits(splits, day("2024-03-06")));
    }

    @Test
    void noReportMeansMissingMultiplierSharesAndMarketCap() {
        double[][] out = run(new String[] {"2024-03-05"}, new double[] {1}, new Quarters(),
                List.of(new Split(d("2024-03-01"), 2)));
        assertArrayEquals(new double[] {NA}, out[0]);
        assertArrayEquals(new double[] {NA}, out[1]);
        assertArrayEquals(new double[] {NA}, out[2]);
    }

    @Test
    void onlyReportsFromStartDateWithAReportedDatePositiveSharesAndAnAvailabilityDay() {
        QuarterlyRows rows = Quarters.preMarket()
                .add("2004-12-31", "2005-02-01", SHARES, 1) // before START_DATE
                .add("2005-03-31", null, SHARES, 2) // no reportedDate
                .add("2005-06-30", "2005-08-01", SHARES, 0)
                .add("2005-09-30", "2005-11-01", SHARES, -5)
                .add("2005-12-31", "2006-02-01") // shares missing
                .add("2006-03-31", "2006-05-01", SHARES, 6)
                .add("2006-06-30", "2006-08-01", SHARES, 7) // pre-market on the last price day: available on it
                .add("2006-09-30", "2006-08-01", SHARES, 8).at("post-market") // the day after: no price day yet
                .rows();
        int[] priceDays = {day("2005-02-01"), day("2005-08-01"), day("2005-11-01"), day("2006-02-01"),
                day("2006-05-01"), day("2006-08-01")};
        List<MarketCap.ShareReport> reports = MarketCap.shareReports(rows, day("2005-01-01"), priceDays);
        assertEquals(List.of(new MarketCap.ShareReport(day("2006-05-01"), day("2006-03-31"), 6),
                new MarketCap.ShareReport(day("2006-08-01"), day("2006-06-30"), 7)), reports);
    }

    @Test
    void daysWithoutAPositiveCloseGetNothing() {
        Quarters q = new Quarters().add("2023-12-31", "2024-02-01", SHARES, 1e6);
        double[][] out = run(new String[] {"2024-03-01", "2024-03-04", "2024-03-05"}, new double[] {0, NA, 3}, q,
                List.of());
        assertArrayEquals(new double[] {NA, NA, 3}, out[2]);
    }

    @Test
    void marketCapIsCloseTimesEffectiveSharesInMillions() {
        Quarters q = new Quarters().add("2023-12-31", "2024-02-01", SHARES, 15_550_000);
        List<Split> splits = List.of(new Split(d("2024-02-13"), 1.5));
        double[][] out = run(new String[] {"2024-02-12", "2024-02-13"}, new double[] {187.3, 124.9}, q, splits);
        assertEquals(15_550_000 / 1.5, out[1][0]);
        assertEquals(187.3 * (15_550_000 / 1.5) / 1e6, out[2][0]);
        assertEquals(124.9 * 15_550_000 / 1e6, out[2][1]);
    }

    /** §9's split_adjusted_close of each day, with the splits valid up to the last of the days. */
    private static double[] splitAdjusted(String[] days, double[] close, List<Split> splits) {
        int[] d = Arrays.stream(days).mapToInt(Fixtures::day).toArray();
        double[] out = new double[d.length];
        MarketCap.fillSplitAdjustedClose(d, close, MarketCap.validSplits(splits, d[d.length - 1]), out);
        return out;
    }

    @Test
    void splitAdjustedCloseDividesTheDaysCloseByTheSplitsAfterIt() {
        // a 4:1 forward split effective 2024-03-15: the day before trades at 400, the split day at 100
        String[] days = {"2024-03-14", "2024-03-15", "2024-03-18"};
        assertArrayEquals(new double[] {100, 100, 101},
                splitAdjusted(days, new double[] {400, 100, 101}, List.of(new Split(d("2024-03-15"), 4))));
        // a 1:10 reverse split (factor 0.1): 2 before, 20 on and after
        assertArrayEquals(new double[] {20, 20, 21},
                splitAdjusted(days, new double[] {2, 20, 21}, List.of(new Split(d("2024-03-15"), 0.1))));
        // both, on different days: each day divided by the product of the later ones
        assertArrayEquals(new double[] {20, 20, 20}, splitAdjusted(new String[] {"2024-03-01", "2024-03-04",
                "2024-03-05"}, new double[] {20, 40, 20}, List.of(new Split(d("2024-03-04"), 0.5),
                        new Split(d("2024-03-05"), 2))), 1e-12);
    }

    @Test
    void splitAdjustedCloseIsCloseTimesTheMultiplierWhereBothExist() {
        List<MarketCap.ValidSplit> splits = List.of(new MarketCap.ValidSplit(day("2021-07-20"), 4),
                new MarketCap.ValidSplit(day("2024-06-10"), 10));
        for (String day : new String[] {"2020-01-02", "2021-07-19", "2021-07-20", "2024-06-07", "2024-06-10"}) {
            double close = 123.45;
            assertEquals(close * MarketCap.postFilingSplitMultiplier(splits, day(day)),
                    MarketCap.splitAdjustedClose(close, splits, day(day)), 1e-12 * close, day);
        }
        assertEquals(40.0, MarketCap.splitsAfter(splits, day("2020-01-02")));
        assertEquals(1.0, MarketCap.splitsAfter(splits, day("2024-06-10")));
    }

    @Test
    void splitAdjustedCloseIsMissingWithoutAPositiveClose() {
        assertArrayEquals(new double[] {NA, NA, NA, 5, 10}, splitAdjusted(new String[] {"2024-03-01", "2024-03-04",
                "2024-03-05", "2024-03-06", "2024-03-07"}, new double[] {NA, 0, -1, 10, 10},
                List.of(new Split(d("2024-03-07"), 2))));
    }

    @Test
    void aSplitAfterTheLastPriceDayIsIgnored() {
        // §3.4: announced for 2024-04-01, not in the prices yet; the invalid ones never count
        assertArrayEquals(new double[] {50, 51}, splitAdjusted(new String[] {"2024-03-14", "2024-03-15"},
                new double[] {50, 51}, List.of(new Split(d("2024-04-01"), 2), new Split(d("2024-03-15"), NA),
                        new Split(d("2024-03-15"), 1), new Split(d("2024-03-15"), 0))));
    }
}
