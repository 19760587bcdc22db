package org.avpipeline.simulator;

import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;

/**
 * A snapshot of what a simulator has served: every request counted once by its {@code function} parameter (as sent;
 * "(none)" when absent) and once by its {@link Outcome}.
 */
public record SimulatorStats(long requests, Map<String, Long> byFunction, Map<Outcome, Long> byOutcome) {
    public SimulatorStats {
        byFunction = Map.copyOf(byFunction);
        byOutcome = Map.copyOf(byOutcome);
    }

    public long count(AvFunction function) {
        return byFunction.getOrDefault(function.name(), 0L);
    }

    public long count(Outcome outcome) {
        return byOutcome.getOrDefault(outcome, 0L);
    }
}
