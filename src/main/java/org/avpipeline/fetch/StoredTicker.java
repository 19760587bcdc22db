package org.avpipeline.fetch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;

/**
 * What the raw store holds for one ticker, as far as {@link RefreshPolicy} needs it.
 *
 * @param fetchedAt when each stored data type was fetched (absent: not stored, or unreadable)
 * @param earnings the stored EARNINGS rows (empty when none are stored or they were not read)
 * @param newestQuarter the newest fiscal quarter of each stored statement (absent: none)
 */
public record StoredTicker(Map<AvFunction, Instant> fetchedAt, List<EarningsReport> earnings,
        Map<AvFunction, LocalDate> newestQuarter) {
    public StoredTicker {
        fetchedAt = Map.copyOf(fetchedAt);
        earnings = List.copyOf(earnings);
        newestQuarter = Map.copyOf(newestQuarter);
    }

    /** Nothing stored. */
    public static StoredTicker none() {
        return new StoredTicker(Map.of(), List.of(), Map.of());
    }
}
