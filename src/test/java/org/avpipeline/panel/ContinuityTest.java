package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContinuityTest {
    private static int[] days(String... iso) {
        return Arrays.stream(iso).mapToInt(Fixtures::day).toArray();
    }

    @Test
    void keepsTheLongestRun() {
        int[] dates = days("2020-03-31", "2020-06-30", // run of 2
                "2021-03-31", "2021-06-30", "2021-09-30", // run of 3
                "2022-03-31");
        assertArrayEquals(new int[] {2, 3, 4}, Continuity.longestRun(dates));
    }

    @Test
    void tiesGoToTheEarliestRun() {
        int[] dates = days("2020-03-31", "2020-06-30", "2021-03-31", "2021-06-30");
        assertArrayEquals(new int[] {0, 1}, Continuity.longestRun(dates));
    }

    @Test
    void aGapBreaksTheRun() {
        // 2020-09-30 missing: 06-30 -> 12-31 is six months
        int[] dates = days("2020-03-31", "2020-06-30", "2020-12-31", "2021-03-31", "2021-06-30");
        assertArrayEquals(new int[] {2, 3, 4}, Continuity.longestRun(dates));
    }

    @Test
    void rowsThatAreNotMonthEndsAreDroppedFirst() {
        // the mid-month row is removed; its neighbours are then consecutive quarters
        int[] dates = days("2020-03-31", "2020-05-15", "2020-06-30", "2020-09-30");
        assertArrayEquals(new int[] {0, 2, 3}, Continuity.longestRun(dates));
        assertEquals(0, Continuity.longestRun(days("2020-03-15", "2020-06-15")).length);
    }

    @Test
    void aSingleRowIsARunOfOne() {
        assertArrayEquals(new int[] {0}, Continuity.longestRun(days("2020-02-29")));
        assertArrayEquals(new int[] {1}, Continuity.longestRun(days("2020-02-15", "2020-02-29")));
        assertEquals(0, Continuity.longestRun(new int[0]).length);
    }

    @Test
    void monthEndsOfDifferentLengthsFollowEachOther() {
        assertTrue(Continuity.followsByOneQuarter(day("2023-11-30"), day("2024-02-29")));
        assertTrue(Continuity.followsByOneQuarter(day("2024-02-29"), day("2024-05-31")));
        assertTrue(Continuity.followsByOneQuarter(day("2023-10-31"), day("2024-01-31")));
        assertFalse(Continuity.followsByOneQuarter(day("2023-11-30"), day("2024-02-28")));
        assertFalse(Continuity.followsByOneQuarter(day("2023-12-31"), day("2024-06-30")));
    }
}
