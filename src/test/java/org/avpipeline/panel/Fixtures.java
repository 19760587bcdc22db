package org.avpipeline.panel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.metrics.Metrics;

/** Small builders of test inputs. */
final class Fixtures {
    private Fixtures() {}

    static final double NA = Double.NaN;

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    static DailyBar bar(LocalDate date, double close) {
        return new DailyBar(date, close, close, close, close, close, 1000, 0, 1);
    }

    static DailyBar bar(String date, double close) {
        return bar(d(date), close);
    }

    /** A bar on every weekday from {@code from} to {@code to} inclusive, close given by the date. */
    static List<DailyBar> weekdays(String from, String to, Function<LocalDate, Double> close) {
        List<DailyBar> bars = new ArrayList<>();
        for (LocalDate x = d(from); !x.isAfter(d(to)); x = x.plusDays(1)) {
            if (x.getDayOfWeek() != DayOfWeek.SATURDAY && x.getDayOfWeek() != DayOfWeek.SUNDAY) {
                bars.add(bar(x, close.apply(x)));
            }
        }
        return bars;
    }

    /** {@code count} consecutive quarter ends (month ends three months apart) starting at {@code first}'s month. */
    static List<LocalDate> quarterEnds(String first, int count) {
        List<LocalDate> out = new ArrayList<>();
        YearMonth m = YearMonth.from(d(first));
        for (int i = 0; i < count; i++) {
            out.add(m.plusMonths(3L * i).atEndOfMonth());
        }
        return out;
    }

    static StatementReport report(LocalDate fiscal, Map<String, Double> metrics) {
        return new StatementReport(fiscal, "USD", metrics);
    }

    static StatementReport report(String fiscal, Object... namesAndValues) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return report(d(fiscal), m);
    }

    static List<String> metricsOf(AvFunction statement) {
        return switch (statement) {
            case INCOME_STATEMENT -> Metrics.INCOME_STATEMENT;
            case BALANCE_SHEET -> Metrics.BALANCE_SHEET;
            case CASH_FLOW -> Metrics.CASH_FLOW;
            default -> throw new IllegalArgumentException(statement.name());
        };
    }

    /**
     * The three statements for the given fiscal dates (ascending), newest first as Alpha Vantage answers, every §10
     * metric of each statement with {@code value.apply(metric, quarterIndex)}.
     */
    static Map<AvFunction, List<StatementReport>> statements(List<LocalDate> fiscal,
            BiFunction<String, Integer, Double> value) {
        Map<AvFunction, List<StatementReport>> out = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            List<StatementReport> reports = new ArrayList<>();
            for (int i = 0; i < fiscal.size(); i++) {
                Map<String, Double> m = new LinkedHashMap<>();
                for (String metric : metricsOf(f)) {
                    m.put(metric, value.apply(metric, i));
                }
                reports.add(report(fiscal.get(i), m));
            }
            Collections.reverse(reports);
            out.put(f, reports);
        }
        return out;
    }

    /** Earnings rows for the fiscal dates (ascending), newest first, reported the given number of days later. */
    static List<EarningsReport> earnings(List<LocalDate> fiscal, int daysLater) {
        List<EarningsReport> out = new ArrayList<>();
        for (LocalDate f : fiscal) {
            out.add(new EarningsReport(f, f.plusDays(daysLater), "post-market"));
        }
        Collections.reverse(out);
        return out;
    }

    static double[] array(double... v) {
        return v;
    }
}
