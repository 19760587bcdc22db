package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.List;
import org.avpipeline.alphavantage.CompanyOverview;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.metrics.Metrics;

/**
 * One ticker's rows of the three companion files (artifact.md, "Companion artifacts"), from what its build already
 * has: the continuous run of quarters as the panel receives them, the price bars, and the OVERVIEW. Pure functions.
 */
public final class CompanionRows {
    private CompanionRows() {}

    private static final int SHARES_METRIC = Metrics.ALL.indexOf(Metrics.SHARES);

    /**
     * The quarterly rows: every quarter of the continuous run (whole history, fiscal order) with its available_date,
     * the price day it becomes available by its reportedDate and reportTime ({@link Availability}, pipeline.md §8.2;
     * missing without a reportedDate or when no price day qualifies yet), and its values as the panel receives them
     * on that day, before carrying forward; here without annual reports, so {@code annual_check} is missing.
     *
     * @param barDays the ticker's price days (full history, ascending, epoch days)
     * @return the rows, or {@code null} when the ticker has no continuous run
     */
    public static TableRows quarters(String ticker, QuarterHistory history, int[] barDays) {
        return quarters(ticker, history, QuarterChecks.withoutAnnualReports(history.rows()), barDays);
    }

    /** The same with the checks of the run (pipeline.md §4.1) in the last columns. */
    public static TableRows quarters(String ticker, QuarterHistory history, QuarterChecks checks, int[] barDays) {
        int n = history.size();
        if (n == 0) {
            return null;
        }
        QuarterlyRows q = history.rows();
        TableRows out = TableRows.empty(CompanionSchemas.QUARTERLY, ticker, n);
        System.arraycopy(q.fiscalDates(), 0, out.dates(ArtifactSchema.FISCAL_DATE_ENDING), 0, n);
        System.arraycopy(q.reportedDates(), 0, out.dates(ArtifactSchema.REPORTED_DATE), 0, n);
        System.arraycopy(history.calendarQuarterEndings(), 0, out.dates(ArtifactSchema.CALENDAR_QUARTER_ENDING), 0, n);
        System.arraycopy(Availability.days(barDays, q), 0, out.dates(CompanionSchemas.AVAILABLE_DATE), 0, n);
        System.arraycopy(q.reportTimes(), 0, out.strings(CompanionSchemas.REPORT_TIME), 0, n);
        System.arraycopy(q.metrics()[SHARES_METRIC], 0, out.doubles(Metrics.SHARES), 0, n);
        for (String column : CompanionSchemas.QUARTERLY_METRICS) {
            double[] source = column.endsWith(Metrics.TTM)
                    ? history.ttm()[Metrics.FLOW.indexOf(column.substring(0, column.length() - Metrics.TTM.length()))]
                    : q.metric(column);
            System.arraycopy(source, 0, out.doubles(column), 0, n);
        }
        System.arraycopy(checks.annualCheck(), 0, out.strings(CompanionSchemas.ANNUAL_CHECK), 0, n);
        System.arraycopy(checks.balanceGap(), 0, out.doubles(CompanionSchemas.BALANCE_GAP), 0, n);
        return out;
    }

    /**
     * The price rows: the bars on or after {@code startDate} as the daily series gives them (one per date, ascending),
     * or {@code null} when there are none.
     */
    public static TableRows prices(String ticker, List<DailyBar> bars, LocalDate startDate) {
        return prices(ticker, bars, DailyPanel.epochDays(bars), startDate);
    }

    /** The same, with the bars' dates already as epoch days. */
    static TableRows prices(String ticker, List<DailyBar> bars, int[] barDays, LocalDate startDate) {
        int first = DailyPanel.lowerBound(barDays, (int) startDate.toEpochDay());
        int n = bars.size() - first;
        if (n == 0) {
            return null;
        }
        TableRows out = TableRows.empty(CompanionSchemas.PRICES, ticker, n);
        int[] date = out.dates(ArtifactSchema.DATE);
        double[][] columns = new double[CompanionSchemas.PRICE_COLUMNS.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = out.doubles(CompanionSchemas.PRICE_COLUMNS.get(c));
        }
        for (int r = 0; r < n; r++) {
            DailyBar b = bars.get(first + r);
            date[r] = barDays[first + r];
            columns[0][r] = b.open();
            columns[1][r] = b.high();
            columns[2][r] = b.low();
            columns[3][r] = b.close();
            columns[4][r] = b.adjustedClose();
            columns[5][r] = b.volume();
            columns[6][r] = b.dividendAmount();
            columns[7][r] = b.splitCoefficient();
        }
        return out;
    }

    /** The company profile row of an OVERVIEW, or {@code null} when there is none. */
    public static TableRows profile(String ticker, CompanyOverview overview) {
        if (overview == null) {
            return null;
        }
        TableRows out = TableRows.empty(CompanionSchemas.PROFILES, ticker, 1);
        String[] values = {overview.name(), overview.cik(), overview.exchange(), overview.currency(),
                overview.country(), overview.sector(), overview.industry(), overview.fiscalYearEnd()};
        for (int i = 0; i < values.length; i++) {
            out.strings(CompanionSchemas.PROFILE_TEXT.get(i))[0] = values[i];
        }
        if (overview.fetchedAt() != null) {
            out.timestamps(CompanionSchemas.FETCHED_AT)[0] = overview.fetchedAt().toEpochMilli();
        }
        return out;
    }
}
