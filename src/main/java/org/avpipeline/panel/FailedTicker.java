package org.avpipeline.panel;

import java.util.Objects;

/** A ticker whose data could not be loaded or built, and why. */
public record FailedTicker(String ticker, String reason) {
    public FailedTicker {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(reason, "reason");
    }
}
