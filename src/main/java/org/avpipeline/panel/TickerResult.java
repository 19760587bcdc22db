package org.avpipeline.panel;

import java.util.Objects;
import org.avpipeline.artifact.TickerPanel;

/**
 * One ticker's build: its panel ({@code null} when it has no price rows on or after START_DATE, so it does not appear
 * in the artifact), the facts about it, and its rows of the companion files ({@link TickerCompanions#NONE} when the
 * build made none).
 */
public record TickerResult(String ticker, TickerPanel panel, TickerFacts facts, TickerCompanions companions) {
    public TickerResult {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(facts, "facts");
        companions = companions == null ? TickerCompanions.NONE : companions;
    }

    /** Without companion rows. */
    public TickerResult(String ticker, TickerPanel panel, TickerFacts facts) {
        this(ticker, panel, facts, TickerCompanions.NONE);
    }

    public int rows() {
        return panel == null ? 0 : panel.rows();
    }
}
