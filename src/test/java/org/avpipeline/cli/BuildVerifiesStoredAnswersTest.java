package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.bench.SimulatedRawStore;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 21.1: {@code build} verifies every stored answer as the fetch does (metadata, SHA-256, parse), lists each one
 * it cannot use with the reason and the command that fetches it again, and ends with the outcome rules (degraded:
 * exit 8, nothing written, unless --accept-degraded). The scenario: a deleted price metadata, a deleted
 * income-statement metadata, a price file edited and gzipped again (its gzip is intact, its SHA-256 is not).
 */
class BuildVerifiesStoredAnswersTest {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @TempDir
    Path dir;

    SimulatedMarket market;
    Path data;
    LocalRawStore store;
    List<String> tickers;

    @BeforeEach
    void fillStore() throws Exception {
        market = SimulatedMarket.create(11, "QQQ", 5, AS_OF);
        data = dir.resolve("data");
        SimulatedRawStore.ensure(data, market, 2, java.time.Clock.systemUTC());
        store = new LocalRawStore(data);
        tickers = market.tickers().stream().sorted().toList();
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

    /** Edits the stored price answer's first adjusted close and gzips it again, leaving its metadata as it was. */
    private void editPrices(String ticker) throws Exception {
        Path gz = store.answerFile(RawKey.of(ticker, AvFunction.TIME_SERIES_DAILY_ADJUSTED));
        String body;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(gz))) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String edited = body.replaceFirst("(\"5\\. adjusted close\":\\s*\")[^\"]*(\")", "$199999.0$2");
        assertFalse(edited.equals(body), "the price answer was edited");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(edited.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(gz, bytes.toByteArray());
    }

    @Test
    void aBuildOnAStoreWithLostAndEditedAnswersIsDegradedListsThemAndWritesNothing() throws Exception {
        String lostPrices = tickers.get(0);
        String lostIncome = tickers.get(1);
        String edited = tickers.get(2);
        Files.delete(store.metadataFile(RawKey.of(lostPrices, AvFunction.TIME_SERIES_DAILY_ADJUSTED)));
        Files.delete(store.metadataFile(RawKey.of(lostIncome, AvFunction.INCOME_STATEMENT)));
        editPrices(edited);
        Path artifact = dir.resolve("out/qqq.parquet");

        Result r = build("--data-dir", data.toString(), "--out", artifact.toString());

        assertEquals(ExitCodes.DEGRADED, r.code(), r.out() + r.err());
        assertFalse(Files.exists(artifact), "a degraded build writes nothing");
        try (Stream<Path> files = Files.list(artifact.getParent())) {
            assertEquals(List.of(), files.toList(), "no companion or temporary file either");
        }
        assertTrue(r.out().contains(lostPrices + " TIME_SERIES_DAILY_ADJUSTED: stored answer damaged")
                && r.out().contains("TIME_SERIES_DAILY_ADJUSTED.meta.json is missing"), r.out());
        assertTrue(r.out().contains(lostIncome + " INCOME_STATEMENT: stored answer damaged")
                && r.out().contains("INCOME_STATEMENT.meta.json is missing"), r.out());
        assertTrue(r.out().contains(edited + " TIME_SERIES_DAILY_ADJUSTED: stored answer damaged")
                && r.out().contains("does not match the sha256 of its metadata"), r.out());
        assertTrue(r.out().contains("Fetch them again with: avpipeline fetch --data-dir " + data + " --tickers "
                + String.join(",", List.of(lostPrices, lostIncome, edited).stream().sorted().toList())), r.out());
        String withoutPrices = r.out().lines().filter(l -> l.contains("without prices")).findFirst().orElse("");
        assertTrue(withoutPrices.contains(lostPrices) && withoutPrices.contains(edited)
                && !withoutPrices.contains(lostIncome), r.out());
        assertTrue(r.out().contains("Outcome                degraded (not published)"), r.out());
        assertTrue(r.out().contains("--accept-degraded"), r.out());
    }

