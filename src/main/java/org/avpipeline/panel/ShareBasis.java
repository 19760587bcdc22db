package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §3.4 [fix]: brings the balance sheet's {@code commonStockSharesOutstanding} to the current basis (as if
 * every split up to the last price day had already happened: the basis of {@code adjusted_close}). Alpha Vantage
 * serves counts either as reported (each quarter on the basis of its report date) or restated to today's basis,
 * without saying which; this step decides per split from the count's own jump across it.
 *
 * <p>Runs on the balance sheet after §3.0–3.3 and before anomaly cleaning (§4), which would otherwise take an
 * as-reported split's jump near the end of the series for an anomaly.
 */
public final class ShareBasis {
    private ShareBasis() {}

    /** A tested group's ratio is suspicious when it is outside both {@code [K/1.5, 1.5K]} and {@code [1/1.5, 1.5]}. */
    public static final double PLAUSIBLE_RATIO = 1.5;

    /** On which basis Alpha Vantage served the counts around a split. */
    public enum Basis {
        /** Each quarter's count is on the basis of its report date: the count jumps by about the split's factor. */
        AS_REPORTED,
        /** Every count is already on today's basis: nothing to do. */
        RESTATED
    }

    /** How a split's basis was decided. */
    public enum Evidence {
        /** From the quarters reported just before and just after it (alone or in a group with the same quarters). */
        TESTED,
        /** Not testable (no quarter reported before or after it): the basis of the nearest tested split. */
        INHERITED,
        /** Not testable, and the ticker has no tested split: restated, what Alpha Vantage serves today. */
        ASSUMED
    }

    /** A ticker's basis, for the run's count: what its splits say about the counts Alpha Vantage served. */
    public enum TickerBasis {
        /** No split in the ticker's SPLITS up to its last price day: both bases are the same. */
        NO_SPLITS,
        /** At least one tested split (group) is as reported. */
        AS_REPORTED,
        /** It has tested splits and none is as reported. */
        RESTATED,
        /** It has splits but none could be tested: taken as restated. */
        UNTESTED
    }

    /**
     * The decision about one split.
     *
     * @param date the split's effective date
     * @param factor its factor {@code k}
     * @param groupFactor {@code K}, the product of the factors of the splits tested with the same two quarters (NaN
     *     when the split was not tested)
     * @param ratio {@code r = shares(b) / shares(a)} of its group (NaN when not tested)
     * @param basis the decision
     * @param evidence tested, inherited or assumed
     * @param before the fiscal date of quarter {@code a}, the last one reported before the split ({@code null} if none)
     * @param after the fiscal date of quarter {@code b}, the first one reported on or after it ({@code null} if none)
     * @param warning why the decision is doubtful (an untested split, or a tested ratio that matches neither basis);
     *     {@code null} when there is nothing to say
     */
    public record SplitBasis(LocalDate date, double factor, double groupFactor, double ratio, Basis basis,
            Evidence evidence, LocalDate before, LocalDate after, String warning) {
        public SplitBasis {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(basis, "basis");
            Objects.requireNonNull(evidence, "evidence");
        }

        public boolean tested() {
            return evidence == Evidence.TESTED;
        }
    }

    /** The balance sheet with current-basis counts, and the decision about every split (by date). */
    public record Outcome(StatementTable table, List<SplitBasis> splits) {
        public Outcome {
            Objects.requireNonNull(table, "table");
            splits = List.copyOf(splits);
        }
    }

    /**
     * The splits that count (§3.4): a present date, a finite factor {@code k > 0}, {@code k != 1}, and
     * {@code effective_date <= lastPriceDay} (a split announced for later is not in the prices yet), by date (the
     * order of the answer among splits of the same date).
     *
     * @param lastPriceDay the ticker's last price day (epoch day); {@link Integer#MIN_VALUE} when it has no prices
     */
    public static List<MarketCap.ValidSplit> validSplits(List<Split> splits, int lastPriceDay) {
        List<MarketCap.ValidSplit> out = new ArrayList<>();
        for (Split s : splits) {
            if (s.effectiveDate() != null && Double.isFinite(s.factor()) && s.factor() > 0 && s.factor() != 1
                    && s.effectiveDate().toEpochDay() <= lastPriceDay) {
                out.add(new MarketCap.ValidSplit((int) s.effectiveDate().toEpochDay(), s.factor()));
            }
        }
        out.sort(Comparator.comparingInt(MarketCap.ValidSplit::effectiveDate));
        return out;
    }

