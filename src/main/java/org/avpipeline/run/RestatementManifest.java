package org.avpipeline.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.avpipeline.panel.BuildSummary;
import org.avpipeline.panel.Restatements;
import org.avpipeline.panel.TickerFacts;
import org.avpipeline.report.ReasonCount;
import org.avpipeline.report.RestatementFacts;

/**
 * Maps the build's restatements (pipeline.md §8a) onto the run manifest's {@link RestatementFacts}: counts per
 * statement, the largest changes, the panel rows that differ from today's answers alone. {@code null} when no ticker
 * had statement vintages.
 */
public final class RestatementManifest {
    private RestatementManifest() {}

    public static RestatementFacts of(BuildSummary build) {
        if (build == null || build.facts().stream().allMatch(t -> t.restatements() == null)) {
            return null;
        }
        Map<String, long[]> byStatement = new TreeMap<>();
        List<RestatementFacts.RestatedValue> values = new ArrayList<>();
        long rows = 0;
        for (TickerFacts t : build.facts()) {
            if (t.restatements() == null) {
                continue;
            }
            rows += t.restatements().panelRowsDiffering();
            for (Restatements.Change c : t.restatements().changes()) {
                byStatement.computeIfAbsent(c.statement().name(), k -> new long[1])[0]++;
                values.add(new RestatementFacts.RestatedValue(t.ticker(), c.statement().name(), c.fiscalDateEnding(),
                        c.metric(), orNull(c.before()), orNull(c.after()), c.validFromAfter()));
            }
        }
        List<ReasonCount> counts = new ArrayList<>();
        byStatement.forEach((s, n) -> counts.add(new ReasonCount(s, n[0])));
        return new RestatementFacts(counts, RestatementFacts.largest(values), rows);
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }
}
