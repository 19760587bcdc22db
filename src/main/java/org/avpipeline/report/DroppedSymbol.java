package org.avpipeline.report;

import java.util.Objects;

/**
 * A holding symbol that did not become part of the universe (pipeline.md §1).
 *
 * @param symbol the symbol as the ETF listed it ({@code "n/a"}, {@code ""}, or a repeated ticker)
 * @param reason why, e.g. {@code "not a symbol"} or {@code "duplicate"}
 * @param occurrences how many holdings carried it (e.g. {@code n/a} ×3)
 */
public record DroppedSymbol(String symbol, String reason, int occurrences) {
    public DroppedSymbol {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(reason, "reason");
        if (occurrences < 1) {
            throw new IllegalArgumentException("occurrences must be >= 1: " + occurrences);
        }
    }
}
