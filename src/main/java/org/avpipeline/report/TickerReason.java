package org.avpipeline.report;

import java.util.Objects;

/** A ticker and why something happened to it (a failed fetch, a drop at a build step). */
public record TickerReason(String ticker, String reason) {
    public TickerReason {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(reason, "reason");
    }
}
