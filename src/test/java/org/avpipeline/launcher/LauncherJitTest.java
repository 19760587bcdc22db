package org.avpipeline.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script's choice of JIT by the size of the job: C1 alone ("quick") for builds of up to 300 tickers,
 * C2 with later thresholds ("full") otherwise. Runs the real {@code ./avpipeline} script, copied beside a stand-in
 * jar, with a {@code java} on the PATH that records its arguments instead of starting a JVM.
 */
class LauncherJitTest {
    static final String QUICK = "-XX:TieredStopAtLevel=1";
    static final String FULL = "-XX:Tier4InvocationThreshold=100000";

    @TempDir
    Path home;

    private Path launcher;
    private Path args;
    private Path fakeBin;

    @BeforeEach
    void setUp() throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("bash", "--version").start().waitFor() == 0, "needs bash");
        launcher = home.resolve("app/avpipeline");
        Files.createDirectories(launcher.getParent().resolve("target/lib"));
        Files.copy(Path.of("avpipeline"), launcher);
        executable(launcher);
        Files.writeString(launcher.getParent().resolve("target/avpipeline.jar"), "stand-in");
        fakeBin = Files.createDirectories(home.resolve("bin"));
        args = home.resolve("java-args.txt");
        Path java = fakeBin.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > '" + args + "'\n");
        executable(java);
    }

    @Test
    void aSmallStoredUniverseBuildsOnC1Alone() throws Exception {
        Path data = store(30);
        assertEquals("quick", jit(Map.of(), "build", "--data-dir", data.toString(), "--out", "x.parquet"));
        assertEquals("quick", jit(Map.of(), "run", "--data-dir=" + data, "--out", "build"));
    }

    @Test
    void aLargeStoredUniverseGetsC2() throws Exception {
        Path data = store(301);
        assertEquals("full", jit(Map.of(), "build", "--data-dir", data.toString(), "--out", "x.parquet"));
        assertEquals("full", jit(Map.of(), "--no-color-placeholder", "run", "--data-dir", data.toString()));
    }

    @Test
    void tickersOnTheCommandLineAreCountedNotTheStore() throws Exception {
        Path data = store(500);
        assertEquals("quick", jit(Map.of(), "build", "--data-dir", data.toString(), "--tickers", "AAPL,MSFT, NVDA"));
        assertEquals("quick", jit(Map.of(), "build", "--tickers=AAPL", "--tickers", "MSFT", "--data-dir",
                data.toString()));
        assertEquals("quick", jit(Map.of(), "build", "--data-dir", home.resolve("nothing-yet").toString()),
                "nothing stored: the first run's fetch is what takes time");
    }

    @Test
    void benchmarksAndTheDemoReadTheirTickerCount() throws Exception {
        assertEquals("full", jit(Map.of(), "bench", "build", "--tickers", "1000"));
        assertEquals("quick", jit(Map.of(), "bench", "build", "--tickers", "100"));
        assertEquals("quick", jit(Map.of(), "bench", "build"), "default 100");
        assertEquals("quick", jit(Map.of(), "demo"));
        assertEquals("full", jit(Map.of(), "demo", "--tickers=2000"));
        assertEquals("full", jit(Map.of(), "fetch", "--etf", "QQQ"), "anything else: full");
        assertEquals("full", jit(Map.of(), "simulate"));
        assertEquals("full", jit(Map.of(), "run", "--aws"), "the raw store is in S3: its size is unknown here");
        assertEquals("full", jit(Map.of(), "run", "--tickers", "AAPL", "--aws"));
    }

    @Test
    void theUserDecidesWhenAsked() throws Exception {
        Path data = store(30);
        assertEquals("full", jit(Map.of("AVPIPELINE_JIT", "full"), "build", "--data-dir", data.toString()));
        assertEquals("quick", jit(Map.of("AVPIPELINE_JIT", "quick"), "bench", "build", "--tickers", "3000"));
        List<String> own = run(Map.of("AVPIPELINE_JAVA_OPTS", "-XX:TieredStopAtLevel=4"), "build", "--data-dir",
                data.toString());
        assertFalse(own.contains(QUICK) || own.contains(FULL), own.toString());
        assertTrue(own.contains("-XX:TieredStopAtLevel=4"), own.toString());
    }

    @Test
    void anUnknownModeIsRefused() throws Exception {
        Process p = process(Map.of("AVPIPELINE_JIT", "fast"), "build");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(err.contains("invalid AVPIPELINE_JIT 'fast' (quick, full or auto)"), err);
    }

    private String jit(Map<String, String> env, String... command) throws Exception {
        List<String> java = run(env, command);
        boolean quick = java.contains(QUICK);
        boolean full = java.contains(FULL);
        assertTrue(quick != full, "one mode: " + java);
        assertEquals(List.of(command), java.subList(java.size() - command.length, java.size()),
                "the command line is passed on as given");
        return quick ? "quick" : "full";
    }

    private List<String> run(Map<String, String> env, String... command) throws Exception {
        Files.deleteIfExists(args);
        Process p = process(env, command);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        return Files.readAllLines(args);
    }

    private Process process(Map<String, String> env, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of("bash", launcher.toString()));
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line).directory(home.toFile());
        pb.environment().remove("AVPIPELINE_JIT");
        pb.environment().remove("AVPIPELINE_JAVA_OPTS");
        pb.environment().put("AVPIPELINE_CDS", "0");
        pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    /** A data directory whose raw store holds {@code tickers} ticker folders (and an ETF profile's). */
    private Path store(int tickers) throws IOException {
        Path data = home.resolve("data-" + tickers);
        Files.createDirectories(data.resolve("raw/_etf/QQQ"));
        for (int t = 0; t < tickers; t++) {
            Files.createDirectories(data.resolve("raw/T" + t));
        }
        return data;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
