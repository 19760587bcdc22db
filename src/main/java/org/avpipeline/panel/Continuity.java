package org.avpipeline.panel;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * pipeline.md §5.5: keep only month-end quarter rows, then only the longest run of consecutive quarters (each the
 * month end three months after the previous); ties go to the earliest run.
 */
public final class Continuity {
    private Continuity() {}

    /** The positions (ascending) of the rows of the longest continuous run; empty when no row is a month end. */
    public static int[] longestRun(int[] fiscalDates) {
        int n = fiscalDates.length;
        int[] monthEnds = new int[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (isMonthEnd(fiscalDates[i])) {
                monthEnds[count++] = i;
            }
        }
        if (count == 0) {
            return new int[0];
        }
        int bestStart = 0;
        int bestLength = 1;
        int start = 0;
        for (int k = 1; k < count; k++) {
            if (!followsByOneQuarter(fiscalDates[monthEnds[k - 1]], fiscalDates[monthEnds[k]])) {
                start = k;
            }
            int length = k - start + 1;
            if (length > bestLength) {
                bestLength = length;
                bestStart = start;
            }
        }
        return java.util.Arrays.copyOfRange(monthEnds, bestStart, bestStart + bestLength);
    }

    /** The rows of the table's longest continuous run. */
    public static QuarterlyRows apply(QuarterlyRows rows) {
        return rows.select(longestRun(rows.fiscalDates()));
    }

    public static boolean isMonthEnd(int epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return d.getDayOfMonth() == d.lengthOfMonth();
    }

    /** Whether {@code next} is the last day of the month three months after {@code previous}'s month. */
    public static boolean followsByOneQuarter(int previous, int next) {
        LocalDate expected = YearMonth.from(LocalDate.ofEpochDay(previous)).plusMonths(3).atEndOfMonth();
        return expected.toEpochDay() == next;
    }
}
