package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;

/**
 * The restatements (artifact.md, {@code statement_restatements.parquet}): every value that changed between two
 * consecutive vintages of a statement answer, as the build sees them ({@link Vintages#effective}: one per valid-from
 * day). Values are compared as served after §3.0's date normalization; of a quarter in both vintages, a value that
 * appears or disappears is a change; a quarter in only one of them (a new quarter, or one dropped) is none. A pure
 * function.
 */
public final class Restatements {
    private Restatements() {}

    /** One changed value. */
    public record Change(AvFunction statement, LocalDate fiscalDateEnding, String metric, double before,
            double after, LocalDate validFromBefore, LocalDate validFromAfter) {}

    /** The changes of every statement function, in the file's order (statement, fiscal date, metric, valid_from_after). */
    public static List<Change> of(TickerVintages vintages) {
        List<Change> out = new ArrayList<>();
        out.addAll(changes(AvFunction.EARNINGS, Vintages.effective(vintages.earnings()), FiscalDates::earnings,
                EarningsReport::fiscalDateEnding, Restatements::earnings));
        for (AvFunction f : AvFunction.STATEMENTS) {
            out.addAll(changes(f, Vintages.effective(vintages.statement(f)), FiscalDates::statements,
                    StatementReport::fiscalDateEnding, Restatements::statement));
        }
        out.sort(Comparator.comparing((Change c) -> c.statement().name()).thenComparing(Change::fiscalDateEnding)
                .thenComparing(Change::metric).thenComparing(Change::validFromAfter));
        return out;
    }

    /** The ticker's rows of the file, or null when nothing was restated. */
    public static TableRows rows(String ticker, List<Change> changes) {
        if (changes.isEmpty()) {
            return null;
        }
        TableRows out = TableRows.empty(CompanionSchemas.RESTATEMENTS, ticker, changes.size());
        for (int i = 0; i < changes.size(); i++) {
            Change c = changes.get(i);
            out.strings(CompanionSchemas.STATEMENT)[i] = c.statement().name();
            out.dates(ArtifactSchema.FISCAL_DATE_ENDING)[i] = (int) c.fiscalDateEnding().toEpochDay();
            out.strings(CompanionSchemas.METRIC)[i] = c.metric();
            out.doubles(CompanionSchemas.VALUE_BEFORE)[i] = c.before();
            out.doubles(CompanionSchemas.VALUE_AFTER)[i] = c.after();
            out.dates(CompanionSchemas.VALID_FROM_BEFORE)[i] = (int) c.validFromBefore().toEpochDay();
            out.dates(CompanionSchemas.VALID_FROM_AFTER)[i] = (int) c.validFromAfter().toEpochDay();
        }
        return out;
    }

    /**
     * @param normalized §3.0's dates (one row per normalized fiscal date)
     * @param values a row's values by metric, as Alpha Vantage spells it
     */
    private static <T> List<Change> changes(AvFunction statement, List<Vintage<T>> effective,
            Function<List<T>, List<T>> normalized, Function<T, LocalDate> fiscal,
            Function<T, Map<String, Double>> values) {
        List<Change> out = new ArrayList<>();
        Map<LocalDate, T> b = null;
        for (int i = 1; i < effective.size(); i++) {
            Vintage<T> before = effective.get(i - 1);
            Vintage<T> after = effective.get(i);
            if (before.rows().equals(after.rows())) {
                continue; // equal rows, nothing restated (most weekly answers); b stays that of these rows
            }
            Map<LocalDate, T> a = b != null ? b : byQuarter(normalized.apply(before.rows()), fiscal);
            b = byQuarter(normalized.apply(after.rows()), fiscal);
            for (Map.Entry<LocalDate, T> quarter : b.entrySet()) {
                T old = a.get(quarter.getKey());
                if (old == null || old.equals(quarter.getValue())) {
                    continue; // a new quarter, or the same row (most: often the very same instance)
                }
                Map<String, Double> x = values.apply(old);
                Map<String, Double> y = values.apply(quarter.getValue());
                Set<String> metrics = new LinkedHashSet<>(x.keySet());
                metrics.addAll(y.keySet());
                for (String m : metrics) {
                    double u = x.getOrDefault(m, Double.NaN);
                    double v = y.getOrDefault(m, Double.NaN);
                    if (Double.doubleToLongBits(u) != Double.doubleToLongBits(v) && !(u == v)) {
                        out.add(new Change(statement, quarter.getKey(), m, u, v, before.validFrom(),
                                after.validFrom()));
                    }
                }
            }
        }
        return out;
    }

    private static <T> Map<LocalDate, T> byQuarter(List<T> rows, Function<T, LocalDate> fiscal) {
        Map<LocalDate, T> out = new TreeMap<>();
        for (T row : rows) {
            out.put(fiscal.apply(row), row);
        }
        return out;
    }

    /** A statement row's values by metric, as Alpha Vantage spells it. */
    private static Map<String, Double> statement(StatementReport r) {
        Map<String, Double> values = new LinkedHashMap<>();
        r.metrics().forEach((m, v) -> values.put(m.endsWith(CASH_FLOW_SUFFIX)
                ? m.substring(0, m.length() - CASH_FLOW_SUFFIX.length()) : m, v == null ? Double.NaN : v));
        return values;
    }

    private static final String CASH_FLOW_SUFFIX = ".cf";

    /** EARNINGS' values: reportedDate (epoch day) and reportedEPS. */
    private static Map<String, Double> earnings(EarningsReport r) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("reportedDate", r.reportedDate() == null ? Double.NaN : (double) r.reportedDate().toEpochDay());
        values.put("reportedEPS", r.reportedEPS());
        return values;
    }
}
