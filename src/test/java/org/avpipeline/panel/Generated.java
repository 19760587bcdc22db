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
import java.util.Random;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.metrics.Metrics;

/** Random ticker data from a seed, for property tests. */
final class Generated {
    private Generated() {}

    static final LocalDate START = LocalDate.of(2010, 1, 1);
    private static final double[] FACTORS = {2, 3, 0.5, 1.5, 4, Double.NaN, 0, -2};

    /** Anything goes: gaps, odd period ends, duplicates, missing values, shuffled answers, unsorted bars. */
    static TickerData messy(long seed) {
        Random r = new Random(seed);
        List<DailyBar> bars = bars(r, LocalDate.of(2009, 6, 1).plusDays(r.nextInt(400)), r.nextInt(1200), 0.05);
        if (r.nextInt(5) == 0 && !bars.isEmpty()) {
            bars = new ArrayList<>(bars);
            for (int i = 0; i < 3; i++) {
                bars.add(bars.get(r.nextInt(bars.size())));
            }
            Collections.shuffle(bars, r);
        }
        int nq = r.nextInt(41);
        List<LocalDate> fiscal = new ArrayList<>();
        YearMonth m = YearMonth.of(2006, 1).plusMonths(r.nextInt(36));
        for (int i = 0; i < nq; i++) {
            m = m.plusMonths(r.nextInt(10) == 0 ? 1 + r.nextInt(6) : 3);
            fiscal.add(switch (r.nextInt(10)) {
                case 0 -> m.atEndOfMonth().minusDays(3);
                case 1 -> m.plusMonths(1).atDay(1);
                case 2 -> m.atDay(15);
                default -> m.atEndOfMonth();
            });
        }
        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            if (r.nextInt(15) == 0) {
                continue;
            }
            List<StatementReport> reports = new ArrayList<>();
            for (LocalDate date : fiscal) {
                if (r.nextInt(20) == 0) {
                    continue;
                }
                Map<String, Double> values = new LinkedHashMap<>();
                boolean empty = r.nextInt(30) == 0;
                for (String metric : Fixtures.metricsOf(f)) {
                    if (r.nextInt(5) == 0) {
                        continue;
                    }
                    double v = empty || r.nextInt(8) == 0 ? Double.NaN : value(r);
                    if (metric.equals(Metrics.SHARES) && r.nextInt(10) == 0) {
                        v = r.nextBoolean() ? 0 : -v;
                    }
                    values.put(metric, v);
                }
                reports.add(Fixtures.report(date, values));
                if (r.nextInt(20) == 0) {
                    reports.add(reports.get(r.nextInt(reports.size())));
                }
            }
            order(r, reports);
            statements.put(f, reports);
        }
        List<EarningsReport> earnings = new ArrayList<>();
        for (LocalDate date : fiscal) {
            if (r.nextInt(10) > 0) {
                earnings.add(new EarningsReport(date,
                        r.nextInt(20) == 0 ? null : date.plusDays(-5 + r.nextInt(126)), null));
            }
        }
        order(r, earnings);
        return new TickerData("GEN", bars, splits(r, bars), earnings, statements);
    }

    /**
     * A ticker whose statements cannot change under truncation except by losing their latest quarters: consecutive
     * month-end quarters, each metric either present in every quarter or in none, reported 20–60 days after the
     * quarter end (so in fiscal order). With {@code constant}, every metric has one value throughout.
     */
    static TickerData orderly(long seed, boolean constant) {
        Random r = new Random(seed);
        int nq = 10 + r.nextInt(31);
        List<LocalDate> fiscal = Fixtures.quarterEnds(YearMonth.of(2006, 3).plusMonths(3L * r.nextInt(14))
                .atEndOfMonth().toString(), nq);
        Map<String, Double> constants = new LinkedHashMap<>();
        Map<String, Boolean> absent = new LinkedHashMap<>();
        for (String metric : Metrics.ALL) {
            constants.put(metric, value(r));
            boolean anchor = metric.equals(Metrics.SHARES) || metric.equals("totalRevenue")
                    || metric.equals("operatingCashflow");
            absent.put(metric, !anchor && r.nextInt(10) == 0);
        }
        long metricsSeed = r.nextLong();
        Map<AvFunction, List<StatementReport>> statements = Fixtures.statements(fiscal, (metric, i) -> {
            if (absent.get(metric)) {
                return Double.NaN;
            }
            if (constant) {
                return metric.equals(Metrics.SHARES) ? Math.abs(constants.get(metric)) + 1 : constants.get(metric);
            }
            Random v = new Random(metricsSeed ^ metric.hashCode() * 31L ^ i);
            double x = value(v);
            return metric.equals(Metrics.SHARES) ? Math.abs(x) + 1 : x;
        });
        List<EarningsReport> earnings = new ArrayList<>();
        for (LocalDate f : fiscal) {
            earnings.add(new EarningsReport(f, f.plusDays(20 + r.nextInt(41)), null));
        }
        Collections.reverse(earnings);
        LocalDate firstBar = LocalDate.of(2009, 1, 1).plusDays(r.nextInt(500));
        LocalDate lastReport = fiscal.get(nq - 1).plusDays(60);
        int days = (int) java.time.temporal.ChronoUnit.DAYS.between(firstBar, lastReport) + r.nextInt(300);
        List<DailyBar> bars = bars(r, firstBar, Math.max(days, 60), 0.02);
        return new TickerData("GEN", bars, splits(r, bars), earnings, statements);
    }

    /** The data as it was known at the end of day {@code d}. See {@code NoLookAheadProperties}. */
    static TickerData knownAt(TickerData data, LocalDate d) {
        List<DailyBar> bars = data.bars().stream().filter(b -> !b.date().isAfter(d)).toList();
        List<Split> splits = data.splits().stream().filter(s -> !s.effectiveDate().isAfter(d)).toList();
        LocalDate lastKnown = null;
        for (EarningsReport e : data.earnings()) {
            if (e.reportedDate() != null && !e.reportedDate().isAfter(d)
                    && (lastKnown == null || e.fiscalDateEnding().isAfter(lastKnown))) {
                lastKnown = e.fiscalDateEnding();
            }
        }
        LocalDate cutoff = lastKnown == null ? LocalDate.MIN : lastKnown;
        List<EarningsReport> earnings = data.earnings().stream()
                .filter(e -> !e.fiscalDateEnding().isAfter(cutoff)).toList();
        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        data.statements().forEach((f, reports) -> statements.put(f,
                reports.stream().filter(s -> !s.fiscalDateEnding().isAfter(cutoff)).toList()));
        return new TickerData(data.ticker(), bars, splits, earnings, statements);
    }

    private static double value(Random r) {
        double scale = Math.pow(10, r.nextInt(10));
        return Math.round(r.nextGaussian() * scale * 100) / 100.0;
    }

    private static <T> void order(Random r, List<T> list) {
        if (r.nextInt(4) == 0) {
            Collections.shuffle(list, r);
        } else {
            Collections.reverse(list);
        }
    }

    private static List<DailyBar> bars(Random r, LocalDate from, int days, double missing) {
        List<DailyBar> bars = new ArrayList<>();
        double price = 10 + r.nextInt(200);
        for (LocalDate x = from; x.isBefore(from.plusDays(days)); x = x.plusDays(1)) {
            if (x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY
                    || r.nextInt(50) == 0) {
                continue;
            }
            price = Math.max(0.01, price * (1 + r.nextGaussian() * 0.02));
            double close = r.nextDouble() < missing ? Double.NaN : r.nextInt(200) == 0 ? 0 : price;
            bars.add(new DailyBar(x, maybe(r, price, missing), maybe(r, price * 1.01, missing),
                    maybe(r, price * 0.99, missing), close, maybe(r, price * 0.9, missing),
                    maybe(r, r.nextInt(1_000_000), missing), r.nextInt(60) == 0 ? 0.25 : 0, 1));
        }
        return bars;
    }

    private static double maybe(Random r, double v, double missing) {
        return r.nextDouble() < missing ? Double.NaN : v;
    }

    private static List<Split> splits(Random r, List<DailyBar> bars) {
        List<Split> splits = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n && !bars.isEmpty(); i++) {
            LocalDate when = bars.get(r.nextInt(bars.size())).date().plusDays(r.nextInt(3));
            splits.add(new Split(when, FACTORS[r.nextInt(FACTORS.length)]));
        }
        return splits;
    }
}
