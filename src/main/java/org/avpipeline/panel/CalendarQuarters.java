package org.avpipeline.panel;

import java.time.LocalDate;

/**
 * pipeline.md §5.6: the calendar quarter a fiscal quarter is attributed to, from the month {@code m} and year
 * {@code y} of its fiscal date end: January → the previous year's December 31; February–April → March 31;
 * May–July → June 30; August–October → September 30; November–December → December 31.
 */
public final class CalendarQuarters {
    private CalendarQuarters() {}

    public static LocalDate calendarQuarterEnding(LocalDate fiscalDateEnding) {
        int y = fiscalDateEnding.getYear();
        return switch (fiscalDateEnding.getMonthValue()) {
            case 1 -> LocalDate.of(y - 1, 12, 31);
            case 2, 3, 4 -> LocalDate.of(y, 3, 31);
            case 5, 6, 7 -> LocalDate.of(y, 6, 30);
            case 8, 9, 10 -> LocalDate.of(y, 9, 30);
            default -> LocalDate.of(y, 12, 31);
        };
    }

    /** The same on epoch days, for every row. */
    public static int[] of(int[] fiscalDates) {
        int[] out = new int[fiscalDates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) calendarQuarterEnding(LocalDate.ofEpochDay(fiscalDates[i])).toEpochDay();
        }
        return out;
    }
}
