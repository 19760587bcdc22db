package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.avpipeline.panel.Fixtures.d;
import static org.avpipeline.panel.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.metrics.Metrics;
import org.avpipeline.panel.ShareBasis.Basis;
import org.avpipeline.panel.ShareBasis.Evidence;
import org.avpipeline.panel.ShareBasis.SplitBasis;
import org.avpipeline.panel.ShareBasis.TickerBasis;
import org.junit.jupiter.api.Test;

class ShareBasisTest {
    /** A balance sheet of share counts with the earnings rows that date their reports. */
    private static final class Sheet {
        final List<String> fiscal = new ArrayList<>();
        final List<Double> shares = new ArrayList<>();
        final List<EarningsReport> earnings = new ArrayList<>();

        /** A quarter; {@code reported == null}: an earnings row without a date; "-": no earnings row. */
        Sheet q(String fiscalDate, String reported, double count) {
            fiscal.add(fiscalDate);
            shares.add(count);
            if (!"-".equals(reported)) {
                earnings.add(new EarningsReport(d(fiscalDate), reported == null ? null : d(reported), null));
            }
            return this;
        }

        StatementTable table() {
            int[] dates = fiscal.stream().mapToInt(Fixtures::day).toArray();
            double[] column = shares.stream().mapToDouble(Double::doubleValue).toArray();
            double[] other = new double[dates.length];
            java.util.Arrays.fill(other, 7);
            return new StatementTable(AvFunction.BALANCE_SHEET, dates, List.of("totalAssets", Metrics.SHARES),
                    new double[][] {other, column});
        }

        ShareBasis.Outcome apply(String lastPriceDay, Split... splits) {
            return ShareBasis.apply(table(), earnings, List.of(splits), day(lastPriceDay));
        }
    }

    private static Split split(String date, double factor) {
        return new Split(d(date), factor);
    }

    private static double[] shares(ShareBasis.Outcome o) {
        return o.table().column(Metrics.SHARES);
    }

    @Test
    void anAsReportedJumpIsDetectedAndEarlierCountsAreBroughtToTheCurrentBasis() {
        Sheet s = new Sheet().q("2021-03-31", "2021-05-01", 100).q("2021-06-30", "2021-07-15", 101)
                .q("2021-09-30", "2021-11-01", 404).q("2021-12-31", "2022-02-01", 405);
        ShareBasis.Outcome o = s.apply("2022-06-30", split("2021-07-20", 4));
        assertArrayEquals(new double[] {400, 404, 404, 405}, shares(o));
        SplitBasis b = o.splits().get(0);
        assertEquals(new SplitBasis(d("2021-07-20"), 4, 4, 4, Basis.AS_REPORTED, Evidence.TESTED, d("2021-06-30"),
                d("2021-09-30"), null), b);
        // other columns are not touched
        assertArrayEquals(new double[] {7, 7, 7, 7}, o.table().column("totalAssets"));
        assertEquals(TickerBasis.AS_REPORTED, ShareBasis.tickerBasis(o.splits()));
    }

    @Test
    void restatedCountsAreLeftAsTheyAre() {
        Sheet s = new Sheet().q("2021-03-31", "2021-05-01", 400).q("2021-06-30", "2021-07-15", 404)
                .q("2021-09-30", "2021-11-01", 404);
        ShareBasis.Outcome o = s.apply("2022-06-30", split("2021-07-20", 4));
        assertArrayEquals(new double[] {400, 404, 404}, shares(o));
        assertEquals(Basis.RESTATED, o.splits().get(0).basis());
        assertEquals(1, o.splits().get(0).ratio());
        assertEquals(TickerBasis.RESTATED, ShareBasis.tickerBasis(o.splits()));
    }