    /** The command the build prints fetches exactly what it could not use: the next build is clean. */
    @Test
    void thePrintedFetchCommandRepairsTheStore() throws Exception {
        Files.delete(store.metadataFile(RawKey.of(tickers.get(0), AvFunction.TIME_SERIES_DAILY_ADJUSTED)));
        editPrices(tickers.get(2));
        Path artifact = dir.resolve("out/qqq.parquet");
        Result degraded = build("--data-dir", data.toString(), "--out", artifact.toString());
        assertEquals(ExitCodes.DEGRADED, degraded.code(), degraded.out() + degraded.err());
        String command = degraded.out().lines().filter(l -> l.contains("Fetch them again with: "))
                .map(l -> l.substring(l.indexOf("avpipeline fetch "))).findFirst().orElseThrow();

        try (org.avpipeline.simulator.SimulatorServer simulator = org.avpipeline.simulator.SimulatorServer.start(
                org.avpipeline.simulator.SimulatorConfig.defaults().withSeed(11).withTickers(5).withAsOf(AS_OF))) {
            List<String> args = new java.util.ArrayList<>(List.of(command.substring("avpipeline fetch ".length())
                    .split(" ")));
            args.addAll(List.of("--api-key", "demo", "--rate-limit", "6000", "--av-url", simulator.baseUrl()));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine fetch = new CommandLine(new FetchCommand(Map.of()));
            fetch.setOut(new PrintWriter(out));
            fetch.setErr(new PrintWriter(err));
            assertEquals(ExitCodes.OK, fetch.execute(args.toArray(String[]::new)), out + "\n" + err);
        }
        Result clean = build("--data-dir", data.toString(), "--out", artifact.toString());
        assertEquals(ExitCodes.OK, clean.code(), clean.out() + clean.err());
        assertFalse(clean.out().contains("damaged"), clean.out());
    }

    @Test
    void acceptDegradedWritesTheArtifactWithoutTheAnswersItCouldNotUse() throws Exception {
        String lostPrices = tickers.get(0);
        String edited = tickers.get(2);
        Files.delete(store.metadataFile(RawKey.of(lostPrices, AvFunction.TIME_SERIES_DAILY_ADJUSTED)));
        editPrices(edited);
        Path artifact = dir.resolve("out/qqq.parquet");

        Result r = build("--data-dir", data.toString(), "--out", artifact.toString(), "--accept-degraded");

        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("degraded (published: --accept-degraded)"), r.out());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(DISTINCT ticker), max(adjusted_close), "
                        + "count(*) FILTER (WHERE ticker IN ('" + lostPrices + "', '" + edited + "')) "
                        + "FROM read_parquet('" + artifact + "')")) {
            rs.next();
            assertEquals(tickers.size() - 2, rs.getInt(1));
            assertTrue(rs.getDouble(2) < 99999.0, "the edited price is not in the artifact");
            assertEquals(0, rs.getInt(3));
        }
    }

    @Test
    void aStoreWithoutMetadataSaysWhyNoTickerHasPrices() throws Exception {
        try (Stream<Path> walk = Files.walk(data.resolve("raw"))) {
            for (Path p : walk.filter(p -> p.getFileName().toString().endsWith(".meta.json")
                    && !p.toString().contains("_etf")).toList()) {
                Files.delete(p);
            }
        }
        Path artifact = dir.resolve("a.parquet");

        Result r = build("--data-dir", data.toString(), "--out", artifact.toString());

        assertEquals(ExitCodes.NOTHING_TO_WRITE, r.code(), r.out() + r.err());
        assertTrue(r.err().matches("(?s).*no ticker of the \\d+ has price data.*"), r.err());
        assertTrue(r.err().contains(tickers.get(0) + " TIME_SERIES_DAILY_ADJUSTED: stored answer damaged, built "
                + "without it (its metadata TIME_SERIES_DAILY_ADJUSTED.meta.json is missing"), r.err());
        assertTrue(r.err().contains("Fetch them again with: avpipeline fetch --data-dir " + data), r.err());
        assertFalse(Files.exists(artifact));
    }

    @Test
    void aVerifiedStoreBuildsAsBefore() {
        Path artifact = dir.resolve("out").resolve(org.avpipeline.artifact.ArtifactSchema.FILE_NAME);
        Result r = build("--data-dir", data.toString(), "--out", artifact.toString());
        assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Outcome                success"), r.out());
        assertFalse(r.out().contains("damaged"), r.out());
        assertTrue(Files.isRegularFile(artifact));
    }
}
