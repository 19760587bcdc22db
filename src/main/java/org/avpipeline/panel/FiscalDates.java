package org.avpipeline.panel;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;

/**
 * pipeline.md §3.0 [fix]: a fiscal period end within 7 days of a month's last day is moved to that day, in the
 * statements and in earnings; rows that collide afterwards keep the first in response order.
 */
public final class FiscalDates {
    private FiscalDates() {}

    /** How many days a period end may be from a month end and still be moved to it. */
    public static final int MAX_DISTANCE_DAYS = 7;

    /**
     * The nearest month end within 7 days: the last day of the date's own month when it is at most 7 days away,
     * else the last day of the month before when that is at most 7 days away, else the date itself.
     */
    public static LocalDate normalize(LocalDate date) {
        LocalDate endOfMonth = date.withDayOfMonth(date.lengthOfMonth());
        if (ChronoUnit.DAYS.between(date, endOfMonth) <= MAX_DISTANCE_DAYS) {
            return endOfMonth;
        }
        LocalDate endOfPreviousMonth = date.withDayOfMonth(1).minusDays(1);
        if (ChronoUnit.DAYS.between(endOfPreviousMonth, date) <= MAX_DISTANCE_DAYS) {
            return endOfPreviousMonth;
        }
        return date;
    }

    /**
     * The statement's reports with normalized fiscal dates, in response order; of reports that share a (normalized)
     * date only the first is kept. Reports without a fiscal date are dropped.
     */
    public static List<StatementReport> statements(List<StatementReport> reports) {
        List<StatementReport> out = new ArrayList<>(reports.size());
        Set<LocalDate> seen = new HashSet<>();
        for (StatementReport r : reports) {
            if (r.fiscalDateEnding() == null) {
                continue;
            }
            LocalDate d = normalize(r.fiscalDateEnding());
            if (seen.add(d)) {
                out.add(d.equals(r.fiscalDateEnding()) ? r : r.withFiscalDateEnding(d));
            }
        }
        return out;
    }

    /** The same for earnings rows. */
    public static List<EarningsReport> earnings(List<EarningsReport> reports) {
        List<EarningsReport> out = new ArrayList<>(reports.size());
        Set<LocalDate> seen = new HashSet<>();
        for (EarningsReport r : reports) {
            if (r.fiscalDateEnding() == null) {
                continue;
            }
            LocalDate d = normalize(r.fiscalDateEnding());
            if (seen.add(d)) {
                out.add(d.equals(r.fiscalDateEnding()) ? r
                        : new EarningsReport(d, r.reportedDate(), r.reportTime(), r.reportedEPS()));
            }
        }
        return out;
    }
}
