package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AnomalyCleaningTest {
    private static final CleaningParameters P = CleaningParameters.DEFAULT;

    /** A noisy but unremarkable series around 10 (13 or more values so stage 1 can flag). */
    private static double[] noisy(int n) {
        double[] pattern = {10, 11, 10, 12, 11, 10, 11, 12, 10, 11};
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = pattern[i % pattern.length];
        }
        return v;
    }

    private static int[] flagged(boolean[] flags) {
        return java.util.stream.IntStream.range(0, flags.length).filter(i -> flags[i]).toArray();
    }

    @Nested
    class Stage1 {
        @Test
        void aSpikeIsFlaggedAndInterpolated() {
            double[] v = noisy(13);
            v[6] = 1000;
            assertArrayEquals(new int[] {6}, flagged(AnomalyCleaning.spikeFlags(v, P)));

            double[] repaired = v.clone();
            assertEquals(1, AnomalyCleaning.repairSpikes(repaired, P));
            assertEquals((v[5] + v[7]) / 2, repaired[6]);
            for (int i = 0; i < v.length; i++) {
                if (i != 6) {
                    assertEquals(v[i], repaired[i]);
                }
            }
        }

        @Test
        void nothingIsFlaggedInFewerThan13Rows() {
            double[] v = noisy(12);
            v[6] = 1000;
            assertEquals(0, flagged(AnomalyCleaning.spikeFlags(v, P)).length);
            double[] repaired = v.clone();
            assertEquals(0, AnomalyCleaning.repairSpikes(repaired, P));
            assertArrayEquals(v, repaired);
        }

        @Test
        void positionsWithABaselineOfFewerThanSixPositionsAreNeverFlagged() {
            // n = 13: positions 0, 1, 2 and 10, 11, 12 have baselines of 4, 4, 5 and 5, 4, 4 positions
            for (int i : new int[] {0, 1, 2, 10, 11, 12}) {
                double[] v = noisy(13);
                v[i] = 1000;
                assertFalse(AnomalyCleaning.spikeFlags(v, P)[i], "position " + i);
            }
            // positions 3 and 9 have exactly 6
            for (int i : new int[] {3, 9}) {
                double[] v = noisy(13);
                v[i] = 1000;
                assertTrue(AnomalyCleaning.spikeFlags(v, P)[i], "position " + i);
            }
        }

        @Test
        void aConstantBaselineHasNoSpreadSoNothingIsFlagged() {
            double[] v = new double[20];
            Arrays.fill(v, 10);
            v[8] = 1e9;
            assertEquals(0, flagged(AnomalyCleaning.spikeFlags(v, P)).length);
        }

        @Test
        void theDirectNeighboursAreNotInTheBaseline() {
            // a two-row plateau: each row's only other high value is its direct neighbour, so both are flagged
            double[] v = noisy(16);
            v[7] = 500;
            v[8] = 500;
            assertArrayEquals(new int[] {7, 8}, flagged(AnomalyCleaning.spikeFlags(v, P)));
            double[] repaired = v.clone();
            AnomalyCleaning.repairSpikes(repaired, P);
            assertEquals(v[6] + (v[9] - v[6]) * (1 / 3.0), repaired[7]);
            assertEquals(v[6] + (v[9] - v[6]) * (2 / 3.0), repaired[8]);
        }

        @Test
        void missingBaselineValuesAreLeftOutOfTheMedian() {
            double[] v = noisy(13);
            v[3] = NA;
            v[4] = NA;
            v[6] = 1000;
            assertTrue(AnomalyCleaning.spikeFlags(v, P)[6]);
        }

        @Test
        void interiorGapsAreInterpolatedLeadingAndTrailingGapsStay() {
            double[] v = {NA, NA, 0, NA, NA, 3, 4, NA, 8, NA};
            AnomalyCleaning.repairSpikes(v, P);
            assertArrayEquals(new double[] {NA, NA, 0, 1, 2, 3, 4, 6, 8, NA}, v);
        }

        @Test
        void aColumnWithFewerThanTwoPresentValuesIsLeftAsItIs() {
            double[] one = {NA, NA, 5, NA, NA};
            AnomalyCleaning.repairSpikes(one, P);
            assertArrayEquals(new double[] {NA, NA, 5, NA, NA}, one);
            double[] none = {NA, NA, NA};
            AnomalyCleaning.repairSpikes(none, P);
            assertArrayEquals(new double[] {NA, NA, NA}, none);
        }
    }

    @Nested
    class Stage2 {
        /** 100 growing by 1%, 2%, 3%, 1%, ... : changes with median 2 and MAD 1. */
        private double[] growing(int n) {
            double[] v = new double[n];
            v[0] = 100;
            for (int k = 1; k < n; k++) {
                v[k] = v[k - 1] * (1 + 0.01 * (1 + (k - 1) % 3));
            }
            return v;
        }

        @Test
        void percentageChanges() {
            assertEquals(50.0, AnomalyCleaning.percentageChange(2, 3));
            assertEquals(-200.0, AnomalyCleaning.percentageChange(-1, -3));
            assertEquals(200.0, AnomalyCleaning.percentageChange(-1, 1));
            assertEquals(-100.0, AnomalyCleaning.percentageChange(4, 0));
            assertEquals(Double.POSITIVE_INFINITY, AnomalyCleaning.percentageChange(0, 3));
            assertEquals(Double.NEGATIVE_INFINITY, AnomalyCleaning.percentageChange(0, -3));
            assertTrue(Double.isNaN(AnomalyCleaning.percentageChange(0, 0)));
            assertTrue(Double.isNaN(AnomalyCleaning.percentageChange(NA, 1)));
            assertTrue(Double.isNaN(AnomalyCleaning.percentageChange(1, NA)));
        }

        @Test
        void aJumpInTheLastFiveRowsIsCarriedForward() {
            for (int k = 15; k < 20; k++) {
                // the level jumps tenfold at row k and stays there: only the change at row k is flagged
                double[] v = growing(20);
                for (int i = k; i < 20; i++) {
                    v[i] *= 10;
                }
                double[] shifted = v.clone();
                assertArrayEquals(new int[] {k}, flagged(AnomalyCleaning.endJumpFlags(v, P)), "row " + k);
                assertEquals(1, AnomalyCleaning.repairEndJumps(v, P));
                assertEquals(shifted[k - 1], v[k], "row " + k + " takes the row above");
                for (int i = 0; i < 20; i++) {
                    if (i != k) {
                        assertEquals(shifted[i], v[i]);
                    }
                }
            }
        }

        @Test
        void aOneRowSpikeAtTheEndFlagsItsRiseAndItsFall() {
            double[] v = growing(20);
            v[17] *= 10;
            assertArrayEquals(new int[] {17, 18}, flagged(AnomalyCleaning.endJumpFlags(v, P)));
            double[] repaired = v.clone();
            assertEquals(2, AnomalyCleaning.repairEndJumps(repaired, P));
            assertEquals(v[16], repaired[17]);
            assertEquals(v[16], repaired[18]);
            assertEquals(v[19], repaired[19]);
        }

        @Test
        void aJumpBeforeTheEndWindowIsNotRepaired() {
            double[] v = growing(20);
            v[14] = v[14] * 10; // its change is flagged, and so is the fall back at row 15, which is in the window
            boolean[] flags = AnomalyCleaning.endJumpFlags(v, P);
            assertFalse(flags[14]);
            assertArrayEquals(new int[] {15}, flagged(flags));

            double[] w = growing(20);
            w[10] = w[10] * 10;
            double[] before = w.clone();
            assertEquals(0, AnomalyCleaning.repairEndJumps(w, P));
            assertArrayEquals(before, w);
        }

        @Test
        void aChangeFromZeroIsInfiniteAndFlaggedWhenTheMadIsPositive() {
            double[] v = growing(20);
            v[18] = 0;
            v[19] = 5;
            // row 18: -100 %, row 19: +Inf; both far from the median 2 with MAD 1
            assertArrayEquals(new int[] {18, 19}, flagged(AnomalyCleaning.endJumpFlags(v, P)));
            double[] repaired = v.clone();
            AnomalyCleaning.repairEndJumps(repaired, P);
            assertEquals(v[17], repaired[18]);
            assertEquals(v[17], repaired[19]);
        }

        @Test
        void anInfiniteChangeIsNotFlaggedWhenTheMadIsZero() {
            double[] v = new double[20];
            Arrays.fill(v, 7);
            v[18] = 0;
            v[19] = 5;
            assertEquals(0, flagged(AnomalyCleaning.endJumpFlags(v, P)).length);
        }

        @Test
        void anInfiniteMedianGivesAMissingMadAndNoFlags() {
            // 0, 5, 0, 5, ...: more than half of the changes are +Inf
            double[] v = new double[21];
            for (int i = 0; i < v.length; i++) {
                v[i] = i % 2 == 0 ? 0 : 5;
            }
            assertEquals(0, flagged(AnomalyCleaning.endJumpFlags(v, P)).length);
        }

        @Test
        void undefinedChangesDoNotShiftFlagsOntoOtherRows() {
            // rows 13 and 16 are missing, so the changes at 13, 14, 16 and 17 are undefined. The reference took the
            // k-th defined change to belong to row k+1: the jump at row 19 (the 15th defined change) would have
            // flagged row 15. The flag must stay on row 19.
            double[] v = growing(20);
            v[13] = NA;
            v[16] = NA;
            v[19] = v[18] * 10;
            boolean[] flags = AnomalyCleaning.endJumpFlags(v, P);
            assertArrayEquals(new int[] {19}, flagged(flags));

            double[] repaired = v.clone();
            assertEquals(1, AnomalyCleaning.repairEndJumps(repaired, P));
            assertEquals(v[15], repaired[15]);
            assertEquals(v[18], repaired[19]);
            // carrying forward also fills the other gaps after the first present value
            assertEquals(v[12], repaired[13]);
            assertEquals(v[15], repaired[16]);
        }

        @Test
        void zeroToZeroIsUndefinedAndDoesNotShiftFlags() {
            double[] v = growing(20);
            v[10] = 0;
            v[11] = 0;
            v[12] = 0; // changes at 11 and 12 are 0/0; at 10 -100 %, at 13 +Inf (both outside the window)
            v[19] = v[18] * 10;
            assertArrayEquals(new int[] {19}, flagged(AnomalyCleaning.endJumpFlags(v, P)));
        }

        @Test
        void fewerThanMinObsDefinedChangesSkipTheColumn() {
            double[] ten = growing(10); // 9 changes
            ten[9] = ten[9] * 100;
            assertEquals(0, flagged(AnomalyCleaning.endJumpFlags(ten, P)).length);

            double[] eleven = growing(11); // 10 changes
            eleven[10] = eleven[10] * 100;
            assertArrayEquals(new int[] {10}, flagged(AnomalyCleaning.endJumpFlags(eleven, P)));

            double[] gaps = growing(12); // 11 rows of changes, but two undefined: 9 defined
            gaps[3] = NA;
            gaps[11] = gaps[11] * 100;
            assertEquals(0, flagged(AnomalyCleaning.endJumpFlags(gaps, P)).length);
        }

        @Test
        void anAllMissingColumnIsSkipped() {
            double[] v = new double[15];
            Arrays.fill(v, NA);
            assertEquals(0, AnomalyCleaning.repairEndJumps(v, P));
            assertTrue(Arrays.stream(v).allMatch(Double::isNaN));
        }

        @Test
        void carryForwardFillsEveryGapAfterTheFirstPresentValue() {
            double[] v = {NA, 1, NA, NA, 4, NA};
            AnomalyCleaning.carryForward(v);
            assertArrayEquals(new double[] {NA, 1, 1, 1, 4, 4}, v);
        }
    }

    @Test
    void cleanCountsRepairsPerMetricAndStageAndLeavesItsInputAlone() {
        int n = 20;
        double[] spiky = noisy(n);
        spiky[6] = 1000;
        double[] jumpy = new double[n];
        jumpy[0] = 100;
        for (int k = 1; k < n; k++) {
            jumpy[k] = jumpy[k - 1] * (1 + 0.01 * (1 + (k - 1) % 3));
        }
        jumpy[n - 1] *= 10;
        double[] quiet = noisy(n);
        int[] dates = new int[n];
        for (int i = 0; i < n; i++) {
            dates[i] = i * 91;
        }
        StatementTable table = new StatementTable(AvFunction.INCOME_STATEMENT, dates,
                List.of("totalRevenue", "ebit", "netIncome"),
                new double[][] {spiky.clone(), jumpy.clone(), quiet.clone()});

        AnomalyCleaning.Cleaned cleaned = AnomalyCleaning.clean(table, P);

        assertEquals(List.of(new AnomalyRepair(AvFunction.INCOME_STATEMENT, "totalRevenue", 1, 1),
                new AnomalyRepair(AvFunction.INCOME_STATEMENT, "ebit", 2, 1)), cleaned.repairs());
        assertEquals((spiky[5] + spiky[7]) / 2, cleaned.table().column("totalRevenue")[6]);
        assertEquals(jumpy[n - 2], cleaned.table().column("ebit")[n - 1]);
        assertArrayEquals(quiet, cleaned.table().column("netIncome"));
        assertArrayEquals(spiky, table.column("totalRevenue"));
    }

    @Test
    void stageOneRunsBeforeStageTwo() {
        // an interior gap is interpolated by stage 1, so stage 2 sees defined changes across it
        double[] v = new double[20];
        v[0] = 100;
        for (int k = 1; k < 20; k++) {
            v[k] = v[k - 1] * (1 + 0.01 * (1 + (k - 1) % 3));
        }
        v[17] = NA;
        int[] dates = new int[20];
        StatementTable table = new StatementTable(AvFunction.CASH_FLOW, dates, List.of("operatingCashflow"),
                new double[][] {v});
        double[] out = AnomalyCleaning.clean(table, P).table().column("operatingCashflow");
        assertEquals(v[16] + (v[18] - v[16]) * (1 / 2.0), out[17]);
    }
}
