package org.avpipeline.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/**
 * The simulated exchange's calendar: weekdays except New Year's Day, Independence Day, Thanksgiving and Christmas
 * (when they fall on a weekday; no observed-day shifts).
 */
public final class TradingCalendar {
    private TradingCalendar() {}

    public static boolean isHoliday(LocalDate d) {
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        if ((m == 1 && day == 1) || (m == 7 && day == 4) || (m == 12 && day == 25)) {
            return true;
        }
        return m == 11 && d.equals(thanksgiving(d.getYear()));
    }

    public static boolean isTradingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isHoliday(d);
    }

    /** The first trading day on or after {@code d}. */
    public static LocalDate onOrAfter(LocalDate d) {
        LocalDate x = d;
        while (!isTradingDay(x)) {
            x = x.plusDays(1);
        }
        return x;
    }

    /** The last trading day on or before {@code d}. */
    public static LocalDate onOrBefore(LocalDate d) {
        LocalDate x = d;
        while (!isTradingDay(x)) {
            x = x.minusDays(1);
        }
        return x;
    }

    /** Trading days from {@code from} to {@code to} (both inclusive), as epoch days, ascending. */
    public static int[] tradingDays(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return new int[0];
        }
        int[] days = new int[(int) (to.toEpochDay() - from.toEpochDay() + 1)];
        int n = 0;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) {
                days[n++] = (int) d.toEpochDay();
            }
        }
        return java.util.Arrays.copyOf(days, n);
    }

    static LocalDate thanksgiving(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    }
}
