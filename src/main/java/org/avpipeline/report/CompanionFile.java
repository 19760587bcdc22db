package org.avpipeline.report;

import java.util.Objects;

/**
 * A companion file written beside the artifact (artifact.md, "Companion artifacts").
 *
 * @param fileName the file's name, e.g. {@code price_artifact.parquet}
 * @param rows rows
 * @param columns columns
 * @param sizeBytes the file's size
 * @param tickers tickers with at least one row
 */
public record CompanionFile(String fileName, long rows, int columns, long sizeBytes, int tickers) {
    public CompanionFile {
        Objects.requireNonNull(fileName, "fileName");
        if (rows < 0 || columns < 0 || sizeBytes < 0 || tickers < 0) {
            throw new IllegalArgumentException("negative companion file count");
        }
    }
}
