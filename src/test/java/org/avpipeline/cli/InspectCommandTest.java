package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.ArtifactWriter;
import org.avpipeline.artifact.TickerPanel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
    @TempDir
    Path dir;

    private Path artifact;

    /** What one run of the command printed. */
    record Run(int exit, String out, String err) {}

    private static Run inspect(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] a = new String[args.length + 1];
        a[0] = "inspect";
        for (int i = 0; i < args.length; i++) {
            a[i + 1] = String.valueOf(args[i]);
        }
        int exit = cl.execute(a);
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeEach
    void writeArtifact() throws Exception {
        artifact = dir.resolve(ArtifactSchema.FILE_NAME);
        ArtifactMetadata meta = new ArtifactMetadata("9.9.9", "run-7", "SPY", LocalDate.of(2020, 1, 1),
                Instant.parse("2025-06-01T06:00:00Z"));
        try (ArtifactWriter w = ArtifactWriter.open(artifact, meta)) {
            TickerPanel a = TickerPanel.empty("AAPL", 3);
            int[] dates = a.dates(ArtifactSchema.DATE);
            double[] close = a.doubles("adjusted_close");
            for (int i = 0; i < 3; i++) {
                dates[i] = (int) LocalDate.of(2020, 1, 2 + i).toEpochDay();
                close[i] = 75.0 + i / 4.0;
            }
            close[1] = Double.NaN;
            a.doubles("volume")[0] = 135_480_400;
            a.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA)[2] = true;
            w.write(a);
            TickerPanel m = TickerPanel.empty("MSFT", 1);
            m.dates(ArtifactSchema.DATE)[0] = (int) LocalDate.of(2019, 12, 31).toEpochDay();
            m.doubles("adjusted_close")[0] = 157.7;
            w.write(m);
            w.commit();
        }
    }

    @Test
    void summarizesAnArtifact() {
        Run r = inspect(artifact);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("rows        4 in 1 row group\n"), r.out());
        assertTrue(r.out().contains("tickers     2\n"), r.out());
        assertTrue(r.out().contains("dates       2019-12-31 to 2020-01-04\n"), r.out());
        assertTrue(r.out().contains("compression ZSTD\n"), r.out());
        assertTrue(r.out().contains("  avpipeline.run_id      run-7\n"), r.out());
        assertTrue(r.out().contains("  avpipeline.created_at  2025-06-01T06:00:00Z\n"), r.out());
        assertTrue(r.out().contains("schema      160 columns, the artifact's\n"), r.out());
        String closeLine = r.out().lines().filter(l -> l.contains(" adjusted_close ")).findFirst().orElseThrow();
        assertTrue(closeLine.matches("\\s+9\\s+adjusted_close\\s+DOUBLE\\s+OPTIONAL\\s+25\\.0%\\s+\\(1\\)"), closeLine);
        String tickerLine = r.out().lines().filter(l -> l.contains(" ticker ")).findFirst().orElseThrow();
        assertTrue(tickerLine.matches("\\s+1\\s+ticker\\s+BINARY \\(String\\)\\s+REQUIRED\\s+0\\.0%\\s+\\(0\\)"),
                tickerLine);
        assertTrue(r.out().contains("159  invested_capital_per_share"), r.out());
        assertTrue(r.out().contains("160  split_adjusted_close"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void printsATickersRowsAsCsv() {
        Run r = inspect(artifact, "--ticker", "AAPL", "--columns", "date,adjusted_close,volume,ticker", "--csv");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                date,adjusted_close,volume,ticker
                2020-01-02,75,135480400,AAPL
                2020-01-03,,,AAPL
                2020-01-04,75.5,,AAPL
                """, r.out());
    }

    @Test
    void printsATickersRowsAsATableWithinDates() {
        Run r = inspect(artifact, "--ticker", "AAPL", "--columns", "date,adjusted_close,has_complete_financial_data",
                "--from", "2020-01-03", "--to", "2020-01-04");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                date        adjusted_close  has_complete_financial_data
                2020-01-03              NA  false
                2020-01-04            75.5  true
                """, r.out());
    }

    @Test
    void readsAnArtifactTheRSystemWrote() throws Exception {
        Path r = dir.resolve("r.parquet");
        String columns = ArtifactSchema.COLUMNS.stream()
                .map(c -> "NULL::" + switch (c.type()) {
                    case STRING -> "VARCHAR";
                    case DATE -> "DATE";
                    case DOUBLE -> "DOUBLE";
                    case BOOLEAN -> "BOOLEAN";
                    case TIMESTAMP -> "TIMESTAMPTZ";
                } + " AS \"" + c.name() + "\"")
                .collect(Collectors.joining(", "));
        String select = "SELECT * REPLACE ('ZZZ' AS ticker, DATE '2021-01-04' + i::INT AS date,"
                + " (i * 1.5)::DOUBLE AS open) FROM (SELECT " + columns + ", i FROM range(5) t(i))";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (" + select + ") TO '" + r + "' (FORMAT parquet)");
        }
        Run run = inspect(r);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("schema      161 columns, the artifact's and 1 appended\n"), run.out());

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT * EXCLUDE (i) FROM (" + select + ")) TO '" + r
                    + "' (FORMAT parquet, COMPRESSION snappy)");
        }
        run = inspect(r);
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("rows        5 in 1 row group\n"), run.out());
        assertTrue(run.out().contains("tickers     1\n"), run.out());
        assertTrue(run.out().contains("dates       2021-01-04 to 2021-01-08\n"), run.out());
        assertTrue(run.out().contains("compression SNAPPY\n"), run.out());
        assertTrue(run.out().contains("metadata    (none)\n"), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("\\s+1\\s+ticker\\s+BINARY \\(String\\)\\s+OPTIONAL\\s+"
                + "0\\.0%\\s+\\(0\\)")), run.out());
        Run rows = inspect(r, "--ticker", "ZZZ", "--columns", "date,open", "--csv", "--from", "2021-01-07");
        assertEquals("date,open\n2021-01-07,4.5\n2021-01-08,6\n", rows.out());
    }

    @Test
    void namesWhatDiffersInAnotherParquetFile() throws Exception {
        Path other = dir.resolve("other.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'AAA' AS ticker, 42 AS price) TO '" + other + "' (FORMAT parquet)");
        }
        Run r = inspect(other);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("is a Parquet file but not an artifact"), r.err());
        assertTrue(r.err().contains("missing 159 columns: date, fiscalDateEnding"), r.err());
        assertTrue(r.out().contains("schema      2 columns, NOT the artifact's"), r.out());
        assertTrue(r.out().contains("price"), r.out());
    }

    @Test
    void aMissingOrNonParquetFileIsAnError() throws Exception {
        Run missing = inspect(dir.resolve("nope.parquet"));
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("no such file: "), missing.err());
        assertEquals("", missing.out());

        Path csv = java.nio.file.Files.writeString(dir.resolve("x.parquet"), "ticker,date\n");
        Run notParquet = inspect(csv);
        assertEquals(1, notParquet.exit());
        assertTrue(notParquet.err().contains("is not a Parquet file"), notParquet.err());
    }

    @Test
    void anUnknownColumnSuggestsCloseOnes() {
        Run r = inspect(artifact, "--ticker", "AAPL", "--columns", "date,adjustedClose");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no column adjustedClose") && r.err().contains("did you mean adjusted_close?"),
                r.err());
        Run ttm = inspect(artifact, "--ticker", "AAPL", "--columns", "ebitda_ttm");
        assertTrue(ttm.err().contains("ebitda_ttm_per_share"), ttm.err());
    }

    @Test
    void anUnknownTickerOrRowOptionsWithoutTickerAreErrors() {
        Run none = inspect(artifact, "--ticker", "GOOG");
        assertEquals(1, none.exit());
        assertTrue(none.err().contains("no rows for ticker GOOG"), none.err());
        Run usage = inspect(artifact, "--csv");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("add --ticker"), usage.err());
    }
}
