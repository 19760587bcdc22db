package org.avpipeline.panel;

import org.avpipeline.artifact.TickerPanel;

/**
 * pipeline.md §8.2: the price day on which a quarter becomes available [fix]. A report before the open
 * ({@code reportTime} {@code pre-market}, as Alpha Vantage spells it) is news for that day's close: the quarter is
 * available on the first price day on or after its {@code reportedDate}. Any other report ({@code post-market}, a
 * missing {@code reportTime} as in older answers, or any other value) is news for the next day's prices: available on
 * the first price day strictly after its {@code reportedDate}. A quarter without a reportedDate never becomes
 * available, and one with no such price day yet is not available yet.
 *
 * <p>The one place of this rule: the daily panel (§8.2), the share report behind the market cap (§7) and the
 * quarterly companion's {@code available_date} all ask here.
 */
public final class Availability {
    private Availability() {}

    /** The {@code reportTime} of a report published before the market opens. */
    public static final String PRE_MARKET = "pre-market";

    /** Whether a report at this time counts for its own report day (only {@code pre-market}). */
    public static boolean sameDay(String reportTime) {
        return PRE_MARKET.equals(reportTime);
    }

    /**
     * The position in {@code priceDays} of the day the quarter becomes available: {@code -1} without a reportedDate,
     * {@code priceDays.length} when no price day qualifies yet.
     *
     * @param priceDays the ticker's price days (all of them, epoch days, ascending)
     * @param reportedDate the quarter's reportedDate (epoch day), or {@link TickerPanel#NO_DATE}
     * @param reportTime the quarter's reportTime as served, or {@code null}
     */
    public static int row(int[] priceDays, int reportedDate, String reportTime) {
        if (reportedDate == TickerPanel.NO_DATE) {
            return -1;
        }
        return DailyPanel.lowerBound(priceDays, sameDay(reportTime) ? reportedDate : reportedDate + 1);
    }

    /** The day (epoch day) the quarter becomes available, or {@link TickerPanel#NO_DATE} when it is not (yet). */
    public static int day(int[] priceDays, int reportedDate, String reportTime) {
        int row = row(priceDays, reportedDate, reportTime);
        return row >= 0 && row < priceDays.length ? priceDays[row] : TickerPanel.NO_DATE;
    }

    /** {@link #row} of every quarter of the table, in its order. */
    public static int[] rows(int[] priceDays, QuarterlyRows quarters) {
        int[] out = new int[quarters.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = row(priceDays, quarters.reportedDates()[i], quarters.reportTimes()[i]);
        }
        return out;
    }

    /** {@link #day} of every quarter of the table, in its order. */
    public static int[] days(int[] priceDays, QuarterlyRows quarters) {
        int[] rows = rows(priceDays, quarters);
        int[] out = new int[rows.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[i] >= 0 && rows[i] < priceDays.length ? priceDays[rows[i]] : TickerPanel.NO_DATE;
        }
        return out;
    }
}
