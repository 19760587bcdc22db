package org.avpipeline.panel;

import java.util.List;

/**
 * One ticker's restatements for the run report (pipeline.md §8a).
 *
 * @param changes every value restated between consecutive vintages ({@link Restatements#of})
 * @param panelRowsDiffering panel rows taken from a set of answers other than the current one whose values differ
 *     from the current set's row on the same day
 */
public record TickerRestatements(List<Restatements.Change> changes, int panelRowsDiffering) {
    public TickerRestatements {
        changes = List.copyOf(changes);
    }
}