    @Test
    void aSplitBetweenAQuartersEndAndItsReportDateIsInThatQuartersCount() {
        // the 2021-06-30 quarter is reported 2021-08-01, after the split of 2021-07-10: its count is post-split
        Sheet s = new Sheet().q("2021-03-31", "2021-05-01", 100).q("2021-06-30", "2021-08-01", 400)
                .q("2021-09-30", "2021-11-01", 400);
        ShareBasis.Outcome o = s.apply("2022-06-30", split("2021-07-10", 4));
        SplitBasis b = o.splits().get(0);
        assertEquals(d("2021-03-31"), b.before());
        assertEquals(d("2021-06-30"), b.after());
        assertEquals(Basis.AS_REPORTED, b.basis());
        // multiplied only where the report predates the split (by fiscal date the June quarter would be 1600)
        assertArrayEquals(new double[] {400, 400, 400}, shares(o));
    }

    @Test
    void aSplitAfterTheLastReportInheritsTheBasisOfTheNearestTestedSplit() {
        Sheet s = new Sheet().q("2019-03-31", "2019-05-01", 100).q("2019-06-30", "2019-08-01", 200)
                .q("2024-03-31", "2024-05-20", 210);
        ShareBasis.Outcome o = s.apply("2024-06-28", split("2019-06-03", 2), split("2024-06-10", 10));
        SplitBasis late = o.splits().get(1);
        assertEquals(Evidence.INHERITED, late.evidence());
        assertEquals(Basis.AS_REPORTED, late.basis());
        assertEquals(d("2024-03-31"), late.before());
        assertNull(late.after());
        assertTrue(Double.isNaN(late.ratio()) && Double.isNaN(late.groupFactor()));
        assertNotNull(late.warning(), "an untested split is a warning");
        assertTrue(late.warning().contains("2019-06-03"), late.warning());
        assertArrayEquals(new double[] {2000, 2000, 2100}, shares(o));
    }

    @Test
    void aTickerWithoutATestedSplitIsTakenAsRestated() {
        // the split predates every quarter: no quarter was reported before it
        Sheet s = new Sheet().q("2010-03-31", "2010-05-01", 100).q("2010-06-30", "2010-08-01", 100);
        ShareBasis.Outcome o = s.apply("2012-01-31", split("2003-05-12", 2));
        SplitBasis b = o.splits().get(0);
        assertEquals(Basis.RESTATED, b.basis());
        assertEquals(Evidence.ASSUMED, b.evidence());
        assertNull(b.before());
        assertEquals(d("2010-03-31"), b.after());
        assertNotNull(b.warning());
        assertArrayEquals(new double[] {100, 100}, shares(o));
        assertEquals(TickerBasis.UNTESTED, ShareBasis.tickerBasis(o.splits()));
    }

    @Test
    void twoSplitsBetweenTheSameTwoQuartersAreTestedTogether() {
        Sheet s = new Sheet().q("2016-12-31", "2017-02-01", 100).q("2017-03-31", "2017-05-01", 600);
        ShareBasis.Outcome o = s.apply("2017-12-29", split("2017-03-01", 2), split("2017-03-22", 3));
        for (SplitBasis b : o.splits()) {
            assertEquals(6, b.groupFactor());
            assertEquals(6, b.ratio());
            assertEquals(Basis.AS_REPORTED, b.basis());
            assertNull(b.warning());
        }
        assertArrayEquals(new double[] {600, 600}, shares(o));
        // restated counts: one group, K = 6, no jump
        Sheet restated = new Sheet().q("2016-12-31", "2017-02-01", 600).q("2017-03-31", "2017-05-01", 600);
        ShareBasis.Outcome r = restated.apply("2017-12-29", split("2017-03-01", 2), split("2017-03-22", 3));
        assertTrue(r.splits().stream().allMatch(b -> b.basis() == Basis.RESTATED && b.groupFactor() == 6));
    }

