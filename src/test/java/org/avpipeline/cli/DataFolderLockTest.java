package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.Callable;
import org.avpipeline.raw.LocalStoreLock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 21.2: while one run holds a data folder, a second run (fetch, build, demo) started on it does nothing: no
 * request (the URL is unreachable, and the answer would be exit 7, not 9), no start-up clean-up of the first run's
 * temporary files; it says who holds the folder and since when, and exits 9.
 */
class DataFolderLockTest {
    static final Map<String, String> ENV = Map.of("ALPHA_VANTAGE_API_KEY", "test-key");
    static final String UNREACHABLE = "http://127.0.0.1:1/query";

    @TempDir
    Path dir;

    Path rawTemp;
    Path stagingTemp;

    @BeforeEach
    void firstRunsFiles() throws Exception {
        rawTemp = dir.resolve("raw/ACMA/.TIME_SERIES_DAILY_ADJUSTED.json.gz.0000.tmp");
        Files.createDirectories(rawTemp.getParent());
        Files.writeString(rawTemp, "being written");
        stagingTemp = dir.resolve("ttm-artifacts/2026-01-05/.ttm_per_share_financial_artifact.parquet.0000.tmp");
        Files.createDirectories(stagingTemp.getParent());
        Files.writeString(stagingTemp, "being written");
    }

    record Result(int code, String out, String err) {}

    static Result execute(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private void assertRefused(Result r, String name) {
        assertEquals(ExitCodes.BUSY, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith(name + ": data folder " + dir.toAbsolutePath().normalize() + " is in use by run "
                + "20260105T060000Z-qqq (pid " + ProcessHandle.current().pid() + " on "), r.err());
        assertTrue(r.err().contains(") since 2026-01-05T06:00:00Z") && r.err().contains("or pass --wait"), r.err());
        assertTrue(Files.exists(rawTemp), "the first run's raw temporary file is kept");
        assertTrue(Files.exists(stagingTemp), "the first run's artifact temporary file is kept");
    }

    @Test
    void aSecondRunFetchBuildOrDemoOnAHeldFolderStopsBeforeAnyWork() throws Exception {
        Clock startOfFirst = Clock.fixed(Instant.parse("2026-01-05T06:00:00Z"), ZoneOffset.UTC);
        try (LocalStoreLock first = LocalStoreLock.acquire(dir, "20260105T060000Z-qqq", startOfFirst)) {
            assertRefused(execute(new RunCommand(ENV), "--tickers", "ACMA", "--data-dir", dir.toString(),
                    "--av-url", UNREACHABLE), "avpipeline run");
            assertRefused(execute(new FetchCommand(ENV), "--tickers", "ACMA", "--data-dir", dir.toString(),
                    "--av-url", UNREACHABLE), "avpipeline fetch");
            assertRefused(execute(new BuildCommand(ENV), "--tickers", "ACMA", "--data-dir", dir.toString(),
                    "--out", dir.resolve("b.parquet").toString()), "avpipeline build");
            assertRefused(execute(new DemoCommand(), "--data-dir", dir.toString()),
                    "avpipeline demo");
            assertFalse(Files.exists(dir.resolve("ttm-artifacts/2026-01-05.failed")), "no failed run's report");
        }
    }
}
