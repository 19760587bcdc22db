package org.avpipeline.report;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The artifact file.
 *
 * @param fileName the file's name ({@code ttm_per_share_financial_artifact.parquet})
 * @param rows rows (ticker-days)
 * @param columns columns (160)
 * @param sizeBytes the file's size
 * @param firstDate the earliest date; {@code null} when there are no rows
 * @param lastDate the latest date; {@code null} when there are no rows
 * @param tickers distinct tickers
 */
public record ArtifactFacts(String fileName, long rows, int columns, long sizeBytes, LocalDate firstDate,
        LocalDate lastDate, int tickers) {
    public ArtifactFacts {
        Objects.requireNonNull(fileName, "fileName");
        if (rows < 0 || columns < 0 || sizeBytes < 0 || tickers < 0) {
            throw new IllegalArgumentException("negative artifact count");
        }
    }
}
