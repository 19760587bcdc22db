package org.avpipeline.artifact;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a committed artifact holds.
 *
 * @param path where the artifact now is
 * @param rows data rows
 * @param columns columns in the schema
 * @param tickers tickers written
 * @param rowGroups Parquet row groups
 * @param bytes the file's size
 * @param firstDate the earliest price day of any ticker (empty when there are no rows)
 * @param lastDate the latest price day of any ticker (empty when there are no rows)
 */
public record ArtifactStats(Path path, long rows, int columns, int tickers, int rowGroups, long bytes,
                            Optional<LocalDate> firstDate, Optional<LocalDate> lastDate) {}
