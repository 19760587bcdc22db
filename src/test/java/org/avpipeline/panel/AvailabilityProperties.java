package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.avpipeline.artifact.TickerPanel;

/**
 * §8.2 on any price calendar: the available day is the first price day on or after the report day for a pre-market
 * report and the first strictly after it otherwise, so never a day whose close was set before a post-market report.
 */
class AvailabilityProperties {

    @Property(tries = 2_000)
    void theAvailableDayIsTheFirstPriceDayTheRuleAllows(@ForAll("calendars") Set<Integer> calendar,
            @ForAll("reportDays") int reported, @ForAll("reportTimes") String reportTime) {
        int[] days = calendar.stream().mapToInt(Integer::intValue).sorted().toArray();
        int available = Availability.day(days, reported, reportTime);
        boolean pre = "pre-market".equals(reportTime);
        int firstAllowed = pre ? reported : reported + 1;
        int expected = TickerPanel.NO_DATE;
        for (int d : days) {
            if (d >= firstAllowed) {
                expected = d;
                break;
            }
        }
        assertEquals(expected, available);
        if (available != TickerPanel.NO_DATE) {
            assertTrue(pre ? available >= reported : available > reported);
            assertEquals(Availability.row(days, reported, reportTime), java.util.Arrays.binarySearch(days, available));
        } else {
            assertEquals(days.length, Availability.row(days, reported, reportTime));
        }
    }

    @Provide
    Arbitrary<Set<Integer>> calendars() {
        return Arbitraries.integers().between(0, 60).set().ofMinSize(0).ofMaxSize(40).map(TreeSet::new);
    }

    @Provide
    Arbitrary<Integer> reportDays() {
        return Arbitraries.integers().between(-5, 65);
    }

    @Provide
    Arbitrary<String> reportTimes() {
        return Arbitraries.of("pre-market", "post-market", "", "during-market", "PRE-MARKET").injectNull(0.2);
    }
}
