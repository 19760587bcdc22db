package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §8: one ticker's daily panel. It is built over the full price history — a quarter becomes available on
 * the price day {@link Availability} gives (by its reportedDate and reportTime) [fix], several quarters on the same
 * day in fiscal order, the market-cap columns of §7, then every column carried forward — and cut to the days on or
 * after START_DATE [fix]. It also writes §9's {@code split_adjusted_close} (the day's own close, not carried).
 *
 * <p>The panel is written only for the kept rows: the carry-forward state at START_DATE is computed from the earlier
 * rows without materializing them. Quarterly values are returned run-length encoded ({@link CarriedQuarters}) for
 * {@link PerShare}; the panel gets its date, price, fiscal/reported/calendar date, shares and market-cap columns here.
 *
 * <p>When several quarters become available on the same day, each is applied in fiscal order and a later quarter's
 * missing value does not erase an earlier quarter's present one — exactly as if the earlier quarter had been applied
 * on the row above and carried forward (§8.4).
 */
public final class DailyPanel {
    private DailyPanel() {}

    /** The panel and its carried quarterly values; {@code null} from {@link #build} when no row is kept. */
    public record Result(TickerPanel panel, CarriedQuarters carried) {}

    private static final String[] PRICE_COLUMNS = {"open", "high", "low", "adjusted_close", "volume",
            "dividend_amount", "split_coefficient"};
    private static final int DATE = ArtifactSchema.indexOf(ArtifactSchema.DATE);
    private static final int FISCAL = ArtifactSchema.indexOf(ArtifactSchema.FISCAL_DATE_ENDING);
    private static final int REPORTED = ArtifactSchema.indexOf(ArtifactSchema.REPORTED_DATE);
    private static final int CALENDAR = ArtifactSchema.indexOf(ArtifactSchema.CALENDAR_QUARTER_ENDING);
    private static final int SHARES = ArtifactSchema.indexOf(Metrics.SHARES);
    private static final int MULTIPLIER = ArtifactSchema.indexOf("post_filing_split_multiplier");
    private static final int EFFECTIVE_SHARES = ArtifactSchema.indexOf("effective_shares_outstanding");
    private static final int MARKET_CAP = ArtifactSchema.indexOf("market_cap");
    private static final int SPLIT_ADJUSTED_CLOSE = ArtifactSchema.indexOf(ArtifactSchema.SPLIT_ADJUSTED_CLOSE);
    private static final int SHARES_METRIC = Metrics.ALL.indexOf(Metrics.SHARES);

    /** The bars' dates as epoch days, in the bars' order. */
    static int[] epochDays(List<DailyBar> bars) {
        int[] days = new int[bars.size()];
        for (int i = 0; i < days.length; i++) {
            days[i] = (int) bars.get(i).date().toEpochDay();
        }
        return days;
    }

    /**
     * @param bars the ticker's full price history, ascending by date, one bar per date
     * @param quarters the continuous run (possibly empty)
     * @return the panel of the days on or after {@code startDate}, or {@code null} when there are none
     */
    public static Result build(String ticker, List<DailyBar> bars, QuarterHistory quarters, List<Split> splits,
            LocalDate startDate) {
        return build(ticker, bars, epochDays(bars), quarters, splits, startDate);
    }

    /** The same, with the bars' dates already as epoch days ({@link #epochDays}). */
    static Result build(String ticker, List<DailyBar> bars, int[] barDays, QuarterHistory quarters,
            List<Split> splits, LocalDate startDate) {
        int n = bars.size();
        int startDay = (int) startDate.toEpochDay();
        int first = lowerBound(barDays, startDay);
        int rows = n - first;
        if (rows == 0) {
            return null;
        }
        TickerPanel panel = TickerPanel.empty(ticker, rows);
        System.arraycopy(barDays, first, panel.dates(DATE), 0, rows);
        double[] close = prices(bars, first, panel);

        CarriedQuarters carried = carry(barDays, first, quarters, panel);
        double[] shares = panel.doubles(SHARES);
        double[] sharesBySegment = carried.values()[SHARES_METRIC];
        for (int s = 0; s < carried.segments(); s++) {
            Arrays.fill(shares, carried.starts()[s], carried.end(s), sharesBySegment[s]);
        }

        double[] multiplier = panel.doubles(MULTIPLIER);
        double[] effectiveShares = panel.doubles(EFFECTIVE_SHARES);
        double[] marketCap = panel.doubles(MARKET_CAP);
        List<MarketCap.ValidSplit> validSplits = MarketCap.validSplits(splits, barDays[n - 1]);
        MarketCap.fill(panel.dates(DATE), close, MarketCap.shareReports(quarters.rows(), startDay, barDays),
                validSplits, multiplier, effectiveShares, marketCap);
        MarketCap.fillSplitAdjustedClose(panel.dates(DATE), close, validSplits, panel.doubles(SPLIT_ADJUSTED_CLOSE));
        AnomalyCleaning.carryForward(multiplier);
        AnomalyCleaning.carryForward(effectiveShares);
        AnomalyCleaning.carryForward(marketCap);
        return new Result(panel, carried);
    }

