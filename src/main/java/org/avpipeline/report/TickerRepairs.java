package org.avpipeline.report;

import java.util.Objects;

/** Anomalies repaired in one ticker, over all its statements and metrics. */
public record TickerRepairs(String ticker, int stage1, int stage2) {
    public TickerRepairs {
        Objects.requireNonNull(ticker, "ticker");
        if (stage1 < 0 || stage2 < 0) {
            throw new IllegalArgumentException("negative repairs for " + ticker);
        }
    }

    public int total() {
        return stage1 + stage2;
    }
}
