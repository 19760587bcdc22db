package org.avpipeline.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * One stored answer of a statement function, parsed (pipeline.md §8a): its rows, when its content was first fetched
 * and when last, and so the day it is valid from (the UTC date of its first fetch).
 *
 * @param <T> the row type: {@link org.avpipeline.alphavantage.StatementReport} or
 *     {@link org.avpipeline.alphavantage.EarningsReport}
 */
public record Vintage<T>(Instant firstFetchedAt, Instant fetchedAt, List<T> rows) {
    public Vintage {
        Objects.requireNonNull(firstFetchedAt, "firstFetchedAt");
        fetchedAt = fetchedAt == null ? firstFetchedAt : fetchedAt;
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The UTC date of the first fetch: the first day on which this answer was known. */
    public LocalDate validFrom() {
        return LocalDate.ofInstant(firstFetchedAt, ZoneOffset.UTC);
    }
}
