package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TableWriter;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code inspect} on the companion files: recognised, checked against their own schema, rows by ticker and dates. */
class InspectCompanionsTest {
    @TempDir
    Path dir;

    private Path quarterly;
    private Path prices;
    private Path profiles;

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
        return new Run(cl.execute(a), out.toString(), err.toString());
    }

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }

    @BeforeEach
    void write() throws Exception {
        ArtifactMetadata meta = new ArtifactMetadata("9.9.9", "run-7", "QQQ", LocalDate.of(2020, 1, 1),
                Instant.parse("2025-06-01T06:00:00Z"));
        quarterly = dir.resolve(CompanionSchemas.QUARTERLY.fileName());
        try (TableWriter w = TableWriter.open(CompanionSchemas.QUARTERLY, quarterly, meta)) {
            TableRows r = TableRows.empty(CompanionSchemas.QUARTERLY, "AAPL", 2);
            r.dates(ArtifactSchema.FISCAL_DATE_ENDING)[0] = day("2024-09-30");
            r.dates(ArtifactSchema.FISCAL_DATE_ENDING)[1] = day("2024-12-31");
            r.dates(ArtifactSchema.REPORTED_DATE)[0] = day("2024-10-31");
            r.dates(CompanionSchemas.AVAILABLE_DATE)[0] = day("2024-11-01");
            r.strings(CompanionSchemas.REPORT_TIME)[0] = "post-market";
            r.doubles(Metrics.SHARES)[0] = 15e9;
            r.doubles(Metrics.SHARES)[1] = 14.9e9;
            r.doubles("totalRevenue_ttm")[1] = 391e9;
            w.write(r);
            w.commit();
        }
        prices = dir.resolve(CompanionSchemas.PRICES.fileName());
        try (TableWriter w = TableWriter.open(CompanionSchemas.PRICES, prices, meta)) {
            TableRows r = TableRows.empty(CompanionSchemas.PRICES, "AAPL", 3);
            for (int i = 0; i < 3; i++) {
                r.dates(ArtifactSchema.DATE)[i] = day("2025-01-02") + i;
                r.doubles(CompanionSchemas.CLOSE)[i] = 240.0 + i;
            }
            w.write(r);
            w.commit();
        }
        profiles = dir.resolve(CompanionSchemas.PROFILES.fileName());
        try (TableWriter w = TableWriter.open(CompanionSchemas.PROFILES, profiles, meta)) {
            TableRows r = TableRows.empty(CompanionSchemas.PROFILES, "AAPL", 1);
            r.strings("name")[0] = "Apple Inc";
            r.strings("sector")[0] = "TECHNOLOGY";
            r.timestamps(CompanionSchemas.FETCHED_AT)[0] = Instant.parse("2025-05-30T06:00:01.250Z").toEpochMilli();
            w.write(r);
            w.commit();
        }
    }

    @Test
    void eachCompanionIsRecognisedAndMatchesItsOwnSchema() {
        Run q = inspect(quarterly);
        assertEquals(0, q.exit(), q.err());
        assertTrue(q.out().contains("148 columns, ttm_quarterly_artifact.parquet's"), q.out());
        assertTrue(q.out().contains("dates       2024-09-30 to 2024-12-31"), q.out());
        assertTrue(q.out().matches("(?s).*avpipeline\\.table\\s+ttm_quarterly_artifact\n.*"), q.out());
        Run p = inspect(prices);
        assertEquals(0, p.exit(), p.err());
        assertTrue(p.out().contains("10 columns, price_artifact.parquet's"), p.out());
        assertTrue(p.out().contains("dates       2025-01-02 to 2025-01-04"), p.out());
        Run c = inspect(profiles);
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("10 columns, company_profile.parquet's"), c.out());
        assertTrue(c.out().matches("(?s).*fetched_at\\s+INT64 \\(Timestamp\\(MILLIS,true\\)\\)\\s+OPTIONAL.*"), c.out());
    }

    @Test
    void asOfADayTheQuartersAvailableThenInTheirVersionOfThatDay() {
        // reported after the close of 2024-10-31: available on 2024-11-01, its available_date
        Run before = inspect(quarterly, "--ticker", "AAPL", "--as-of", "2024-10-31", "--columns", "fiscalDateEnding");
        assertEquals(1, before.exit());
        assertTrue(before.err().contains("no rows for ticker AAPL as of 2024-10-31"), before.err());
        Run on = inspect(quarterly, "--ticker", "AAPL", "--as-of", "2024-11-01", "--columns",
                "fiscalDateEnding,commonStockSharesOutstanding", "--csv");
        assertEquals(0, on.exit(), on.err());
        assertEquals("fiscalDateEnding,commonStockSharesOutstanding\n2024-09-30,15000000000\n", on.out());
        Run panel = inspect(prices, "--ticker", "AAPL", "--as-of", "2025-01-02");
        assertEquals(2, panel.exit());
        assertTrue(panel.err().contains("--as-of reads the quarterly companion"), panel.err());
    }

    @Test
    void aTickersRowsOfEachCompanion() {
        Run q = inspect(quarterly, "--ticker", "AAPL", "--columns", "fiscalDateEnding,available_date,totalRevenue_ttm",
                "--from", "2024-12-01", "--csv");
        assertEquals(0, q.exit(), q.err());
        assertEquals("fiscalDateEnding,available_date,totalRevenue_ttm\n2024-12-31,,391000000000\n", q.out());
        Run p = inspect(prices, "--ticker", "AAPL", "--columns", "date,close", "--to", "2025-01-03", "--csv");
        assertEquals(0, p.exit(), p.err());
        assertEquals("date,close\n2025-01-02,240\n2025-01-03,241\n", p.out());
        Run c = inspect(profiles, "--ticker", "AAPL", "--columns", "name,industry,fetched_at", "--csv");
        assertEquals(0, c.exit(), c.err());
        assertEquals("name,industry,fetched_at\nApple Inc,,2025-05-30T06:00:01.250Z\n", c.out());
    }

    @Test
    void aFileIsRecognisedByItsFooterFirstThenByItsName() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        // the profile file's bytes under the price file's name: its footer says company_profile
        Path renamed = Files.copy(profiles, other.resolve(CompanionSchemas.PRICES.fileName()));
        Run r = inspect(renamed);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("company_profile.parquet's"), r.out());
        // a file without the footer key, named like the price companion, is checked against the price schema
        Path panel = other.resolve(ArtifactSchema.FILE_NAME);
        try (org.avpipeline.artifact.ArtifactWriter w = org.avpipeline.artifact.ArtifactWriter.open(panel,
                new ArtifactMetadata("9.9.9", "run-7", "QQQ", LocalDate.of(2020, 1, 1), Instant.now()))) {
            w.commit();
        }
        Path misnamed = Files.move(panel, other.resolve("x").resolveSibling(CompanionSchemas.QUARTERLY.fileName()));
        Run bad = inspect(misnamed);
        assertEquals(InspectCommand.PROBLEM, bad.exit());
        assertTrue(bad.err().contains("is a Parquet file but not a ttm_quarterly_artifact.parquet"), bad.err());
        assertTrue(bad.out().contains("NOT ttm_quarterly_artifact.parquet's"), bad.out());
    }

    @Test
    void aTickersPanelRowsEndWithWhenEachQuarterReachedThePanel() throws Exception {
        Path panel = dir.resolve(ArtifactSchema.FILE_NAME);
        ArtifactMetadata meta = new ArtifactMetadata("9.9.9", "run-7", "QQQ", LocalDate.of(2020, 1, 1),
                Instant.parse("2025-06-01T06:00:00Z"));
        try (org.avpipeline.artifact.ArtifactWriter w = org.avpipeline.artifact.ArtifactWriter.open(panel, meta)) {
            org.avpipeline.artifact.TickerPanel a = org.avpipeline.artifact.TickerPanel.empty("AAPL", 3);
            String[] days = {"2024-10-31", "2024-11-01", "2024-11-04"};
            for (int i = 0; i < 3; i++) {
                a.dates(ArtifactSchema.DATE)[i] = day(days[i]);
                a.dates(ArtifactSchema.FISCAL_DATE_ENDING)[i] = i == 0 ? org.avpipeline.artifact.TickerPanel.NO_DATE
                        : day("2024-09-30");
                a.dates(ArtifactSchema.REPORTED_DATE)[i] = i == 0 ? org.avpipeline.artifact.TickerPanel.NO_DATE
                        : day("2024-10-31");
            }
            w.write(a);
            w.commit();
        }
        Run r = inspect(panel, "--ticker", "AAPL");
        assertEquals(0, r.exit(), r.err());
        String quarters = r.out().substring(r.out().indexOf("quarters of AAPL"));
        assertTrue(quarters.contains("report time and available_date from ttm_quarterly_artifact.parquet"), quarters);
        assertTrue(quarters.matches("(?s).*fiscalDateEnding\\s+reportedDate\\s+report_time\\s+available_date\\s+"
                + "first_day_in_panel\n2024-09-30\\s+2024-10-31\\s+post-market\\s+2024-11-01\\s+2024-11-01\n"
                + "2024-12-31\\s+NA\\s+NA\\s+NA\\s+NA\n"), quarters);
        Run columns = inspect(panel, "--ticker", "AAPL", "--columns", "date");
        assertTrue(!columns.out().contains("quarters of"), "only below the whole rows: " + columns.out());
        java.nio.file.Files.delete(quarterly);
        Run alone = inspect(panel, "--ticker", "AAPL");
        assertTrue(alone.out().contains("report times unknown"), alone.out());
        assertTrue(alone.out().matches("(?s).*\n2024-09-30\\s+2024-10-31\\s+NA\\s+NA\\s+2024-11-01\n"), alone.out());
    }
}