    /**
     * §3.4 on one ticker's balance sheet.
     *
     * @param balance the balance sheet after §3.0–3.3 (ascending fiscal dates)
     * @param earnings the ticker's earnings rows with normalized fiscal dates and no duplicates
     *     ({@link FiscalDates#earnings})
     * @param splits the ticker's SPLITS rows as answered
     * @param lastPriceDay the ticker's last price day (epoch day); {@link Integer#MIN_VALUE} when it has no prices
     */
    public static Outcome apply(StatementTable balance, List<EarningsReport> earnings, List<Split> splits,
            int lastPriceDay) {
        List<MarketCap.ValidSplit> valid = validSplits(splits, lastPriceDay);
        int column = balance.metrics().indexOf(Metrics.SHARES);
        if (valid.isEmpty() || column < 0) {
            return new Outcome(balance, List.of());
        }
        int n = balance.rows();
        int[] fiscal = balance.fiscalDates();
        double[] shares = balance.columns()[column];
        int[] reported = reportDates(fiscal, earnings);
        SplitQuarters around = SplitQuarters.of(valid, n, shares, reported);
        SplitDecisions decided = new SplitDecisions(valid.size());
        decided.decideTestedGroups(valid, shares, fiscal, around);
        decided.inheritUntested(valid, around);
        double[][] columns = balance.columns().clone();
        columns[column] = currentBasis(n, shares, fiscal, reported, valid, decided.basis);
        return new Outcome(balance.withColumns(columns), splitBases(valid, fiscal, around, decided));
    }

    /**
     * §3.4: every count of the first {@code n} rows times the factors of the as-reported splits dated after its
     * report date (else its fiscal date).
     */
    private static double[] currentBasis(int n, double[] shares, int[] fiscal, int[] reported,
            List<MarketCap.ValidSplit> valid, Basis[] basis) {
        double[] adjusted = shares.clone();
        for (int i = 0; i < n; i++) {
            int since = reported[i] == NO_DATE ? fiscal[i] : reported[i];
            double factor = 1;
            for (int s = 0; s < valid.size(); s++) {
                if (basis[s] == Basis.AS_REPORTED && valid.get(s).effectiveDate() > since) {
                    factor *= valid.get(s).factor();
                }
            }
            adjusted[i] = shares[i] * factor;
        }
        return adjusted;
    }

    /** The decision about every split, by date, as the run's manifest and report show it. */
    private static List<SplitBasis> splitBases(List<MarketCap.ValidSplit> valid, int[] fiscal,
            SplitQuarters around, SplitDecisions decided) {
        int[] a = around.a();
        int[] b = around.b();
        List<SplitBasis> out = new ArrayList<>(valid.size());
        for (int s = 0; s < valid.size(); s++) {
            out.add(new SplitBasis(LocalDate.ofEpochDay(valid.get(s).effectiveDate()), valid.get(s).factor(),
                    decided.groupFactor[s], decided.ratio[s], decided.basis[s], decided.evidence[s],
                    a[s] < 0 ? null : LocalDate.ofEpochDay(fiscal[a[s]]),
                    b[s] < 0 ? null : LocalDate.ofEpochDay(fiscal[b[s]]), decided.warning[s]));
        }
        return out;
    }

    /** The count jumped by about {@code K}: {@code |ln r - ln K| < |ln r|}. */
    public static boolean isAsReported(double r, double k) {
        return Math.abs(Math.log(r) - Math.log(k)) < Math.abs(Math.log(r));
    }

    /** {@code r} is outside both {@code [K/1.5, 1.5K]} and {@code [1/1.5, 1.5]}. */
    public static boolean isSuspicious(double r, double k) {
        boolean nearK = r >= k / PLAUSIBLE_RATIO && r <= k * PLAUSIBLE_RATIO;
        boolean nearOne = r >= 1 / PLAUSIBLE_RATIO && r <= PLAUSIBLE_RATIO;
        return !nearK && !nearOne;
    }

    /**
     * A ticker's basis from its split decisions: as reported when any tested split is (the inherited ones follow the
     * tested ones), restated when it has tested splits and none is, untested when it has splits but none was tested.
     */
    public static TickerBasis tickerBasis(List<SplitBasis> splits) {
        if (splits.isEmpty()) {
            return TickerBasis.NO_SPLITS;
        }
        boolean tested = false;
        for (SplitBasis s : splits) {
            if (s.tested()) {
                if (s.basis() == Basis.AS_REPORTED) {
                    return TickerBasis.AS_REPORTED;
                }
                tested = true;
            }
        }
        return tested ? TickerBasis.RESTATED : TickerBasis.UNTESTED;
    }

    /** No report date for a row (no earnings row of its fiscal date, or one without a reportedDate). */
    static final int NO_DATE = Integer.MIN_VALUE;

    /** The reportedDate of the earnings row of each fiscal date, {@link #NO_DATE} when there is none. */
    private static int[] reportDates(int[] fiscal, List<EarningsReport> earnings) {
        Map<Integer, Integer> byFiscal = new HashMap<>();
        for (EarningsReport e : earnings) {
            if (e.fiscalDateEnding() != null) {
                byFiscal.putIfAbsent((int) e.fiscalDateEnding().toEpochDay(),
                        e.reportedDate() == null ? NO_DATE : (int) e.reportedDate().toEpochDay());
            }
        }
        int[] out = new int[fiscal.length];
        for (int i = 0; i < fiscal.length; i++) {
            out[i] = byFiscal.getOrDefault(fiscal[i], NO_DATE);
        }
        return out;
    }
}
