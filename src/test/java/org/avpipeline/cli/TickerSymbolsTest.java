package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 21, point 7: {@code --tickers} with symbols outside letters, digits, {@code .} and {@code -} is refused with
 * exit 2, each bad symbol named, before any request ({@code fetch}, {@code run}) or any read ({@code build}).
 */
class TickerSymbolsTest {
    private static final String BAD = "ACMA,../../etc,A/B,.,AC MA,ÄPPL,<img src=x>";
    private static SimulatorServer simulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        simulator = SimulatorServer.start(SimulatorConfig.defaults().withTickers(3).withAsOf(LocalDate.of(2025, 1, 3)));
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    record Result(int code, String out, String err) {}

    @Test
    void runAndFetchRefuseEachBadSymbolBeforeAnyRequest() {
        for (Callable<Integer> command : List.<Callable<Integer>>of(new RunCommand(Map.of()), new FetchCommand(Map.of()))) {
            long before = simulator.stats().requests();
            Result r = execute(command, "--api-key", "demo", "--av-url", simulator.baseUrl(), "--data-dir",
                    dir.toString(), "--tickers", BAD);
            assertEquals(ExitCodes.USAGE, r.code(), r.err() + r.out());
            assertNamesEachBadSymbol(r.err());
            assertEquals(before, simulator.stats().requests(), "no request");
            assertFalse(Files.exists(dir.resolve("raw")), "nothing written");
        }
    }

    @Test
    void buildRefusesThemToo() throws IOException {
        Files.createDirectories(dir.resolve("raw"));
        Result r = execute(new BuildCommand(Map.of()), "--data-dir", dir.toString(), "--out",
                dir.resolve("out.parquet").toString(), "--tickers", BAD);
        assertEquals(ExitCodes.USAGE, r.code(), r.err() + r.out());
        assertNamesEachBadSymbol(r.err());
        assertFalse(Files.exists(dir.resolve("out.parquet")));
    }

    @Test
    void symbolsWithDotsAndDashesInLowerCasePass() {
        long before = simulator.stats().requests();
        Result r = execute(new FetchCommand(Map.of()), "--api-key", "demo", "--rate-limit", "6000", "--av-url",
                simulator.baseUrl(), "--data-dir", dir.toString(), "--tickers", " acma ,BRK.B,bf-b");
        assertTrue(simulator.stats().requests() > before, r.err() + r.out());
        assertFalse(r.err().contains("Invalid --tickers"), r.err());
    }

    private static void assertNamesEachBadSymbol(String err) {
        assertTrue(err.contains("Invalid --tickers: these are not ticker symbols (letters, digits, '.' and '-' only): "
                + "'../../etc', 'A/B', '.', 'AC MA', 'ÄPPL', '<img src=x>'"), err);
        assertFalse(err.contains("'ACMA'"), err);
    }

    private static Result execute(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(new ArrayList<>(List.of(args)).toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
