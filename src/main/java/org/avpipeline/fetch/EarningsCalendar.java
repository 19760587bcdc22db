package org.avpipeline.fetch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.avpipeline.alphavantage.CalendarEntry;

/**
 * The earnings calendars a run knows: the one stored by the previous run (it lists the reports from its day on, so
 * also those that fell since) and the one fetched by this run.
 *
 * @param previousDay the day the stored calendar was fetched, or null when there is none
 * @param previous its rows
 * @param currentDay the day this run fetched one, or null when it did not (not needed, or the fetch failed)
 * @param current its rows
 */
public record EarningsCalendar(LocalDate previousDay, List<CalendarEntry> previous, LocalDate currentDay,
        List<CalendarEntry> current) {
    public EarningsCalendar {
        previous = List.copyOf(previous);
        current = List.copyOf(current);
    }

    /** No calendar at all. */
    public static EarningsCalendar none() {
        return new EarningsCalendar(null, List.of(), null, List.of());
    }

    /** A ticker's rows in both calendars. */
    public List<CalendarEntry> entries(String ticker) {
        List<CalendarEntry> out = new ArrayList<>();
        for (CalendarEntry e : previous) {
            if (e.symbol().equals(ticker)) {
                out.add(e);
            }
        }
        for (CalendarEntry e : current) {
            if (e.symbol().equals(ticker)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Whether the stored calendar vouches for the ticker: it exists and lists the ticker's next report, so a report
     * since then that it does not list did not happen.
     */
    public boolean previousLists(String ticker) {
        return previousDay != null && previous.stream().anyMatch(e -> e.symbol().equals(ticker));
    }
}
