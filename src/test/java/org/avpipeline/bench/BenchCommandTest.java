package org.avpipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.cli.Main;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.Sha256;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmarks end to end on tiny universes (what they measure is not asserted: no timed tests). */
class BenchCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void fetchReportsCallsAndCompleteness() {
        Run r = run("bench", "fetch", "--tickers", "2", "--rate-limit", "6000", "--latency-ms", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Calls               12 (0 retries)"), r.out());
        assertTrue(r.out().contains("Ideal (calls/rate)  0.12 s"), r.out());
        assertTrue(r.out().contains("All six data types  yes, every ticker"), r.out());
    }

    @Test
    void fetchThroughTheEtfDoesNotCountItsUnknownHoldingAsAFailure() {
        Run r = run("bench", "fetch", "--tickers", "2", "--etf", "--rate-limit", "6000", "--latency-ms", "0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Failures            0"), r.out());
        assertTrue(r.out().contains("All six data types  yes, every ticker"), r.out());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(2, run("bench", "fetch", "--faults", "nonsense=1").code());
        assertEquals(2, run("bench", "fetch", "--rate-limit", "0").code());
        assertEquals(2, run("bench", "build", "--threads", "0").code());
    }

    @Test
    void buildFillsTheStoreOnceThenReusesIt() throws Exception {
        Path data = dir.resolve("data");
        Run first = run("bench", "build", "--tickers", "3", "--data-dir", data.toString());
        assertEquals(0, first.code(), first.err());
        // the ETF profile, six answers and an OVERVIEW for each of the 3 tickers
        assertTrue(first.out().contains("filled now (22 answers"), first.out());
        assertTrue(first.out().contains("Tickers             4 (3 in the artifact)"), "the ETF's unknown holding too: "
                + first.out());
        assertTrue(Files.isRegularFile(BuildBenchmark.artifactPath(data)));

        Run second = run("bench", "build", "--tickers", "3", "--data-dir", data.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("Raw store           reused"), second.out());
        assertEquals(rowsLine(first.out()), rowsLine(second.out()));
    }

    @Test
    void theFilledStoreHoldsTheMarketsAnswersWithTheirMetadata() throws Exception {
        SimulatedMarket market = SimulatedMarket.create(7, "QQQ", 2, LocalDate.of(2026, 6, 30));
        SimulatedRawStore.Fill fill = SimulatedRawStore.ensure(dir, market, 2, Clock.systemUTC());
        assertEquals(15, fill.answers(), "the ETF profile, six answers and an OVERVIEW per ticker");
        LocalRawStore store = new LocalRawStore(dir);
        for (String ticker : market.tickers()) {
            for (AvFunction f : AvFunction.PER_TICKER) {
                var stored = store.read(RawKey.of(ticker, f)).orElseThrow();
                byte[] expected = market.answer(f, ticker);
                assertEquals(Sha256.hex(expected), stored.metadata().sha256());
                assertTrue(stored.metadata().request().contains("function=" + f.name() + "&symbol=" + ticker),
                        stored.metadata().request());
                assertTrue(stored.metadata().request().endsWith("apikey=***"), stored.metadata().request());
            }
        }
        assertTrue(store.read(RawKey.etfProfile("QQQ")).isPresent());
        for (String ticker : market.tickers()) {
            assertEquals(Sha256.hex(market.answer(AvFunction.OVERVIEW, ticker)),
                    store.read(RawKey.of(ticker, AvFunction.OVERVIEW)).orElseThrow().metadata().sha256());
        }
        assertTrue(SimulatedRawStore.ensure(dir, market, 2, Clock.systemUTC()).reused());
        SimulatedMarket other = SimulatedMarket.create(8, "QQQ", 2, LocalDate.of(2026, 6, 30));
        assertTrue(!SimulatedRawStore.ensure(dir, other, 2, Clock.systemUTC()).reused(), "another market is refilled");
    }

    private static String rowsLine(String out) {
        return out.lines().filter(l -> l.startsWith("Rows ")).findFirst().orElseThrow();
    }
}
