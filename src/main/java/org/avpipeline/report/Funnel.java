package org.avpipeline.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the universe narrows from the ETF's holdings to the artifact.
 *
 * <p>A ticker is named in {@link #buildDrops} at the first step that drops it (a ticker too short in two statements
 * may be named twice at {@link BuildStep#TOO_LITTLE_HISTORY}, once per statement). A ticker dropped at a
 * fundamentals step stays in the artifact with price columns only; only {@link BuildStep#NO_PRICES} removes it.
 *
 * @param etfHoldings the number of holdings the ETF profile listed (for an explicit ticker list: its length)
 * @param validSymbols symbols left after §1 (blank / n/a removed, upper-cased, de-duplicated)
 * @param droppedSymbols the holdings that did not become symbols, with reasons
 * @param fetchByType one entry per fetched data type, in {@link org.avpipeline.alphavantage.AvFunction#PER_TICKER}
 *     order
 * @param buildDrops the tickers each build step dropped, in step order
 * @param tickersWithFundamentals tickers in the artifact that kept a continuous run of quarters
 * @param tickersInArtifact tickers with at least one row in the artifact
 */
public record Funnel(
        int etfHoldings,
        int validSymbols,
        List<DroppedSymbol> droppedSymbols,
        List<DataTypeFetch> fetchByType,
        List<BuildDrop> buildDrops,
        int tickersWithFundamentals,
        int tickersInArtifact) {

    public Funnel {
        droppedSymbols = droppedSymbols == null ? List.of() : List.copyOf(droppedSymbols);
        fetchByType = fetchByType == null ? List.of() : List.copyOf(fetchByType);
        buildDrops = buildDrops == null ? List.of() : List.copyOf(buildDrops);
        if (etfHoldings < 0 || validSymbols < 0 || tickersWithFundamentals < 0 || tickersInArtifact < 0) {
            throw new IllegalArgumentException("negative funnel count");
        }
    }

    /**
     * Whether the run got to the build: a build that ran names every ticker it left out of the artifact (at least
     * {@link BuildStep#NO_PRICES}), so a funnel with neither tickers in the artifact nor drops is one of a run that
     * failed before it (its build stages were not reached).
     */
    public boolean built() {
        return tickersInArtifact > 0 || !buildDrops.isEmpty() || validSymbols == 0;
    }

    /** The number of (ticker, data type) fetches that failed; unknown symbols are answers, not failures. */
    public int fetchFailures() {
        return fetchByType.stream().mapToInt(DataTypeFetch::failedRequests).sum();
    }

    /** The distinct tickers with at least one failed data type (unknown symbols aside), in first-seen order. */
    public Set<String> tickersWithFetchFailures() {
        return tickers(false);
    }

    /** The tickers Alpha Vantage answered it has no such symbol (they have no data), in first-seen order. */
    public Set<String> unknownSymbols() {
        return tickers(true);
    }

    private Set<String> tickers(boolean unknownSymbol) {
        Set<String> s = new LinkedHashSet<>();
        for (DataTypeFetch f : fetchByType) {
            for (TickerReason r : f.failures()) {
                if (r.unknownSymbol() == unknownSymbol) {
                    s.add(r.ticker());
                }
            }
        }
        return s;
    }

    /** The drops of one step, over all statements. */
    public List<TickerReason> droppedAt(BuildStep step) {
        Objects.requireNonNull(step, "step");
        return buildDrops.stream().filter(d -> d.step() == step).flatMap(d -> d.tickers().stream()).toList();
    }
}
