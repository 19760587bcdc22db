package org.avpipeline.artifact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A throwaway measurement, not a test: writes a synthetic artifact of about a million rows and prints rows per second.
 * Run: {@code java -cp target/avpipeline.jar:target/test-classes:target/lib/* org.avpipeline.artifact.WriteBenchmark
 * [rows [file-to-keep]]}.
 */
public final class WriteBenchmark {
    private WriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        int totalRows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rowsPerTicker = 6_700;
        int tickerCount = (totalRows + rowsPerTicker - 1) / rowsPerTicker;
        // At most 150 distinct panels are generated; larger runs reuse their arrays under new ticker names.
        List<TickerPanel> distinct = new java.util.ArrayList<>();
        Random random = new Random(42);
        for (int t = 0; t < Math.min(tickerCount, 150); t++) {
            int n = Math.min(rowsPerTicker, totalRows - t * rowsPerTicker);
            distinct.add(synthetic(String.format("T%05d", t), n, random));
        }
        List<TickerPanel> panels = new java.util.ArrayList<>();
        for (int t = 0; t < tickerCount; t++) {
            TickerPanel source = distinct.get(t % distinct.size());
            int n = Math.min(source.rows(), totalRows - t * rowsPerTicker);
            panels.add(t < distinct.size() ? source : renamed(source, String.format("T%05d", t), n));
        }
        Path dir = Files.createTempDirectory("artifact-bench");
        Path file = args.length > 1 ? Path.of(args[1]) : dir.resolve(ArtifactSchema.FILE_NAME);
        ArtifactMetadata meta = new ArtifactMetadata("bench", "bench", "BENCH", LocalDate.of(2000, 1, 1),
                Instant.now());
        for (int round = 0; round < 3; round++) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ArtifactStats stats;
            try (ArtifactWriter w = ArtifactWriter.open(file, meta)) {
                for (TickerPanel p : panels) {
                    w.write(p);
                }
                stats = w.commit();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("round %d: %,d rows x %d columns in %.2f s wall = %,.0f rows/s; thread CPU %.2f s = "
                            + "%,.0f rows/CPU-s; %,d bytes, %d row groups%n", round, stats.rows(), stats.columns(), s,
                    stats.rows() / s, cpu, stats.rows() / cpu, stats.bytes(), stats.rowGroups());
        }
        if (args.length < 2) {
            Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
    }

    private static final java.util.Set<String> DAILY =
            java.util.Set.of("open", "high", "low", "adjusted_close", "volume", "market_cap");

    /** The first {@code n} rows of a panel under another ticker (sharing its arrays when all rows are kept). */
    private static TickerPanel renamed(TickerPanel p, String ticker, int n) {
        Object[] columns = new Object[ArtifactSchema.COLUMNS.size()];
        for (int c = 1; c < columns.length; c++) {
            columns[c] = switch (ArtifactSchema.COLUMNS.get(c).type()) {
                case DATE -> n == p.rows() ? p.dates(c) : java.util.Arrays.copyOf(p.dates(c), n);
                case DOUBLE -> n == p.rows() ? p.doubles(c) : java.util.Arrays.copyOf(p.doubles(c), n);
                case BOOLEAN -> n == p.rows() ? p.booleans(c) : java.util.Arrays.copyOf(p.booleans(c), n);
                case STRING, TIMESTAMP -> null;
            };
        }
        return new TickerPanel(ticker, n, columns);
    }

    /** Prices change daily; fundamentals step once a quarter; a third of the metric columns are empty. */
    static TickerPanel synthetic(String ticker, int n, Random random) {
        TickerPanel p = TickerPanel.empty(ticker, n);
        List<Column> columns = ArtifactSchema.COLUMNS;
        int start = (int) LocalDate.of(1999, 11, 1).toEpochDay();
        for (int c = 1; c < columns.size(); c++) {
            Column col = columns.get(c);
            switch (col.type()) {
                case DATE -> {
                    int[] a = p.dates(c);
                    for (int i = 0; i < n; i++) {
                        a[i] = c == 1 ? start + i + (i / 5) * 2 : start + (i / 63) * 91;
                    }
                }
                case DOUBLE -> {
                    double[] a = p.doubles(c);
                    String name = col.name();
                    boolean daily = DAILY.contains(name);
                    boolean empty = !daily && c > 16 && random.nextInt(3) == 0;
                    double v = 10 + random.nextDouble() * 100;
                    for (int i = 0; i < n; i++) {
                        if (empty || (c > 16 && i < 60)) {
                            continue;
                        }
                        if (name.equals("dividend_amount")) {
                            a[i] = i % 63 == 30 ? 0.25 : 0.0;
                        } else if (name.equals("split_coefficient")) {
                            a[i] = 1.0;
                        } else {
                            if (daily || i % 63 == 0) {
                                v = v * (1 + random.nextGaussian() * 0.02);
                            }
                            a[i] = name.equals("adjusted_close") ? v : Math.round(v * 100) / 100.0;
                        }
                    }
                }
                case BOOLEAN -> {
                    boolean[] a = p.booleans(c);
                    for (int i = 0; i < n; i++) {
                        a[i] = i >= 60;
                    }
                }
                case STRING -> { }
            }
        }
        return p;
    }
}
