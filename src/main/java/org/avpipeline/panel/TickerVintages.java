package org.avpipeline.panel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;

/**
 * Every stored answer (the kept vintages and the current one) of a ticker's EARNINGS and three statements, each list
 * in any order (pipeline.md §8a). A function with no entry has only its current answer, the one in
 * {@link TickerData}; {@link #NONE} is a ticker with one answer per function, which builds as it always did.
 */
public record TickerVintages(List<Vintage<EarningsReport>> earnings,
        Map<AvFunction, List<Vintage<StatementReport>>> statements) {
    public static final TickerVintages NONE = new TickerVintages(List.of(), Map.of());

    public TickerVintages {
        earnings = earnings == null ? List.of() : List.copyOf(earnings);
        Map<AvFunction, List<Vintage<StatementReport>>> copy = new EnumMap<>(AvFunction.class);
        if (statements != null) {
            statements.forEach((f, v) -> copy.put(f, v == null ? List.of() : List.copyOf(v)));
        }
        statements = Collections.unmodifiableMap(copy);
    }

    /** The vintages of one statement, empty when only its current answer is known. */
    public List<Vintage<StatementReport>> statement(AvFunction function) {
        return statements.getOrDefault(function, List.of());
    }

    /** Whether some function has more than one answer (else the build is the one of the current answers). */
    public boolean several() {
        return earnings.size() > 1 || statements.values().stream().anyMatch(v -> v.size() > 1);
    }
}
