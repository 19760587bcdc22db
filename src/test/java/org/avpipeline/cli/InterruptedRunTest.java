package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, point 11: Ctrl-C (SIGINT) during a run ends it with exit 130 and a line that says what was kept: the
 * answers fetched so far, no artifact published, and whether there was a previous one. The run is in its own JVM,
 * signalled once its first answer is stored (it answers slowly: one request at a time, 300 ms each).
 */
class InterruptedRunTest {
    @TempDir
    Path dir;

    @Test
    void ctrlCSaysWhatWasKept() throws Exception {
        try (SimulatorServer simulator = SimulatorServer.start(SimulatorConfig.defaults().withTickers(5)
                .withAsOf(LocalDate.now(ZoneOffset.UTC)).withLatency(Duration.ofMillis(300)))) {
            Path log = dir.resolveSibling(dir.getFileName() + "-child.log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "run", "--api-key", "demo", "--rate-limit", "6000", "--concurrency", "1",
                    "--av-url", simulator.baseUrl(), "--data-dir", dir.toString(), "--tickers",
                    String.join(",", simulator.market().tickers())));
            Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            for (int i = 0; i < 1200 && run.isAlive() && storedAnswers() == 0; i++) {
                Thread.sleep(100);
            }
            assertTrue(run.isAlive(), "the run ended before its first answer was stored: " + Files.readString(log));
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(run.pid())).start();
            assertEquals(0, kill.waitFor(), "kill -INT");
            assertTrue(run.waitFor(60, TimeUnit.SECONDS), "the run stops");
            String output = Files.readString(log);
            assertEquals(130, run.exitValue(), output);
            assertTrue(output.contains("avpipeline run: stopped (Ctrl-C or a signal): the answers fetched so far are "
                    + "kept in " + dir.resolve("raw") + ", each complete and checked; a rerun fetches only the rest. "
                    + "No artifact was published; there was no previous artifact;"), output);
        }
    }

    private long storedAnswers() throws IOException {
        Path raw = dir.resolve("raw");
        if (!Files.isDirectory(raw)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(raw)) {
            return files.filter(p -> p.toString().endsWith(".meta.json")).count();
        }
    }
}