    @Test
    void aReverseSplitIsDetectedLikeAForwardOne() {
        Sheet s = new Sheet().q("2018-03-31", "2018-05-01", 1000).q("2018-06-30", "2018-08-01", 100)
                .q("2018-09-30", "2018-11-01", 100);
        ShareBasis.Outcome o = s.apply("2019-01-31", split("2018-05-14", 0.1));
        assertEquals(Basis.AS_REPORTED, o.splits().get(0).basis());
        assertArrayEquals(new double[] {100, 100, 100}, shares(o), 1e-9);

        Sheet restated = new Sheet().q("2018-03-31", "2018-05-01", 100).q("2018-06-30", "2018-08-01", 100);
        assertEquals(Basis.RESTATED, restated.apply("2019-01-31", split("2018-05-14", 0.1)).splits().get(0).basis());
    }

    @Test
    void aSplitAfterTheLastPriceDayIsIgnored() {
        Sheet s = new Sheet().q("2024-03-31", "2024-05-01", 100).q("2024-06-30", "2024-08-01", 100);
        StatementTable table = s.table();
        ShareBasis.Outcome o = ShareBasis.apply(table, s.earnings, List.of(split("2024-09-15", 2)),
                day("2024-09-13"));
        assertTrue(o.splits().isEmpty());
        assertSame(table, o.table());
        assertEquals(TickerBasis.NO_SPLITS, ShareBasis.tickerBasis(o.splits()));
    }

    @Test
    void splitsWithoutAUsableFactorAreIgnored() {
        List<MarketCap.ValidSplit> valid = ShareBasis.validSplits(List.of(split("2020-01-02", NA),
                split("2020-01-03", 0), split("2020-01-06", -2), split("2020-01-07", 1),
                split("2020-01-08", Double.POSITIVE_INFINITY), new Split(null, 2), split("2020-01-10", 3),
                split("2020-01-09", 0.5)), day("2020-01-10"));
        assertEquals(List.of(new MarketCap.ValidSplit(day("2020-01-09"), 0.5),
                new MarketCap.ValidSplit(day("2020-01-10"), 3)), valid);
        assertTrue(ShareBasis.validSplits(List.of(split("2020-01-10", 3)), Integer.MIN_VALUE).isEmpty());
    }

    @Test
    void severalSplitsWithMixedDecisions() {
        // counts restated for the 2015 split (no jump there) but as reported for the 2021 one
        Sheet s = new Sheet().q("2015-03-31", "2015-05-01", 200).q("2015-06-30", "2015-08-01", 202)
                .q("2021-06-30", "2021-07-15", 204).q("2021-09-30", "2021-11-01", 820);
        ShareBasis.Outcome o = s.apply("2022-06-30", split("2015-06-01", 2), split("2021-07-20", 4));
        assertEquals(List.of(Basis.RESTATED, Basis.AS_REPORTED), o.splits().stream().map(SplitBasis::basis).toList());
        assertArrayEquals(new double[] {800, 808, 816, 820}, shares(o));
        assertEquals(TickerBasis.AS_REPORTED, ShareBasis.tickerBasis(o.splits()));
    }

    @Test
    void tiesBetweenQuartersGoToTheLaterForBeforeAndTheEarlierForAfter() {
        // a late filing shares its report date with the next quarter; two quarters also share the first date after
        Sheet s = new Sheet().q("2020-12-31", "2021-05-01", 100).q("2021-03-31", "2021-05-01", 110)
                .q("2021-06-30", "2021-08-01", 440).q("2021-09-30", "2021-08-01", 999);
        ShareBasis.Outcome o = s.apply("2021-12-31", split("2021-06-01", 4));
        SplitBasis b = o.splits().get(0);
        assertEquals(d("2021-03-31"), b.before());
        assertEquals(d("2021-06-30"), b.after());
        assertEquals(4, b.ratio());
    }

