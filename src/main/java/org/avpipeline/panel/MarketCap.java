package org.avpipeline.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.artifact.TickerPanel;

/**
 * pipeline.md §7: shares and market cap on each price day from the latest share report filed by that day, adjusted
 * by the splits that took effect after the filing [fix].
 */
public final class MarketCap {
    private MarketCap() {}

    /** One share report: a quarter's filing date, fiscal date (epoch days) and shares outstanding. */
    public record ShareReport(int reportedDate, int fiscalDate, double shares) {}

    /** A split that counts: its effective date (epoch day) and a positive, finite factor. */
    public record ValidSplit(int effectiveDate, double factor) {}

    /**
     * The share reports of a continuous run: quarters with {@code fiscalDateEnding >= START_DATE}, a reportedDate and
     * {@code commonStockSharesOutstanding > 0}, ordered by reportedDate, then fiscal date.
     */
    public static List<ShareReport> shareReports(QuarterlyRows rows, int startDay) {
        double[] shares = rows.metric(Metrics.SHARES);
        List<ShareReport> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.fiscalDates()[i] >= startDay && rows.reportedDates()[i] != TickerPanel.NO_DATE
                    && shares[i] > 0) {
                out.add(new ShareReport(rows.reportedDates()[i], rows.fiscalDates()[i], shares[i]));
            }
        }
        out.sort(Comparator.comparingInt(ShareReport::reportedDate).thenComparingInt(ShareReport::fiscalDate));
        return out;
    }

    /**
     * Splits with a present, positive (and finite) factor, by effective date; missing, zero and negative factors are
     * ignored.
     */
    public static List<ValidSplit> validSplits(List<Split> splits) {
        List<ValidSplit> out = new ArrayList<>();
        for (Split s : splits) {
            if (s.effectiveDate() != null && Double.isFinite(s.factor()) && s.factor() > 0) {
                out.add(new ValidSplit((int) s.effectiveDate().toEpochDay(), s.factor()));
            }
        }
        out.sort(Comparator.comparingInt(ValidSplit::effectiveDate));
        return out;
    }

    /** The product of the factors of the splits with {@code reportedDate < effective_date <= day}, in date order. */
    public static double postFilingSplitMultiplier(List<ValidSplit> splits, int reportedDate, int day) {
        double product = 1;
        for (ValidSplit s : splits) {
            if (s.effectiveDate() > day) {
                break;
            }
            if (s.effectiveDate() > reportedDate) {
                product *= s.factor();
            }
        }
        return product;
    }

    /**
     * Writes the three market-cap columns on the price days (rows with {@code close > 0}; all rows are on or after
     * START_DATE) that have a share report; other rows are left as they are.
     *
     * @param days the rows' dates, ascending
     * @param close the rows' closing prices
     */
    public static void fill(int[] days, double[] close, List<ShareReport> reports, List<ValidSplit> splits,
            double[] multiplier, double[] effectiveShares, double[] marketCap) {
        int next = 0;
        ShareReport current = null;
        for (int r = 0; r < days.length; r++) {
            int d = days[r];
            while (next < reports.size() && reports.get(next).reportedDate() <= d) {
                current = reports.get(next++);
            }
            if (current == null || !(close[r] > 0)) {
                continue;
            }
            double m = postFilingSplitMultiplier(splits, current.reportedDate(), d);
            double shares = current.shares() * m;
            multiplier[r] = m;
            effectiveShares[r] = shares;
            marketCap[r] = close[r] * shares / 1e6;
        }
    }
}
