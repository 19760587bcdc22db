package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.ArtifactReader;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.RowQuery;
import org.avpipeline.fetch.StoredAnswerCheck;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.TempFiles;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 10's kill test: a {@code run} in its own JVM, killed (SIGKILL) at random points of its fetch, build and
 * artifact write, leaves the previous artifact intact; the rerun leaves no temporary file or staging folder, and its
 * artifact equals a clean run's.
 */
class KilledRunTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aRunKilledAtRandomPointsAndRerunEqualsACleanRun() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        try (SimulatorServer simulator = SimulatorServer.start(SimulatorConfig.defaults().withTickers(5)
                .withAsOf(TODAY))) {
            List<String> tickers = simulator.market().tickers();
            List<String> args = List.of("run", "--api-key", "demo", "--rate-limit", "600", "--av-url",
                    simulator.baseUrl(), "--data-dir", dir.toString(), "--tickers", String.join(",", tickers),
                    "--refresh", "--threads", "1");
            Path artifact = dir.resolve("ttm-artifacts").resolve(TODAY.toString()).resolve(ArtifactSchema.FILE_NAME);

            long started = System.nanoTime();
            Process first = child(args);
            assertTrue(first.waitFor(120, TimeUnit.SECONDS), "the clean run finishes");
            assertEquals(0, first.exitValue(), output(first));
            long fullNanos = System.nanoTime() - started;
            List<List<Object>> clean = rows(artifact);

            // one kill in each stretch of the run: the fetch, its end, the build and the artifact's write at the end
            double[][] stretches = {{0.2, 0.6}, {0.6, 0.85}, {0.85, 1.0}};
            for (int i = 0; i < stretches.length; i++) {
                double[] s = stretches[i];
                long killAt = (long) (fullNanos * (s[0] + (s[1] - s[0]) * random.nextDouble()));
                Process p = child(args);
                boolean finished = p.waitFor(killAt, TimeUnit.NANOSECONDS);
                if (!finished) {
                    p.destroyForcibly();
                    p.waitFor(30, TimeUnit.SECONDS);
                }
                String what = "kill " + i + " at " + Duration.ofNanos(killAt).toMillis() + " ms of "
                        + Duration.ofNanos(fullNanos).toMillis() + " (seed " + seed + ", finished " + finished + ")";
                assertEquals(clean, rows(artifact), "the previous artifact is intact after " + what);
                assertRawStoreVerified(tickers);

                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine rerun = new CommandLine(new RunCommand(Map.of()));
                rerun.setOut(new PrintWriter(out, true));
                rerun.setErr(new PrintWriter(err, true));
                int code = rerun.execute(args.subList(1, args.size() - 3).toArray(String[]::new));
                assertEquals(0, code, what + ": " + err + out);
                assertEquals(clean, rows(artifact), "the rerun equals a clean run after " + what);
                assertNoLeftovers(what);
            }
        }
    }

    private Process child(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + "-child.log").toFile()).start();
    }

    private String output(Process p) throws IOException {
        return Files.readString(dir.resolveSibling(dir.getFileName() + "-child.log"));
    }

    private static List<List<Object>> rows(Path artifact) throws IOException {
        return ArtifactReader.open(artifact).read(RowQuery.all());
    }

    private void assertRawStoreVerified(List<String> tickers) throws IOException {
        LocalRawStore store = new LocalRawStore(dir);
        for (String t : tickers) {
            for (AvFunction f : AvFunction.PER_TICKER) {
                assertFalse(StoredAnswerCheck.read(store, RawKey.of(t, f)).damaged(), t + " " + f);
            }
        }
    }

    private void assertNoLeftovers(String what) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> left = all.filter(p -> TempFiles.isTemporary(p)
                    || p.getFileName().toString().startsWith(".run-")).toList();
            assertEquals(List.of(), left, "no temporary files after the rerun of " + what);
        }
    }
}
