package org.avpipeline.report;

/**
 * The tolerances of the outcome rules (README, "Outcome of a run"); each is a flag and an environment variable.
 *
 * @param maxLostTickers tickers of the previous artifact that may be missing from this one (default 0)
 * @param maxRowDropPercent how far the row count may fall below the previous artifact's, in percent (default 1)
 * @param maxFailedPercent the share of requested (ticker, data type) answers that may fail, in percent (default 10);
 *     "unknown symbol" answers do not count: they are answers
 */
public record OutcomeThresholds(int maxLostTickers, double maxRowDropPercent, double maxFailedPercent) {
    public static final int DEFAULT_MAX_LOST_TICKERS = 0;
    public static final double DEFAULT_MAX_ROW_DROP_PERCENT = 1.0;
    public static final double DEFAULT_MAX_FAILED_PERCENT = 10.0;

    public OutcomeThresholds {
        if (maxLostTickers < 0) {
            throw new IllegalArgumentException("max lost tickers must be >= 0: " + maxLostTickers);
        }
        if (!(maxRowDropPercent >= 0 && maxRowDropPercent <= 100)) {
            throw new IllegalArgumentException("max row drop must be within 0..100 %: " + maxRowDropPercent);
        }
        if (!(maxFailedPercent >= 0 && maxFailedPercent <= 100)) {
            throw new IllegalArgumentException("max failed share must be within 0..100 %: " + maxFailedPercent);
        }
    }

    public static OutcomeThresholds defaults() {
        return new OutcomeThresholds(DEFAULT_MAX_LOST_TICKERS, DEFAULT_MAX_ROW_DROP_PERCENT,
                DEFAULT_MAX_FAILED_PERCENT);
    }
}
