package org.avpipeline.panel;

import java.util.Objects;
import org.avpipeline.alphavantage.AvFunction;

/**
 * How many values of one metric of one statement anomaly cleaning repaired in one stage (pipeline.md §4): stage 1
 * counts spikes flagged and interpolated, stage 2 counts end-of-series jumps flagged and carried forward.
 */
public record AnomalyRepair(AvFunction statement, String metric, int stage, int count) {
    public AnomalyRepair {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(metric, "metric");
        if (stage != 1 && stage != 2) {
            throw new IllegalArgumentException("stage must be 1 or 2");
        }
    }
}
