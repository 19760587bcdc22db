package org.avpipeline.artifact;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which rows and columns to read from a Parquet file.
 *
 * @param columns the columns to return, in this order; empty for all top-level columns
 * @param ticker only rows of this ticker (needs a {@code ticker} column)
 * @param from only rows with {@code dateColumn} on or after this day (needs such a Date column)
 * @param to only rows with {@code dateColumn} on or before this day (needs such a Date column)
 * @param dateColumn the Date column {@code from} and {@code to} filter on: {@code date}, or e.g.
 *     {@code fiscalDateEnding} in the quarterly companion
 */
public record RowQuery(List<String> columns, Optional<String> ticker, Optional<LocalDate> from,
                       Optional<LocalDate> to, String dateColumn) {
    public RowQuery {
        columns = List.copyOf(columns);
        dateColumn = dateColumn == null ? ArtifactSchema.DATE : dateColumn;
    }

    public RowQuery(List<String> columns, Optional<String> ticker, Optional<LocalDate> from, Optional<LocalDate> to) {
        this(columns, ticker, from, to, ArtifactSchema.DATE);
    }

    /** Every row, every column. */
    public static RowQuery all() {
        return new RowQuery(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public RowQuery withColumns(List<String> names) {
        return new RowQuery(names, ticker, from, to, dateColumn);
    }

    public RowQuery withTicker(String t) {
        return new RowQuery(columns, Optional.of(t), from, to, dateColumn);
    }

    public RowQuery withDates(LocalDate first, LocalDate last) {
        return new RowQuery(columns, ticker, Optional.ofNullable(first), Optional.ofNullable(last), dateColumn);
    }

    /** Filters the days on another Date column. */
    public RowQuery withDateColumn(String column) {
        return new RowQuery(columns, ticker, from, to, column);
    }

    boolean filtersDates() {
        return from.isPresent() || to.isPresent();
    }
}