    @Test
    void quartersWithoutAReportDateOrPositiveSharesTakeNoPartButAreStillAdjusted() {
        Sheet s = new Sheet().q("2021-03-31", "2021-05-01", 100)
                .q("2021-06-30", "-", 100) // no earnings row: adjusted by its fiscal date (before the split)
                .q("2021-09-30", null, 400) // an earnings row without a date: fiscal date after the split
                .q("2021-12-31", "2022-02-01", 0) // no shares
                .q("2022-03-31", "2022-05-01", 400);
        ShareBasis.Outcome o = s.apply("2022-06-30", split("2021-07-20", 4));
        SplitBasis b = o.splits().get(0);
        assertEquals(d("2021-03-31"), b.before());
        assertEquals(d("2022-03-31"), b.after());
        assertArrayEquals(new double[] {400, 400, 400, 0, 400}, shares(o));
    }

    @Test
    void anUntestedSplitTakesTheBasisOfTheNearestTestedSplitByDate() {
        Sheet s = new Sheet().q("2010-03-31", "2010-05-01", 100).q("2010-06-30", "2010-08-01", 200) // as reported
                .q("2010-09-30", "2010-11-01", 200).q("2010-12-31", "2011-02-01", 200); // restated
        ShareBasis.Outcome o = s.apply("2011-06-30", split("2010-06-01", 2), split("2010-12-01", 3),
                split("2011-05-02", 5), split("2009-01-05", 7));
        assertEquals(List.of(d("2009-01-05"), d("2010-06-01"), d("2010-12-01"), d("2011-05-02")),
                o.splits().stream().map(SplitBasis::date).toList());
        assertEquals(List.of(Evidence.INHERITED, Evidence.TESTED, Evidence.TESTED, Evidence.INHERITED),
                o.splits().stream().map(SplitBasis::evidence).toList());
        // 2009-01-05 is nearest to 2010-06-01 (as reported), 2011-05-02 to 2010-12-01 (restated)
        assertEquals(List.of(Basis.AS_REPORTED, Basis.AS_REPORTED, Basis.RESTATED, Basis.RESTATED),
                o.splits().stream().map(SplitBasis::basis).toList());
        // the as-reported 7:1 of 2009 predates every report: no count changes for it
        assertArrayEquals(new double[] {200, 200, 200, 200}, shares(o));
    }

    @Test
    void aRatioThatFitsNeitherBasisIsAWarning() {
        Sheet s = new Sheet().q("2021-03-31", "2021-05-01", 100).q("2021-06-30", "2021-08-01", 180);
        SplitBasis b = s.apply("2021-12-31", split("2021-07-01", 4)).splits().get(0);
        assertEquals(Basis.RESTATED, b.basis(), "|ln 1.8 - ln 4| = 0.80 is not below |ln 1.8| = 0.59");
        assertNotNull(b.warning());
        assertTrue(ShareBasis.isSuspicious(1.8, 4));
        assertFalse(ShareBasis.isSuspicious(1.45, 4));
        assertFalse(ShareBasis.isSuspicious(2.7, 4));
        assertTrue(ShareBasis.isSuspicious(0.6, 4));
        assertFalse(ShareBasis.isSuspicious(0.07, 0.1));
    }

    @Test
    void theDecisionRule() {
        assertTrue(ShareBasis.isAsReported(4, 4));
        assertTrue(ShareBasis.isAsReported(2.1, 4)); // |0.64| < |0.74|
        assertFalse(ShareBasis.isAsReported(1.9, 4)); // |0.74| > |0.64|
        assertFalse(ShareBasis.isAsReported(1, 4));
        assertTrue(ShareBasis.isAsReported(0.1, 0.1));
        assertFalse(ShareBasis.isAsReported(1.02, 0.1));
    }

    @Test
    void noSplitsLeavesTheTableAsItIs() {
        Sheet s = new Sheet().q("2021-03-31", "2021-05-01", 100);
        StatementTable table = s.table();
        ShareBasis.Outcome o = ShareBasis.apply(table, s.earnings, List.of(), day("2022-01-03"));
        assertSame(table, o.table());
        assertTrue(o.splits().isEmpty());
    }
}
