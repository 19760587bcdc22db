package org.avpipeline.panel;

/**
 * The parameters of statement hygiene and anomaly cleaning (pipeline.md §3.3 and §4).
 *
 * @param threshold stage 1: a value is a spike when it is more than this many scaled MADs from the baseline median
 * @param lookback stage 1: how many rows before a position the baseline reaches
 * @param lookahead stage 1: how many rows after a position the baseline reaches
 * @param minBaseline stage 1: a position whose baseline has fewer positions than this is never flagged
 * @param endWindow stage 2: only flags in the last this-many rows are repaired
 * @param endThreshold stage 2: a change is a jump when it is more than this many (unscaled) MADs from the median
 * @param minObs the minimum number of quarter rows a statement needs (§3.3), and of defined changes in stage 2
 */
public record CleaningParameters(double threshold, int lookback, int lookahead, int minBaseline, int endWindow,
        double endThreshold, int minObs) {

    /** The spec's values: threshold 4, lookback 5, lookahead 5, baseline of at least 6, end window 5, end threshold 3, min_obs 10. */
    public static final CleaningParameters DEFAULT = new CleaningParameters(4, 5, 5, 6, 5, 3, 10);

    public CleaningParameters {
        if (lookback < 0 || lookahead < 0 || minBaseline < 0 || endWindow < 0 || minObs < 0) {
            throw new IllegalArgumentException("cleaning parameters must not be negative");
        }
        if (Double.isNaN(threshold) || Double.isNaN(endThreshold)) {
            throw new IllegalArgumentException("thresholds must be numbers");
        }
    }

    /** Stage 1 flags spikes only in columns with at least this many rows ({@code lookback + lookahead + 3}). */
    public int minRowsForSpikes() {
        return lookback + lookahead + 3;
    }
}
