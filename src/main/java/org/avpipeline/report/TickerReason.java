package org.avpipeline.report;

import java.util.Objects;

/** A ticker and why something happened to it (a failed fetch, a drop at a build step). */
public record TickerReason(String ticker, String reason) {
    /**
     * Whether this reason (a fetch failure's {@code CODE: words}) is Alpha Vantage's answer that it has no such
     * symbol: an answer, not a failure ({@link org.avpipeline.alphavantage.AnswerKind#aboutTheSymbol}).
     */
    public boolean unknownSymbol() {
        int colon = reason.indexOf(':');
        return org.avpipeline.alphavantage.AnswerKind.aboutTheSymbol(colon < 0 ? reason : reason.substring(0, colon));
    }

    public TickerReason {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(reason, "reason");
    }
}
