package org.avpipeline.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The share basis of the universe (pipeline.md §3.4): per ticker with splits, the decision about each split, and how
 * many tickers Alpha Vantage served on each basis.
 *
 * <p>A ticker's basis: {@code AS_REPORTED} when at least one of its tested splits (groups) is as reported (its
 * untested splits inherit from the tested ones), {@code RESTATED} when it has tested splits and none is as reported,
 * {@code UNTESTED} when none of its splits could be tested (taken as restated, what Alpha Vantage serves today).
 * Only tickers with a continuous run of quarters (share counts in the artifact) are counted; those without a split
 * up to their last price day look the same on both bases and are only counted.
 *
 * @param asReported tickers whose counts were detected as reported
 * @param restated tickers whose counts were detected as restated
 * @param untested tickers with splits of which none could be tested (taken as restated)
 * @param withoutSplits tickers with a continuous run of quarters and no split that counts
 * @param tickers every such ticker with splits, in ticker order
 */
public record ShareBases(int asReported, int restated, int untested, int withoutSplits, List<TickerSplits> tickers) {
    public ShareBases {
        tickers = tickers == null ? List.of() : List.copyOf(tickers);
    }

    public static ShareBases empty() {
        return new ShareBases(0, 0, 0, 0, List.of());
    }

    /** The splits whose decision carries a warning (a suspicious ratio, or an untested split). */
    public long warningCount() {
        return tickers.stream().flatMap(t -> t.splits().stream()).filter(s -> s.warning() != null).count();
    }

    /**
     * One ticker's splits.
     *
     * @param basis {@code AS_REPORTED}, {@code RESTATED} or {@code UNTESTED} (see {@link ShareBases})
     */
    public record TickerSplits(String ticker, String basis, List<SplitDecision> splits) {
        public TickerSplits {
            Objects.requireNonNull(ticker, "ticker");
            splits = splits == null ? List.of() : List.copyOf(splits);
        }
    }

    /**
     * The decision about one split.
     *
     * @param date effective date
     * @param factor split factor {@code k}
     * @param groupFactor {@code K}: the product of the factors tested together (same quarters before and after);
     *     {@code null} when untested
     * @param ratio {@code r}: shares of the quarter after over shares of the quarter before; {@code null} when untested
     * @param basis {@code AS_REPORTED} or {@code RESTATED}
     * @param evidence {@code TESTED}, {@code INHERITED} (from the nearest tested split) or {@code ASSUMED} (restated:
     *     the ticker has no tested split)
     * @param quarterBefore fiscal date of the last quarter reported before the split ({@code null} if none)
     * @param quarterAfter fiscal date of the first quarter reported on or after it ({@code null} if none)
     * @param warning why the decision is doubtful, {@code null} when it is not
     */
    public record SplitDecision(LocalDate date, double factor, Double groupFactor, Double ratio, String basis,
            String evidence, LocalDate quarterBefore, LocalDate quarterAfter, String warning) {
        public SplitDecision {
            Objects.requireNonNull(date, "date");
        }
    }
}
