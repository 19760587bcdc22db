package org.avpipeline.panel;

import java.util.Objects;
import org.avpipeline.artifact.TickerPanel;

/**
 * One ticker's build: its panel ({@code null} when it has no price rows on or after START_DATE, so it does not appear
 * in the artifact) and the facts about it.
 */
public record TickerResult(String ticker, TickerPanel panel, TickerFacts facts) {
    public TickerResult {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(facts, "facts");
    }

    public int rows() {
        return panel == null ? 0 : panel.rows();
    }
}
