package org.avpipeline.panel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §7: shares and market cap on each price day from the share report that became available last by that
 * day ({@link Availability}, the same day the panel's other fundamentals switch). The report's count is on the current
 * basis (§3.4); the splits dated after the day bring it back to the day's own basis, the basis of its close [fix], so
 * market cap is continuous across a split. The same splits bring the day's close to the current basis (§9,
 * {@code split_adjusted_close}).
 */
public final class MarketCap {
    private MarketCap() {}

    /** One share report: the day its quarter becomes available, its fiscal date (epoch days) and its shares. */
    public record ShareReport(int availableDate, int fiscalDate, double shares) {}

    /** A split that counts (§3.4): its effective date (epoch day) and a positive, finite factor other than 1. */
    public record ValidSplit(int effectiveDate, double factor) {}

    /**
     * The share reports of a continuous run: quarters with {@code fiscalDateEnding >= START_DATE}, a reportedDate,
     * {@code commonStockSharesOutstanding > 0} and an availability day among the price days (§8.2), ordered by that
     * day, then fiscal date.
     *
     * @param priceDays the ticker's price days (all of them, ascending, epoch days)
     */
    public static List<ShareReport> shareReports(QuarterlyRows rows, int startDay, int[] priceDays) {
        double[] shares = rows.metric(Metrics.SHARES);
        int[] available = Availability.days(priceDays, rows);
        List<ShareReport> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.fiscalDates()[i] >= startDay && available[i] != TickerPanel.NO_DATE && shares[i] > 0) {
                out.add(new ShareReport(available[i], rows.fiscalDates()[i], shares[i]));
            }
        }
        out.sort(Comparator.comparingInt(ShareReport::availableDate).thenComparingInt(ShareReport::fiscalDate));
        return out;
    }

    /** The splits of §3.4 ({@link ShareBasis#validSplits}), by effective date. */
    public static List<ValidSplit> validSplits(List<Split> splits, int lastPriceDay) {
        return ShareBasis.validSplits(splits, lastPriceDay);
    }

    /**
     * {@code K(day)}, the product of the factors of the splits dated after {@code day} (1 on and after the last
     * split): what turns a count or a price of day {@code day}'s basis into the current basis. The one place of the
     * "splits after d" rule.
     */
    public static double splitsAfter(List<ValidSplit> splits, int day) {
        double product = 1;
        for (ValidSplit s : splits) {
            if (s.effectiveDate() > day) {
                product *= s.factor();
            }
        }
        return product;
    }

    /**
     * {@code 1 / K(day)} [fix]: the factor that brings a current-basis count back to day {@code day}'s own basis, the
     * basis of that day's close (1 on and after the last split).
     */
    public static double postFilingSplitMultiplier(List<ValidSplit> splits, int day) {
        return 1 / splitsAfter(splits, day);
    }

    /**
     * §9: {@code close / K(day)}, the day's own close on the current split basis, the basis of every per-share value;
     * missing when the close is missing or not > 0.
     */
    public static double splitAdjustedClose(double close, List<ValidSplit> splits, int day) {
        return close > 0 ? close / splitsAfter(splits, day) : Double.NaN;
    }

    /** Writes {@link #splitAdjustedClose} of every row. */
    public static void fillSplitAdjustedClose(int[] days, double[] close, List<ValidSplit> splits, double[] out) {
        for (int r = 0; r < days.length; r++) {
            out[r] = splitAdjustedClose(close[r], splits, days[r]);
        }
    }

    /**
     * Writes the three market-cap columns on the price days (rows with {@code close > 0}; all rows are on or after
     * START_DATE) that have a share report; other rows are left as they are.
     *
     * @param days the rows' dates, ascending
     * @param close the rows' closing prices
     * @param reports the share reports ({@link #shareReports}), by availability day
     * @param splits the splits of §3.4 ({@link #validSplits}), by effective date
     */
    public static void fill(int[] days, double[] close, List<ShareReport> reports, List<ValidSplit> splits,
            double[] multiplier, double[] effectiveShares, double[] marketCap) {
        int next = 0;
        ShareReport current = null;
        for (int r = 0; r < days.length; r++) {
            int d = days[r];
            while (next < reports.size() && reports.get(next).availableDate() <= d) {
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
