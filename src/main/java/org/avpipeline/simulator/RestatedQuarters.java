package org.avpipeline.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.avpipeline.alphavantage.AvFunction;

/**
 * The simulator's restatements (pipeline.md §8a): a seeded {@link #SHARE} of each ticker's quarterly statement rows
 * change one value by 0.5–3.5 % on a day 60 to 460 days after the quarter's end. An answer served on a day from then
 * on shows the new value, one served before it the old one (time travel, {@code asof=}), so weekly fetches against the
 * simulator build up statement vintages and restatements as Alpha Vantage's answers do. A pure function of the seed.
 */
final class RestatedQuarters {
    private RestatedQuarters() {}

    /** The share of quarterly statement rows restated once. */
    static final double SHARE = 0.03;

    /** The financials as served on {@code view}: every restatement on or before it applied. */
    static Financials asOf(long seed, String symbol, Financials f, LocalDate view) {
        Map<AvFunction, List<StatementRow>> quarterly = new EnumMap<>(AvFunction.class);
        boolean changed = false;
        for (AvFunction statement : AvFunction.STATEMENTS) {
            List<StatementRow> rows = f.quarterly().get(statement);
            List<StatementRow> out = new ArrayList<>(rows);
            for (int i = 0; i < rows.size(); i++) {
                StatementRow r = rows.get(i);
                Restatement x = restatement(seed, symbol, statement, r);
                if (x != null && !x.day().isAfter(view)) {
                    out.set(i, r.with(x.field(), x.value()));
                    changed = true;
                }
            }
            quarterly.put(statement, List.copyOf(out));
        }
        return changed ? new Financials(quarterly, f.annual(), f.quarterlyEarnings(), f.annualEarnings()) : f;
    }

    /** One restated value: which field, its new value, from which day; null when the row is never restated. */
    record Restatement(int field, double value, LocalDate day) {}

    static Restatement restatement(long seed, String symbol, AvFunction statement, StatementRow row) {
        SplittableRandom r = Seeds.stream(seed, symbol, "restated-" + statement + "-" + row.fiscalDateEnding());
        if (r.nextDouble() >= SHARE) {
            return null;
        }
        LocalDate day = row.fiscalDateEnding().plusDays(60 + r.nextInt(400));
        int field = r.nextInt(row.values().length);
        double old = row.values()[field];
        double factor = 1 + (r.nextBoolean() ? 1 : -1) * (0.005 + 0.03 * r.nextDouble());
        if (Double.isNaN(old) || old == 0) {
            return null;
        }
        return new Restatement(field, Math.rint(old * factor), day);
    }
}
