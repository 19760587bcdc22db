package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarQuartersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-01-31, 2023-12-31",
        "2024-02-29, 2024-03-31",
        "2024-03-31, 2024-03-31",
        "2024-04-30, 2024-03-31",
        "2024-05-31, 2024-06-30",
        "2024-06-30, 2024-06-30",
        "2024-07-31, 2024-06-30",
        "2024-08-31, 2024-09-30",
        "2024-09-30, 2024-09-30",
        "2024-10-31, 2024-09-30",
        "2024-11-30, 2024-12-31",
        "2024-12-31, 2024-12-31",
    })
    void everyMonth(String fiscal, String calendar) {
        assertEquals(d(calendar), CalendarQuarters.calendarQuarterEnding(d(fiscal)));
        assertArrayEquals(new int[] {(int) d(calendar).toEpochDay()},
                CalendarQuarters.of(new int[] {(int) d(fiscal).toEpochDay()}));
    }
}
