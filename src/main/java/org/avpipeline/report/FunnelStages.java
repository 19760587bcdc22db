package org.avpipeline.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The funnel's bars: holdings, valid symbols, fetched (failures as a part), each fundamentals step (valid symbols
 * minus every ticker dropped so far), and the artifact (with fundamentals / prices only).
 */
final class FunnelStages {
    private FunnelStages() {}

    /** The note of a build stage that a failed run did not reach. */
    static final String NOT_REACHED = "not reached: the run failed before the build";

    static List<FunnelStage> of(Funnel f, String etfSymbol) {
        List<FunnelStage> out = new ArrayList<>();
        out.add(new FunnelStage(etfSymbol == null ? "Tickers requested" : "Holdings of " + etfSymbol,
                f.etfHoldings(), 0, "", 0, "", List.of(), false));
        out.add(validSymbols(f));
        out.add(fetched(f));
        out.addAll(buildSteps(f));
        out.add(inArtifact(f));
        return out;
    }

    private static FunnelStage validSymbols(Funnel f) {
        List<FunnelStage.Detail> symbolDetails = f.droppedSymbols().stream()
                .map(d -> new FunnelStage.Detail((d.symbol().isEmpty() ? "(blank)" : d.symbol())
                        + (d.occurrences() > 1 ? " \u00d7" + d.occurrences() : ""), "", d.reason()))
                .toList();
        int symbolsDropped = Math.max(0, f.etfHoldings() - f.validSymbols());
        return new FunnelStage("Valid symbols", f.validSymbols(), 0, "", symbolsDropped,
                f.droppedSymbols().stream().map(FunnelStages::symbolNote).collect(Collectors.joining(", ")),
                symbolDetails, false);
    }

    /** A ticker Alpha Vantage does not know has no data: it leaves the funnel here, not at a fundamentals step. */
    private static FunnelStage fetched(Funnel f) {
        Set<String> unknown = f.unknownSymbols();
        Set<String> failing = f.tickersWithFetchFailures();
        List<FunnelStage.Detail> fetchDetails = f.fetchByType().stream()
                .flatMap(t -> t.failures().stream()
                        .map(r -> new FunnelStage.Detail(r.ticker(), Format.dataType(t.dataType()), r.reason())))
                .toList();
        int fetched = Math.max(0, f.validSymbols() - unknown.size());
        return new FunnelStage("Fetched (" + dataTypes(f) + " data types)", fetched, Math.min(failing.size(),
                fetched), failing.isEmpty() ? "" : failing.size() + " with a failed data type", unknown.size(),
                unknown.isEmpty() ? "" : String.join(", ", unknown) + " (unknown symbol)", fetchDetails, true);
    }

    /** One stage per fundamentals step: valid symbols minus every ticker dropped so far. */
    private static List<FunnelStage> buildSteps(Funnel f) {
        List<FunnelStage> out = new ArrayList<>();
        Set<String> droppedSoFar = new LinkedHashSet<>(f.unknownSymbols());
        for (BuildStep step : BuildStep.values()) {
            if (step.removesFromArtifact()) {
                continue;
            }
            List<FunnelStage.Detail> details = new ArrayList<>();
            Set<String> newlyDropped = new LinkedHashSet<>();
            for (BuildDrop d : f.buildDrops()) {
                if (d.step() != step) {
                    continue;
                }
                for (TickerReason r : d.tickers()) {
                    details.add(new FunnelStage.Detail(r.ticker(), Format.dataType(d.statement()), r.reason()));
                    if (!droppedSoFar.contains(r.ticker())) {
                        newlyDropped.add(r.ticker());
                    }
                }
            }
            droppedSoFar.addAll(newlyDropped);
            if (!f.built()) { // the run failed before the build: no ticker passed this stage
                out.add(new FunnelStage(step.stageLabel(), 0, 0, NOT_REACHED, 0, "", List.of(), false));
                continue;
            }
            out.add(new FunnelStage(step.stageLabel(), Math.max(0, f.validSymbols() - droppedSoFar.size()), 0, "",
                    newlyDropped.size(), String.join(", ", newlyDropped), details, false));
        }
        return out;
    }

    private static FunnelStage inArtifact(Funnel f) {
        Set<String> unknown = f.unknownSymbols();
        List<TickerReason> noPrices = f.droppedAt(BuildStep.NO_PRICES).stream()
                .filter(r -> !unknown.contains(r.ticker())).toList();
        int pricesOnly = Math.max(0, f.tickersInArtifact() - f.tickersWithFundamentals());
        return new FunnelStage("In the artifact", f.tickersInArtifact(), pricesOnly,
                pricesOnly == 0 ? "" : Format.count(f.tickersWithFundamentals()) + " with fundamentals, "
                        + Format.count(pricesOnly) + " prices only",
                (int) noPrices.stream().map(TickerReason::ticker).distinct().count(),
                noPrices.stream().map(TickerReason::ticker).distinct().collect(Collectors.joining(", ")),
                noPrices.stream().map(r -> new FunnelStage.Detail(r.ticker(), "", r.reason())).toList(), false);
    }

    /** The per-ticker data types the fetch asked for: six, seven with the companies' OVERVIEW. */
    private static long dataTypes(Funnel f) {
        long n = f.fetchByType().stream().map(DataTypeFetch::dataType)
                .filter(t -> t != org.avpipeline.alphavantage.AvFunction.ETF_PROFILE
                        && t != org.avpipeline.alphavantage.AvFunction.EARNINGS_CALENDAR)
                .distinct().count();
        return n == 0 ? org.avpipeline.alphavantage.AvFunction.PER_TICKER.size() : n;
    }

    private static String symbolNote(DroppedSymbol d) {
        String name = d.symbol().isEmpty() ? "(blank)" : d.symbol();
        return name + (d.occurrences() > 1 ? " \u00d7" + d.occurrences() : "")
                + (d.reason().toLowerCase(java.util.Locale.ROOT).contains("duplicate") ? " (duplicate)" : "");
    }
}
