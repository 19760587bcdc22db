package org.avpipeline.report;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The run's restatements (pipeline.md §8a, artifact.md {@code statement_restatements.parquet}) for the report: how many
 * values changed per statement, the largest changes, and how many panel rows differ from a build on today's answers
 * alone.
 *
 * @param byStatement restated values per statement function (by name), only non-zero counts
 * @param largest the largest changes by relative change |after - before| / max(|before|, |after|), at most {@link #TOP}
 * @param panelRowsDiffering panel rows whose values come from an older set of answers and differ from the row the
 *     current answers give on the same day
 */
public record RestatementFacts(List<ReasonCount> byStatement, List<RestatedValue> largest, long panelRowsDiffering) {
    /** How many changes the manifest keeps. */
    public static final int TOP = 20;

    public RestatementFacts {
        byStatement = byStatement == null ? List.of() : List.copyOf(byStatement);
        largest = largest == null ? List.of() : List.copyOf(largest);
    }

    /** One changed value: what it was, what it became, and from which day the new value holds. */
    public record RestatedValue(String ticker, String statement, LocalDate fiscalDateEnding, String metric,
            Double before, Double after, LocalDate validFrom) {
        /** |after - before| relative to the larger magnitude; a value that appears or disappears counts as 1. */
        public double relativeChange() {
            if (before == null || after == null || before.isNaN() || after.isNaN()) {
                return 1;
            }
            double scale = Math.max(Math.abs(before), Math.abs(after));
            return scale == 0 ? 0 : Math.abs(after - before) / scale;
        }
    }

    /** The total of restated values. */
    public long total() {
        return byStatement.stream().mapToLong(ReasonCount::count).sum();
    }

    /** The largest {@link #TOP} of these changes (ties by ticker, statement, quarter, metric). */
    public static List<RestatedValue> largest(List<RestatedValue> changes) {
        return changes.stream()
                .sorted(Comparator.comparingDouble(RestatedValue::relativeChange).reversed()
                        .thenComparing(RestatedValue::ticker).thenComparing(RestatedValue::statement)
                        .thenComparing(RestatedValue::fiscalDateEnding).thenComparing(RestatedValue::metric))
                .limit(TOP)
                .toList();
    }
}
