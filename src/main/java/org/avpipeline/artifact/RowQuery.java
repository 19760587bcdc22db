package org.avpipeline.artifact;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which rows and columns to read from a Parquet file.
 *
 * @param columns the columns to return, in this order; empty for all top-level columns
 * @param ticker only rows of this ticker (needs a {@code ticker} column)
 * @param from only rows with {@code date} on or after this day (needs a {@code date} column)
 * @param to only rows with {@code date} on or before this day (needs a {@code date} column)
 */
public record RowQuery(List<String> columns, Optional<String> ticker, Optional<LocalDate> from,
                       Optional<LocalDate> to) {
    public RowQuery {
        columns = List.copyOf(columns);
    }

    /** Every row, every column. */
    public static RowQuery all() {
        return new RowQuery(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RowQuery withColumns(List<String> names) {
        return new RowQuery(names, ticker, from, to);
    }

    public RowQuery withTicker(String t) {
        return new RowQuery(columns, Optional.of(t), from, to);
    }

    public RowQuery withDates(LocalDate first, LocalDate last) {
        return new RowQuery(columns, ticker, Optional.ofNullable(first), Optional.ofNullable(last));
    }

    boolean filtersDates() {
        return from.isPresent() || to.isPresent();
    }
}
