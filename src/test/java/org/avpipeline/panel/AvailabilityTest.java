package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.day;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

/** pipeline.md §8.2: the day a quarter becomes available, by its reportedDate and reportTime. */
class AvailabilityTest {
    private static final String PRE = "pre-market";
    private static final String POST = "post-market";

    /** Weekdays of June and July 2024 without Independence Day (Thursday 2024-07-04); the last is Wednesday 07-31. */
    private static final int[] DAYS = Fixtures.weekdays("2024-06-03", "2024-07-31", x -> 1.0).stream()
            .map(DailyBar::date).filter(x -> !x.toString().equals("2024-07-04"))
            .mapToInt(x -> (int) x.toEpochDay()).toArray();

    private static int available(String reported, String reportTime) {
        return Availability.day(DAYS, reported == null ? TickerPanel.NO_DATE : day(reported), reportTime);
    }

    @Test
    void aPostMarketReportOnAFridayIsAvailableOnMonday() {
        assertEquals(day("2024-06-10"), available("2024-06-07", POST));
    }

    @Test
    void aPostMarketReportOnTheDayBeforeAHolidayIsAvailableAfterTheHoliday() {
        assertEquals(day("2024-07-05"), available("2024-07-03", POST), "Wednesday, then Independence Day");
    }

    @Test
    void aPostMarketReportOnTheLastPriceDayIsNotAvailableYet() {
        assertEquals(TickerPanel.NO_DATE, available("2024-07-31", POST));
        assertEquals(DAYS.length, Availability.row(DAYS, day("2024-07-31"), POST));
        assertEquals(day("2024-07-31"), available("2024-07-31", PRE), "a pre-market one is, on that day");
        assertEquals(TickerPanel.NO_DATE, available("2024-08-01", PRE), "after the last price day: not yet");
    }

    @Test
    void aPreMarketReportIsAvailableOnItsTradingDayAndAfterAWeekendOnMonday() {
        assertEquals(day("2024-06-12"), available("2024-06-12", PRE), "a Wednesday");
        assertEquals(day("2024-06-10"), available("2024-06-08", PRE), "a Saturday");
        assertEquals(day("2024-06-10"), available("2024-06-08", POST), "the same for a post-market one");
        assertEquals(day("2024-07-05"), available("2024-07-04", PRE), "a holiday");
    }

    @Test
    void aMissingOrUnknownReportTimeCountsAsPostMarket() {
        assertEquals(day("2024-06-13"), available("2024-06-12", null), "older answers have no reportTime");
        for (String other : List.of("", "during-market", "Pre-Market", "pre-market ", "None")) {
            assertEquals(day("2024-06-13"), available("2024-06-12", other), "'" + other + "'");
        }
    }

    @Test
    void aQuarterWithoutAReportedDateIsNeverAvailable() {
        assertEquals(TickerPanel.NO_DATE, available(null, PRE));
        assertEquals(-1, Availability.row(DAYS, TickerPanel.NO_DATE, PRE));
    }

    @Test
    void aReportBeforeTheFirstPriceDayIsAvailableOnTheFirst() {
        assertEquals(DAYS[0], available("2024-01-15", POST));
        assertEquals(DAYS[0], available("2024-05-31", POST), "the Friday before the first price day");
    }

    @Test
    void twoQuartersBecomeAvailableOnTheSameDayThroughDifferentRules() {
        // a late post-market filing of an older quarter on Monday, the next quarter pre-market on Tuesday
        QuarterlyRows q = new Quarters()
                .add("2024-03-31", "2024-06-10", Metrics.SHARES, 1).at(POST)
                .add("2024-06-30", "2024-06-11", Metrics.SHARES, 2).at(PRE)
                .add("2024-09-30", null, Metrics.SHARES, 3).at(PRE)
                .rows();
        assertArrayEquals(new int[] {day("2024-06-11"), day("2024-06-11"), TickerPanel.NO_DATE},
                Availability.days(DAYS, q));
        int row = Arrays.binarySearch(DAYS, day("2024-06-11"));
        assertArrayEquals(new int[] {row, row, -1}, Availability.rows(DAYS, q));
    }
}
