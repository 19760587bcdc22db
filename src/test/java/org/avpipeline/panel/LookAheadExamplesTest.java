package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.NA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Where the spec uses the whole fiscal history, so that a value shown on a day can depend on quarters reported later
 * (the reason {@link NoLookAheadProperties} restricts its inputs). These are the spec's rules, asserted as such.
 */
class LookAheadExamplesTest {
    private static final CleaningParameters P = CleaningParameters.DEFAULT;

    private static double[] growing(int n) {
        double[] v = new double[n];
        v[0] = 100;
        for (int k = 1; k < n; k++) {
            v[k] = v[k - 1] * (1 + 0.01 * (1 + (k - 1) % 3));
        }
        return v;
    }

    @Test
    void stageOneJudgesAQuarterByTheQuartersAfterIt() {
        double[] pattern = {10, 11, 10, 12, 11, 10, 11, 12, 10, 11};
        double[] full = new double[16];
        for (int i = 0; i < full.length; i++) {
            full[i] = pattern[i % pattern.length];
        }
        full[8] = 1000;
        // known when quarter 8 was the latest: 9 rows, too few to flag anything; quarter 8 shows 1000
        double[] early = Arrays.copyOf(full, 9);
        AnomalyCleaning.repairSpikes(early, P);
        assertEquals(1000.0, early[8]);
        // with the later quarters the same quarter is a spike and is interpolated
        double[] late = full.clone();
        AnomalyCleaning.repairSpikes(late, P);
        assertEquals((full[7] + full[9]) / 2, late[8]);
    }

    @Test
    void stageTwoRepairsOnlyTheEndOfTheHistoryKnownSoFar() {
        double[] full = growing(25);
        for (int i = 15; i < 25; i++) {
            full[i] *= 10; // the level jumps at quarter 15 and stays
        }
        double[] early = Arrays.copyOf(full, 16);
        AnomalyCleaning.repairEndJumps(early, P);
        assertEquals(full[14], early[15], "at first the jump is taken for an error and carried over");
        double[] late = full.clone();
        AnomalyCleaning.repairEndJumps(late, P);
        assertEquals(full[15], late[15], "ten quarters later it is history, not the end of it");
    }

    @Test
    void aLaterLongerRunReplacesTheEarlierOne() {
        int[] early = {day("2015-03-31"), day("2015-06-30"), day("2015-09-30"), day("2016-06-30"),
            day("2016-09-30")};
        assertArrayEquals(new int[] {0, 1, 2}, Continuity.longestRun(early));
        int[] late = Arrays.copyOf(early, 7);
        late[5] = day("2016-12-31");
        late[6] = day("2017-03-31");
        assertArrayEquals(new int[] {3, 4, 5, 6}, Continuity.longestRun(late),
                "the 2015 quarters leave the panel once the 2016-2017 run is longer");
    }

    @Test
    void interpolationUsesTheNextPresentValue() {
        double[] early = {1, 2, NA};
        AnomalyCleaning.repairSpikes(early, P);
        assertTrue(Double.isNaN(early[2]));
        double[] late = {1, 2, NA, 8};
        AnomalyCleaning.repairSpikes(late, P);
        assertEquals(5.0, late[2]);
    }

    private static int day(String iso) {
        return Fixtures.day(iso);
    }
}
