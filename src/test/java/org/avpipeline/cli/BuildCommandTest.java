package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.bench.SimulatedRawStore;
import org.avpipeline.run.StoredAnswers;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code avpipeline build} on a raw store filled from the simulator, read back by DuckDB. */
class BuildCommandTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @TempDir
    static Path dir;

    static SimulatedMarket market;

    @BeforeAll
    static void fillStore() throws Exception {
        market = SimulatedMarket.create(7, "QQQ", 8, AS_OF);
        SimulatedRawStore.ensure(dir.resolve("data"), market, 2, java.time.Clock.systemUTC());
        LocalRawStore store = new LocalRawStore(dir.resolve("data"));
        List<String> tickers = market.tickers();
        // one ticker's daily series is not JSON, another's has an unparseable number, a third's file is truncated
        StoredAnswers.put(store, RawKey.of(tickers.get(1), AvFunction.TIME_SERIES_DAILY_ADJUSTED),
                "<html>oops</html>".getBytes(StandardCharsets.UTF_8));
        String earnings = new String(market.answer(AvFunction.EARNINGS, tickers.get(2)), StandardCharsets.UTF_8)
                .replaceFirst("\"reportedDate\": \"[0-9-]+\"", "\"reportedDate\": \"2021-13-45\"");
        StoredAnswers.put(store, RawKey.of(tickers.get(2), AvFunction.EARNINGS),
                earnings.getBytes(StandardCharsets.UTF_8));
        Path gz = store.answerFile(RawKey.of(tickers.get(3), AvFunction.CASH_FLOW));
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
    }

    record Result(int code, String out, String err) {}

    static Result build(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BuildCommand(Map.of()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /**
     * Issue 10: a damaged stored answer costs its ticker that data type only; the reason is in the summary. The build
     * is degraded (issue 21): written only with --accept-degraded.
     */
    @Test
    void buildsTheArtifactAndLosesOnlyTheDamagedDataTypes() throws Exception {
        Path artifact = dir.resolve("out/a.parquet");
        Files.createDirectories(artifact.getParent());
        Result r = build("--data-dir", dir.resolve("data").toString(), "--out", artifact.toString(),
                "--accept-degraded");
        assertEquals(0, r.code(), r.err());
        List<String> tickers = market.tickers();
        assertTrue(r.out().matches("(?s).*damaged stored answers +3\n.*"), r.out());
        assertFalse(r.out().contains("unreadable (not built)"), r.out());
        assertTrue(r.out().contains(tickers.get(1) + " TIME_SERIES_DAILY_ADJUSTED: stored answer damaged"), r.out());
        assertTrue(r.out().contains(tickers.get(2) + " EARNINGS: stored answer damaged") && r.out().contains("2021-13-45"),
                r.out());
        assertTrue(r.out().contains(tickers.get(3) + " CASH_FLOW: stored answer damaged"), r.out());

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            String from = " FROM read_parquet('" + artifact + "')";
            List<String> inFile = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT ticker" + from + " ORDER BY 1")) {
                while (rs.next()) {
                    inFile.add(rs.getString(1));
                }
            }
            List<String> expected = new ArrayList<>(tickers);
            expected.remove(tickers.get(1)); // its prices are damaged; the other two keep their prices
            expected.sort(null);
            assertEquals(expected, inFile);
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT (ticker, date)), min(date)" + from)) {
                rs.next();
                assertEquals(rs.getLong(1), rs.getLong(2), "(ticker, date) unique");
                assertFalse(rs.getDate(3).toLocalDate().isBefore(LocalDate.of(2004, 12, 31)));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT ticker, date, lag(ticker) OVER () pt, "
                    + "lag(date) OVER () pd" + from + ") WHERE pt > ticker OR (pt = ticker AND pd >= date)")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "rows sorted by ticker, then date");
            }
        }
    }

    @Test
    void keepsThePreviousArtifactWhenTheBuildHasNothingToWrite() throws Exception {
        Path artifact = dir.resolve("kept.parquet");
        Files.writeString(artifact, "previous");
        Result r = build("--data-dir", dir.resolve("data").toString(), "--tickers", "NOPE1,NOPE2",
                "--out", artifact.toString());
        assertEquals(ExitCodes.NOTHING_TO_WRITE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("no ticker of the 2 has price data"), r.err());
        assertEquals("previous", Files.readString(artifact));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("kept.parquet.")),
                    "no temporary file left behind");
        }
    }

    /** Issue 21.3: --out naming a folder stops before any work; nothing is written beside or above it. */
    @Test
    void refusesAnOutThatIsAFolderOrUnderAFileBeforeAnyWork() throws Exception {
        Path parent = dir.resolve("out-folder-case");
        Path folder = parent.resolve("artifact");
        Files.createDirectories(folder);
        Result r = build("--data-dir", dir.resolve("data").toString(), "--out", folder.toString());
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Invalid --out " + folder + ": it is a folder"), r.err());
        assertEquals("", r.out(), "no build was started");
        try (var files = Files.list(parent)) {
            assertEquals(List.of(folder), files.toList(), "no companion file written into the folder's parent");
        }
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count());
        }

        Path aFile = parent.resolve("plain.txt");
        Files.writeString(aFile, "x");
        Result underFile = build("--data-dir", dir.resolve("data").toString(), "--out",
                aFile.resolve("a.parquet").toString());
        assertEquals(ExitCodes.USAGE, underFile.code(), underFile.out() + underFile.err());
        assertTrue(underFile.err().contains("is not a folder"), underFile.err());

        Files.createDirectories(parent.resolve("b.ttm_quarterly_artifact.parquet"));
        Result companionIsFolder = build("--data-dir", dir.resolve("data").toString(), "--out",
                parent.resolve("b.parquet").toString());
        assertEquals(ExitCodes.USAGE, companionIsFolder.code());
        assertTrue(companionIsFolder.err().contains("its companion file"), companionIsFolder.err());
    }

    /** Issue 21.3: two builds with different --out names in one folder keep their own companion files. */
    @Test
    void twoBuildsWithDifferentNamesInOneFolderKeepTheirOwnCompanions() throws Exception {
        Path folder = dir.resolve("two-builds");
        List<String> tickers = market.tickers();
        Result first = build("--data-dir", dir.resolve("data").toString(), "--tickers", tickers.get(0),
                "--out", folder.resolve("one.parquet").toString());
        Result second = build("--data-dir", dir.resolve("data").toString(), "--tickers",
                tickers.get(4) + "," + tickers.get(5), "--out", folder.resolve("two.parquet").toString());
        Result standard = build("--data-dir", dir.resolve("data").toString(), "--tickers", tickers.get(6),
                "--out", folder.resolve("ttm_per_share_financial_artifact.parquet").toString());
        assertEquals(0, first.code(), first.out() + first.err());
        assertEquals(0, second.code(), second.out() + second.err());
        assertEquals(0, standard.code(), standard.out() + standard.err());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            Map<String, List<String>> built = Map.of("one.", List.of(tickers.get(0)), "two.",
                    List.of(tickers.get(4), tickers.get(5)), "", List.of(tickers.get(6)));
            for (Map.Entry<String, List<String>> e : built.entrySet()) {
                for (String table : List.of("ttm_quarterly_artifact", "price_artifact", "company_profile")) {
                    Path file = folder.resolve(e.getKey() + table + ".parquet");
                    List<String> inFile = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("SELECT DISTINCT ticker FROM read_parquet('" + file
                            + "') ORDER BY 1")) {
                        while (rs.next()) {
                            inFile.add(rs.getString(1));
                        }
                    }
                    assertTrue(e.getValue().containsAll(inFile), file + ": " + inFile);
                    if (table.equals("price_artifact")) {
                        assertEquals(e.getValue().stream().sorted().toList(), inFile, file.toString());
                    }
                }
            }
        }
        assertTrue(first.out().contains("one.price_artifact.parquet"), first.out());
    }

    /** Issue 20: the mode of statement values, as-served by default, named in every file's footer. */
    @Test
    void theCleaningModeIsChosenValidatedAndNamedInTheFooter() throws Exception {
        for (String mode : new String[] {null, "as-served", "reference"}) {
            Path artifact = dir.resolve("mode-" + mode + "/a.parquet");
            Files.createDirectories(artifact.getParent());
            // the store holds damaged answers (fillStore): degraded, written only with --accept-degraded (issue 21)
            Result r = mode == null
                    ? build("--data-dir", dir.resolve("data").toString(), "--out", artifact.toString(),
                            "--accept-degraded")
                    : build("--data-dir", dir.resolve("data").toString(), "--out", artifact.toString(),
                            "--cleaning", mode, "--accept-degraded");
            assertEquals(0, r.code(), r.out() + r.err());
            for (Path file : List.of(artifact, artifact.resolveSibling("a.ttm_quarterly_artifact.parquet"))) {
                assertEquals(mode == null ? "as-served" : mode, org.avpipeline.artifact.ArtifactReader.open(file)
                        .keyValueMetadata().get(org.avpipeline.artifact.ArtifactSchema.META_CLEANING), file.toString());
            }
        }
        Path untouched = dir.resolve("mode-bad/a.parquet");
        Result bad = build("--data-dir", dir.resolve("data").toString(), "--out", untouched.toString(),
                "--cleaning", "repaired");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("Invalid --cleaning: 'repaired' is not a cleaning mode (as-served|reference)"),
                bad.err());
        assertFalse(Files.exists(untouched.getParent()), "nothing done");
        CommandLine env = new CommandLine(new BuildCommand(Map.of("CLEANING", "Reference ")));
        StringWriter err = new StringWriter();
        env.setErr(new PrintWriter(err));
        assertEquals(0, env.execute("--data-dir", dir.resolve("data").toString(), "--out",
                dir.resolve("mode-env/a.parquet").toString(), "--no-companions", "--accept-degraded"), err.toString());
        assertEquals("reference", org.avpipeline.artifact.ArtifactReader.open(dir.resolve("mode-env/a.parquet"))
                .keyValueMetadata().get(org.avpipeline.artifact.ArtifactSchema.META_CLEANING));
        CommandLine badEnv = new CommandLine(new BuildCommand(Map.of("CLEANING", "none")));
        badEnv.setErr(new PrintWriter(new StringWriter()));
        assertEquals(ExitCodes.USAGE, badEnv.execute("--data-dir", dir.resolve("data").toString(), "--out",
                dir.resolve("mode-env2/a.parquet").toString()));
    }

    @Test
    void explainsAMissingRawStoreOrProfileBeforeDoingAnything() {
        Result noStore = build("--data-dir", dir.resolve("nothing-here").toString(), "--out", "x.parquet");
        assertEquals(ExitCodes.USAGE, noStore.code());
        assertTrue(noStore.err().contains("no raw store"), noStore.err());

        Result noProfile = build("--data-dir", dir.resolve("data").toString(), "--etf", "SPY", "--out", "x.parquet");
        assertEquals(ExitCodes.USAGE, noProfile.code());
        assertTrue(noProfile.err().contains("no stored ETF profile for SPY"), noProfile.err());

        Result badDate = build("--data-dir", dir.resolve("data").toString(), "--start-date", "2024-02-30",
                "--out", "x.parquet");
        assertEquals(ExitCodes.USAGE, badDate.code());
        assertTrue(badDate.err().contains("--start-date"), badDate.err());
    }
}
