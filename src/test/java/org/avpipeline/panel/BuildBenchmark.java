package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.TickerPanel;

/**
 * A benchmark, not a test: builds a synthetic universe ({@code tickers} × ~20 years of prices and 80 quarters) with
 * {@code threads} threads and prints the time. Run with, for example,
 * {@code java -Xmx1g -cp target/classes:target/test-classes:<deps> org.avpipeline.panel.BuildBenchmark 3000 2}.
 */
public final class BuildBenchmark {
    private BuildBenchmark() {}

    public static void main(String[] args) throws Exception {
        int tickers = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        TickerData[] templates = new TickerData[8];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = template(i);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tickers; i++) {
            names.add(String.format("T%05d", i));
        }
        BuildParameters params = BuildParameters.of(LocalDate.of(2005, 1, 1));
        for (int round = 0; round < 2; round++) {
            AtomicLong checksum = new AtomicLong();
            BuildSummary s = new UniverseBuild(params, threads).run(names, t -> {
                TickerData x = templates[Integer.parseInt(t.substring(1)) % templates.length];
                return new TickerData(t, x.bars(), x.splits(), x.earnings(), x.statements());
            }, r -> {
                TickerPanel p = r.panel();
                if (p != null) {
                    checksum.addAndGet(Double.doubleToLongBits(p.doubles("market_cap")[p.rows() - 1]));
                }
            });
            System.out.printf("round %d: %d tickers, %d rows x %d columns in %d ms (%d threads, checksum %x)%n",
                    round, s.tickersInUniverse(), s.rows(), org.avpipeline.artifact.ArtifactSchema.COLUMNS.size(),
                    s.elapsed().toMillis(), threads, checksum.get());
        }
    }

    private static TickerData template(int seed) {
        Random r = new Random(seed);
        List<DailyBar> bars = Fixtures.weekdays("2004-01-01", "2024-12-31", x -> 10 + r.nextDouble());
        List<LocalDate> fiscal = Fixtures.quarterEnds("2004-03-31", 84);
        var statements = Fixtures.statements(fiscal, (m, i) -> 1000 + 10.0 * i + r.nextInt(50));
        List<EarningsReport> earnings = Fixtures.earnings(fiscal, 30);
        java.util.Map<AvFunction, List<StatementReport>> st = new java.util.EnumMap<>(statements);
        return new TickerData("X", bars, List.of(new org.avpipeline.alphavantage.Split(LocalDate.of(2014, 6, 9), 7)),
                earnings, st);
    }
}