    /**
     * Writes the price columns of the kept rows, each carried forward over the full history, and returns the kept
     * rows' raw closing prices (for market cap and split_adjusted_close, which use the day's own close).
     */
    private static double[] prices(List<DailyBar> bars, int first, TickerPanel panel) {
        int rows = bars.size() - first;
        double[][] out = new double[PRICE_COLUMNS.length][];
        double[] last = new double[PRICE_COLUMNS.length];
        for (int c = 0; c < out.length; c++) {
            out[c] = panel.doubles(PRICE_COLUMNS[c]);
            last[c] = Double.NaN;
            for (int i = first - 1; i >= 0; i--) {
                double v = price(bars.get(i), c);
                if (!Double.isNaN(v)) {
                    last[c] = v;
                    break;
                }
            }
        }
        double[] close = new double[rows];
        for (int r = 0; r < rows; r++) {
            DailyBar bar = bars.get(first + r);
            close[r] = bar.close();
            for (int c = 0; c < out.length; c++) {
                double v = price(bar, c);
                if (!Double.isNaN(v)) {
                    last[c] = v;
                }
                out[c][r] = last[c];
            }
        }
        return close;
    }

    private static double price(DailyBar bar, int column) {
        return switch (column) {
            case 0 -> bar.open();
            case 1 -> bar.high();
            case 2 -> bar.low();
            case 3 -> bar.adjustedClose();
            case 4 -> bar.volume();
            case 5 -> bar.dividendAmount();
            default -> bar.splitCoefficient();
        };
    }

    /**
     * Applies the quarters on the days they become available, carries the values forward, writes the fiscal,
     * reported and calendar date columns, and returns the carried quarterly values per segment.
     */
    private static CarriedQuarters carry(int[] barDays, int first, QuarterHistory quarters, TickerPanel panel) {
        int[] available = Availability.rows(barDays, quarters.rows());
        List<Integer> order = availabilityOrder(available, barDays.length);
        double[] state = new double[CarriedQuarters.COLUMNS];
        Arrays.fill(state, Double.NaN);
        int[] dates = {TickerPanel.NO_DATE, TickerPanel.NO_DATE, TickerPanel.NO_DATE}; // fiscal, reported, calendar

        int[] starts = new int[order.size() + 1];
        double[][] snapshots = new double[order.size() + 1][];
        int[][] dateSnapshots = new int[order.size() + 1][];
        int segments = 0;
        int k = 0;
        int segmentRow = first;
        while (true) {
            while (k < order.size() && available[order.get(k)] <= segmentRow) {
                apply(quarters, order.get(k++), state, dates);
            }
            starts[segments] = segmentRow - first;
            snapshots[segments] = state.clone();
            dateSnapshots[segments] = dates.clone();
            segments++;
            if (k == order.size()) {
                break;
            }
            segmentRow = available[order.get(k)];
        }

        double[][] values = new double[CarriedQuarters.COLUMNS][segments];
        for (int s = 0; s < segments; s++) {
            for (int c = 0; c < CarriedQuarters.COLUMNS; c++) {
                values[c][s] = snapshots[s][c];
            }
        }
        CarriedQuarters carried = new CarriedQuarters(barDays.length - first, Arrays.copyOf(starts, segments), values);
        writeDates(panel, carried, dateSnapshots);
        return carried;
    }

    /** The quarters (fiscal order) available within the bars, ordered by their availability row, stably. */
    private static List<Integer> availabilityOrder(int[] available, int bars) {
        List<Integer> order = new ArrayList<>(available.length);
        for (int i = 0; i < available.length; i++) {
            if (available[i] >= 0 && available[i] < bars) {
                order.add(i);
            }
        }
        order.sort((a, b) -> Integer.compare(available[a], available[b]));
        return order;
    }

    /** Quarter {@code i}'s values over the carried state (a missing value keeps the earlier one), and its dates. */
    private static void apply(QuarterHistory quarters, int i, double[] state, int[] dates) {
        QuarterlyRows q = quarters.rows();
        int metricCount = Metrics.ALL.size();
        for (int m = 0; m < metricCount; m++) {
            double v = q.metrics()[m][i];
            if (!Double.isNaN(v)) {
                state[m] = v;
            }
        }
        for (int t = 0; t < Metrics.FLOW.size(); t++) {
            double v = quarters.ttm()[t][i];
            if (!Double.isNaN(v)) {
                state[metricCount + t] = v;
            }
        }
        dates[0] = q.fiscalDates()[i];
        dates[1] = q.reportedDates()[i];
        dates[2] = quarters.calendarQuarterEndings()[i];
    }

    /** The fiscal, reported and calendar date columns, one value per segment. */
    private static void writeDates(TickerPanel panel, CarriedQuarters carried, int[][] dateSnapshots) {
        int[] fiscalColumn = panel.dates(FISCAL);
        int[] reportedColumn = panel.dates(REPORTED);
        int[] calendarColumn = panel.dates(CALENDAR);
        for (int s = 0; s < carried.segments(); s++) {
            int from = carried.starts()[s];
            int to = carried.end(s);
            Arrays.fill(fiscalColumn, from, to, dateSnapshots[s][0]);
            Arrays.fill(reportedColumn, from, to, dateSnapshots[s][1]);
            Arrays.fill(calendarColumn, from, to, dateSnapshots[s][2]);
        }
    }

    /** The first position whose value is {@code >= key} in an ascending array ({@code a.length} when none). */
    static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
