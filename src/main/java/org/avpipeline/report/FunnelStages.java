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

        List<FunnelStage.Detail> symbolDetails = f.droppedSymbols().stream()
                .map(d -> new FunnelStage.Detail((d.symbol().isEmpty() ? "(blank)" : d.symbol())
                        + (d.occurrences() > 1 ? " \u00d7" + d.occurrences() : ""), "", d.reason()))
                .toList();
        int symbolsDropped = Math.max(0, f.etfHoldings() - f.validSymbols());
        out.add(new FunnelStage("Valid symbols", f.validSymbols(), 0, "", symbolsDropped,
                f.droppedSymbols().stream().map(FunnelStages::symbolNote).collect(Collectors.joining(", ")),
                symbolDetails, false));

        Set<String> failing = f.tickersWithFetchFailures();
        List<FunnelStage.Detail> fetchDetails = f.fetchByType().stream()
                .flatMap(t -> t.failures().stream()
                        .map(r -> new FunnelStage.Detail(r.ticker(), Format.dataType(t.dataType()), r.reason())))
                .toList();
        out.add(new FunnelStage("Fetched (6 data types)", f.validSymbols(), Math.min(failing.size(),
                f.validSymbols()), failing.isEmpty() ? "" : failing.size() + " with a failed data type", 0, "",
                fetchDetails, true));

        Set<String> droppedSoFar = new LinkedHashSet<>();
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

        List<TickerReason> noPrices = f.droppedAt(BuildStep.NO_PRICES);
        int pricesOnly = Math.max(0, f.tickersInArtifact() - f.tickersWithFundamentals());
        out.add(new FunnelStage("In the artifact", f.tickersInArtifact(), pricesOnly,
                pricesOnly == 0 ? "" : Format.count(f.tickersWithFundamentals()) + " with fundamentals, "
                        + Format.count(pricesOnly) + " prices only",
                (int) noPrices.stream().map(TickerReason::ticker).distinct().count(),
                noPrices.stream().map(TickerReason::ticker).distinct().collect(Collectors.joining(", ")),
                noPrices.stream().map(r -> new FunnelStage.Detail(r.ticker(), "", r.reason())).toList(), false));
        return out;
    }

    private static String symbolNote(DroppedSymbol d) {
        String name = d.symbol().isEmpty() ? "(blank)" : d.symbol();
        return name + (d.occurrences() > 1 ? " \u00d7" + d.occurrences() : "")
                + (d.reason().toLowerCase(java.util.Locale.ROOT).contains("duplicate") ? " (duplicate)" : "");
    }
}
