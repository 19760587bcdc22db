package org.avpipeline.panel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.avpipeline.alphavantage.StatementReport;

/**
 * One stored answer of a statement function, parsed (pipeline.md §8a): its rows, when its content was first fetched
 * and when last, and so the day it is valid from (the UTC date of its first fetch).
 *
 * @param <T> the row type: {@link org.avpipeline.alphavantage.StatementReport} or
 *     {@link org.avpipeline.alphavantage.EarningsReport}
 * @param annual a statement answer's {@code annualReports}, which the checks of its set compare with (pipeline.md
 *     §4.1); empty for EARNINGS
 */
public record Vintage<T>(Instant firstFetchedAt, Instant fetchedAt, List<T> rows, List<StatementReport> annual) {
    public Vintage {
        Objects.requireNonNull(firstFetchedAt, "firstFetchedAt");
        fetchedAt = fetchedAt == null ? firstFetchedAt : fetchedAt;
        rows = rows == null ? List.of() : List.copyOf(rows);
        annual = annual == null ? List.of() : List.copyOf(annual);
    }

    /** An answer without annual reports. */
    public Vintage(Instant firstFetchedAt, Instant fetchedAt, List<T> rows) {
        this(firstFetchedAt, fetchedAt, rows, List.of());
    }

    /** The UTC date of the first fetch: the first day on which this answer was known. */
    public LocalDate validFrom() {
        return LocalDate.ofInstant(firstFetchedAt, ZoneOffset.UTC);
    }
}
