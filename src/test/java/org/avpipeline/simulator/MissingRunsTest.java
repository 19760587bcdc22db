package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MissingRunsTest {
    @Test
    void runsAreContiguousLongAndSpareTheHeadlineFields() {
        List<String> fields = new ArrayList<>();
        for (int j = 0; j < 40; j++) {
            fields.add("f" + j);
        }
        fields.add("totalRevenue");
        int quarters = 80;
        int lateStarts = 0;
        int gaps = 0;
        for (int seed = 0; seed < 50; seed++) {
            MissingRuns runs = MissingRuns.draw(new SplittableRandom(seed), fields, Set.of("totalRevenue"), quarters);
            for (int j = 0; j < fields.size(); j++) {
                int first = -1;
                int last = -1;
                for (int k = 0; k < quarters; k++) {
                    if (runs.missing(j, k)) {
                        first = first < 0 ? k : first;
                        last = k;
                    }
                }
                if (first < 0) {
                    continue;
                }
                assertFalse(fields.get(j).equals("totalRevenue"), "a spared field has no run");
                for (int k = first; k <= last; k++) {
                    assertTrue(runs.missing(j, k), "one contiguous run");
                }
                assertTrue(last - first + 1 <= 40, "a run of at most ten years");
                if (first == 0) {
                    lateStarts++;
                } else {
                    gaps++;
                }
            }
        }
        assertTrue(lateStarts > 400 && gaps > 150, lateStarts + " late starts, " + gaps + " gaps");
    }

    @Test
    void shortHistoriesHaveNoRuns() {
        MissingRuns runs = MissingRuns.draw(new SplittableRandom(1), List.of("a", "b", "c"), Set.of(), 6);
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 6; k++) {
                assertFalse(runs.missing(j, k));
            }
        }
    }
}
