package org.avpipeline.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.artifact.TickerPanel;

/**
 * pipeline.md §7: shares and market cap on each price day from the latest share report filed by that day. The
 * report's count is on the current basis (§3.4); the splits dated after the day bring it back to the day's own basis,
 * the basis of its close [fix], so market cap is continuous across a split.
 */
public final class MarketCap {
    private MarketCap() {}

    /** One share report: a quarter's filing date, fiscal date (epoch days) and shares outstanding. */
    public record ShareReport(int reportedDate, int fiscalDate, double shares) {}

    /** A split that counts (§3.4): its effective date (epoch day) and a positive, finite factor other than 1. */
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

    /** The splits of §3.4 ({@link ShareBasis#validSplits}), by effective date. */
    public static List<ValidSplit> validSplits(List<Split> splits, int lastPriceDay) {
        return ShareBasis.validSplits(splits, lastPriceDay);
    }

    /**
     * {@code 1 / product of k} over the splits dated after {@code day} [fix]: the factor that brings a current-basis
     * count back to day {@code day}'s own basis, the basis of that day's close (1 on and after the last split).
     */
    public static double postFilingSplitMultiplier(List<ValidSplit> splits, int day) {
        double product = 1;
        for (ValidSplit s : splits) {
            if (s.effectiveDate() > day) {
                product *= s.factor();
            }
        }
        return 1 / product;
    }

    /**
     * Writes the three market-cap columns on the price days (rows with {@code close > 0}; all rows are on or after
     * START_DATE) that have a share report; other rows are left as they are.
     *
     * @param days the rows' dates, ascending
     * @param close the rows' closing prices
     * @param splits the splits of §3.4 ({@link #validSplits}), by effective date
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
            double m = postFilingSplitMultiplier(splits, d);
            double shares = current.shares() * m;
            multiplier[r] = m;
            effectiveShares[r] = shares;
            marketCap[r] = close[r] * shares / 1e6;
        }
    }
}
