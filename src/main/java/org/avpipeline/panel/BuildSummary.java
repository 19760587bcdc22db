package org.avpipeline.panel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts of one universe build, collected while it ran, for the summary, manifest, report and notification.
 *
 * @param tickersInUniverse distinct tickers asked for
 * @param withPrices built tickers with at least one price row (any date)
 * @param withUsableStatements built tickers with a continuous run of quarters
 * @param inArtifact tickers with rows in the artifact
 * @param failed tickers that could not be loaded or built, in ticker order
 * @param rows rows handed to the sink (the artifact's rows)
 * @param facts the facts of every built ticker, in ticker order
 * @param cleaning the mode of statement values the build ran in (pipeline.md §4)
 */
public record BuildSummary(int tickersInUniverse, int withPrices, int withUsableStatements, int inArtifact,
        List<FailedTicker> failed, long rows, Duration elapsed, List<TickerFacts> facts, CleaningMode cleaning) {
    public BuildSummary {
        failed = List.copyOf(failed);
        facts = List.copyOf(facts);
        cleaning = cleaning == null ? CleaningMode.DEFAULT : cleaning;
    }

    /** In the default mode. */
    public BuildSummary(int tickersInUniverse, int withPrices, int withUsableStatements, int inArtifact,
            List<FailedTicker> failed, long rows, Duration elapsed, List<TickerFacts> facts) {
        this(tickersInUniverse, withPrices, withUsableStatements, inArtifact, failed, rows, elapsed, facts, null);
    }

    /** How many tickers each drop reason concerned (a ticker dropped from two statements counts once per reason). */
    public Map<DropReason, Integer> tickersByDropReason() {
        Map<DropReason, Integer> counts = new EnumMap<>(DropReason.class);
        for (TickerFacts f : facts) {
            f.dropouts().stream().map(Dropout::reason).distinct()
                    .forEach(r -> counts.merge(r, 1, Integer::sum));
        }
        return counts;
    }

    /** Anomaly repairs summed over tickers per (statement, metric, stage), ordered by statement, metric, stage. */
    public List<AnomalyRepair> repairTotals() {
        Map<String, AnomalyRepair> totals = new TreeMap<>();
        for (TickerFacts f : facts) {
            for (AnomalyRepair r : f.repairs()) {
                String key = r.statement().ordinal() + "\u0000" + r.metric() + "\u0000" + r.stage();
                totals.merge(key, r, (a, b) -> new AnomalyRepair(a.statement(), a.metric(), a.stage(),
                        a.count() + b.count()));
            }
        }
        List<AnomalyRepair> out = new ArrayList<>(totals.values());
        out.sort(Comparator.comparing(AnomalyRepair::statement).thenComparing(AnomalyRepair::metric)
                .thenComparingInt(AnomalyRepair::stage));
        return out;
    }

    /** Values repaired by anomaly cleaning in the whole universe. */
    public long repairCount() {
        long total = 0;
        for (TickerFacts f : facts) {
            total += f.repairCount();
        }
        return total;
    }
}
