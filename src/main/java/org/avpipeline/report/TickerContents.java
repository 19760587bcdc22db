package org.avpipeline.report;

import java.util.List;
import java.util.Objects;

/**
 * One ticker of an artifact, for the next run's "lost" comparison: its rows and the data types it was built from.
 *
 * @param ticker the ticker
 * @param rows its rows in the artifact
 * @param dataTypes the stored answers that were usable at build time (function names, in fetch order)
 */
public record TickerContents(String ticker, long rows, List<String> dataTypes) {
    public TickerContents {
        Objects.requireNonNull(ticker, "ticker");
        dataTypes = dataTypes == null ? List.of() : List.copyOf(dataTypes);
    }
}
