package org.avpipeline.panel;

import org.avpipeline.metrics.Metrics;

/**
 * The continuous run of one ticker's quarters with everything the daily panel takes from them: the quarterly rows
 * (§5), the calendar quarter of each (§5.6, epoch days) and the TTM of every flow metric (§6, in the order of
 * {@link Metrics#FLOW}).
 */
public record QuarterHistory(QuarterlyRows rows, int[] calendarQuarterEndings, double[][] ttm) {
    public static final QuarterHistory EMPTY = of(QuarterlyRows.EMPTY, CleaningMode.DEFAULT);

    public QuarterHistory {
        if (calendarQuarterEndings.length != rows.size() || ttm.length != Metrics.FLOW.size()) {
            throw new IllegalArgumentException("inconsistent quarter history");
        }
    }

    /** Adds calendar quarters and TTMs to a continuous run, in the default mode ({@link CleaningMode#DEFAULT}). */
    public static QuarterHistory of(QuarterlyRows run) {
        return of(run, CleaningMode.DEFAULT);
    }

    /** Adds calendar quarters and TTMs (§6, in the given mode) to a continuous run. */
    public static QuarterHistory of(QuarterlyRows run, CleaningMode mode) {
        return new QuarterHistory(run, CalendarQuarters.of(run.fiscalDates()),
                TrailingTwelveMonths.ofFlows(run, mode));
    }

    public int size() {
        return rows.size();
    }
}
