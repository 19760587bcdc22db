package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.ArtifactReader;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.fetch.StoredAnswerCheck;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.report.HtmlReport;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunManifestJson;
import org.avpipeline.run.LocalArtifacts;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The numbered cases of issue 10 ("A run that loses data says so"), each against the simulator and a temporary
 * data directory, through the commands as a user runs them.
 */
class DataLossCasesTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static SimulatorServer simulator;
    private static List<String> tickers;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        simulator = SimulatorServer.start(SimulatorConfig.defaults().withTickers(5).withAsOf(TODAY));
        tickers = simulator.market().tickers();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    record Result(int code, String out, String err) {}

    private static Result execute(Callable<Integer> command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private Result run(String... extra) {
        return execute(new RunCommand(Map.of()), with(extra));
    }

    private Result fetch(String... extra) {
        return execute(new FetchCommand(Map.of()), with(extra));
    }

    private String[] with(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--api-key", "demo", "--rate-limit", "6000",
                "--av-url", simulator.baseUrl(), "--data-dir", dir.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static String list(List<String> t) {
        return String.join(",", t);
    }

    private Path day() {
        return dir.resolve("ttm-artifacts").resolve(TODAY.toString());
    }

    private static long distinctTickers(Path artifact) throws IOException {
        return ArtifactReader.open(artifact).countDistinct("ticker");
    }

    /** Case 1: a damaged stored answer is fetched again (not counted fresh), and the ticker stays. */
    @Test
    void case1_aDamagedStoredAnswerIsFetchedAgain() throws Exception {
        Result first = run("--tickers", list(tickers));
        assertEquals(0, first.code(), first.err());
        Path artifact = day().resolve(ArtifactSchema.FILE_NAME);
        assertEquals(5, distinctTickers(artifact));

        LocalRawStore store = new LocalRawStore(dir);
        RawKey damaged = RawKey.of(tickers.get(0), AvFunction.INCOME_STATEMENT);
        Files.writeString(store.answerFile(damaged), "garbage");
        RawKey truncated = RawKey.of(tickers.get(1), AvFunction.EARNINGS);
        byte[] whole = Files.readAllBytes(store.answerFile(truncated));
        Files.write(store.answerFile(truncated), java.util.Arrays.copyOf(whole, whole.length / 2));

        long before = simulator.stats().requests();
        Result second = run("--tickers", list(tickers));
        assertEquals(0, second.code(), second.err() + second.out());
        assertEquals(2, simulator.stats().requests() - before, "only the two damaged answers are fetched again");
        assertFalse(StoredAnswerCheck.read(store, damaged).damaged());
        assertFalse(StoredAnswerCheck.read(store, truncated).damaged());
        assertEquals(5, distinctTickers(artifact));
        RunManifest m = RunManifestJson.read(day().resolve(RunManifestJson.FILE_NAME));
        assertEquals(OutcomeStatus.SUCCESS, m.outcome().status());
    }

    /** Case 2: nothing reachable: the fetch stops early naming the host, exit 7, for fetch and for run. */
    @Test
    void case2_anUnreachableApiStopsTheFetchWithOneMessageNamingTheHost() throws Exception {
        String[] args = {"--api-key", "demo", "--av-url", "http://127.0.0.1:1/query", "--data-dir", dir.toString(),
                "--tickers", "ACMA,ACMB,ACMC"};
        Result fetch = execute(new FetchCommand(Map.of()), args);
        assertEquals(ExitCodes.FETCH_FAILED, fetch.code(), fetch.out());
        assertTrue(fetch.err().contains("unreachable") && fetch.err().contains("127.0.0.1:1"), fetch.err());

        Result run = execute(new RunCommand(Map.of()), args);
        assertEquals(ExitCodes.FETCH_FAILED, run.code(), run.out());
        assertTrue(run.err().contains("127.0.0.1:1"), run.err());
        RunManifest m = RunManifestJson.read(dir.resolve("ttm-artifacts/" + TODAY + ".failed/run_manifest.json"));
        assertEquals(OutcomeStatus.FAILED, m.outcome().status());
        assertTrue(m.outcome().reasons().get(0).contains("127.0.0.1:1"), m.outcome().reasons().toString());
        assertFalse(Files.exists(day()), "no artifact folder for a failed run");

        // issue 21.6: the manifest states the fetch as it was: the requests attempted, the time, the failures
        assertTrue(m.fetch().requests() >= 3, "requests attempted: " + m.fetch().requests());
        assertTrue(m.fetch().elapsedSeconds() > 0, "elapsed: " + m.fetch().elapsedSeconds());
        assertFalse(m.fetch().failuresByReason().isEmpty(), "the failures by reason");
        assertTrue(m.funnel().fetchFailures() > 0, "the funnel's fetch failures");
        assertTrue(run.out().contains("Requests"), "the fetch table is printed: " + run.out());
        // and the funnel does not show the tickers passing the build's stages
        assertFalse(m.funnel().built());
        String report = Files.readString(dir.resolve("ttm-artifacts/" + TODAY + ".failed/" + HtmlReport.FILE_NAME));
        assertTrue(report.contains("not reached: the run failed before the build"), "the report's funnel");
    }

    /** Case 3: a start date after today is rejected before any request. */
    @Test
    void case3_aStartDateAfterTodayIsRejectedBeforeAnyRequest() {
        long before = simulator.stats().requests();
        Result r = run("--tickers", list(tickers), "--start-date", TODAY.plusDays(1).toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--start-date") && r.err().contains("must not be after today"), r.err());
        assertEquals(before, simulator.stats().requests());
        assertFalse(Files.exists(dir.resolve("ttm-artifacts")));
        Result future = execute(new RunCommand(Map.of("START_DATE", "2999-01-01")), with("--tickers", "ACMA"));
        assertEquals(ExitCodes.USAGE, future.code());
        assertTrue(future.err().contains("START_DATE"), future.err());
    }

    /**
     * Cases 4 and 6: a failed run (an unknown symbol: one request, the other data types skipped) writes its report
     * and manifest with the outcome and the reason, prints its fetch summary, and leaves no empty folder.
     */
    @Test
    void case4and6_aFailedRunWritesItsReportAndLeavesNoEmptyFolder() throws Exception {
        long before = simulator.stats().requests();
        Result r = run("--tickers", "ZZZZ");
        assertEquals(1, simulator.stats().requests() - before, "an unknown symbol costs one request");
        assertEquals(ExitCodes.FETCH_FAILED, r.code(), r.err());
        assertTrue(r.out().contains("ticker ZZZZ, TIME_SERIES_DAILY_ADJUSTED: unknown symbol"), r.out());
        assertTrue(r.out().contains("not requested: TIME_SERIES_DAILY_ADJUSTED said unknown symbol"), r.out());
        assertTrue(r.err().contains("nothing was fetched"), r.err());
        Path failed = dir.resolve("ttm-artifacts/" + TODAY + ".failed");
        RunManifest m = RunManifestJson.read(failed.resolve(RunManifestJson.FILE_NAME));
        assertEquals(OutcomeStatus.FAILED, m.outcome().status());
        assertTrue(m.outcome().reasons().get(0).contains("nothing was fetched"));
        String html = Files.readString(failed.resolve(HtmlReport.FILE_NAME));
        assertTrue(html.contains("Outcome: failed") && html.contains("nothing was fetched"));
        assertFalse(Files.exists(day()));
        try (Stream<Path> all = Files.walk(dir.resolve("ttm-artifacts"))) {
            for (Path p : all.toList()) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> in = Files.list(p)) {
                        assertTrue(in.findAny().isPresent(), "empty folder " + p);
                    }
                }
            }
        }
    }

    /** Case 5: one file mode for everything a run writes (the umask's, like the Parquet file). */
    @Test
    void case5_everyFileARunWritesHasTheSameMode() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX file modes");
        assertEquals(0, run("--tickers", list(tickers.subList(0, 2))).code());
        Set<Set<PosixFilePermission>> modes = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                modes.add(Files.getPosixFilePermissions(p));
                String name = p.getFileName().toString();
                kinds.add(name.substring(name.indexOf('.')));
            }
        }
        assertTrue(kinds.containsAll(Set.of(".json.gz", ".meta.json", ".parquet", ".html", ".json")), kinds.toString());
        assertEquals(1, modes.size(), "file modes: " + modes);
        assertTrue(modes.iterator().next().contains(PosixFilePermission.OTHERS_READ)
                || !modes.iterator().next().contains(PosixFilePermission.GROUP_READ), "not the 0600 of temp files");
    }

    /**
     * A run that lost data against the previous one is degraded: exit 8, its artifact kept in {@code DATE.degraded/},
     * the day's artifact unchanged, the report saying what was lost; {@code --accept-degraded} publishes it.
     */
    @Test
    void aDegradedRunKeepsThePreviousArtifactUnlessAccepted() throws Exception {
        assertEquals(0, run("--tickers", list(tickers)).code());
        Path artifact = day().resolve(ArtifactSchema.FILE_NAME);
        byte[] good = Files.readAllBytes(artifact);
        String lostTicker = tickers.get(4);

        Result degraded = run("--tickers", list(tickers.subList(0, 4)));
        assertEquals(ExitCodes.DEGRADED, degraded.code(), degraded.err() + degraded.out());
        assertTrue(degraded.out().contains("Outcome                degraded (not published)"), degraded.out());
        assertTrue(degraded.out().contains(lostTicker + ": not in the artifact"), degraded.out());
        assertArrayEquals(good, Files.readAllBytes(artifact), "the day's artifact is unchanged");
        Path kept = dir.resolve("ttm-artifacts/" + TODAY + LocalArtifacts.DEGRADED_SUFFIX);
        assertEquals(4, distinctTickers(kept.resolve(ArtifactSchema.FILE_NAME)));
        RunManifest m = RunManifestJson.read(kept.resolve(RunManifestJson.FILE_NAME));
        assertEquals(OutcomeStatus.DEGRADED, m.outcome().status());
        assertFalse(m.outcome().published());
        assertTrue(m.run().artifactLocation().contains(".degraded"), m.run().artifactLocation());
        assertTrue(Files.readString(kept.resolve(HtmlReport.FILE_NAME)).contains(lostTicker + ": not in the artifact"));
        RunManifest published = RunManifestJson.read(day().resolve(RunManifestJson.FILE_NAME));
        assertEquals(OutcomeStatus.SUCCESS, published.outcome().status(), "the day's manifest is the good run's");

        Result accepted = run("--tickers", list(tickers.subList(0, 4)), "--accept-degraded");
        assertEquals(0, accepted.code(), accepted.err());
        assertEquals(4, distinctTickers(artifact));
        RunManifest now = RunManifestJson.read(day().resolve(RunManifestJson.FILE_NAME));
        assertEquals(OutcomeStatus.DEGRADED, now.outcome().status());
        assertTrue(now.outcome().published() && now.outcome().acceptedDegraded());
        try (Stream<Path> left = Files.list(dir.resolve("ttm-artifacts"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no staging left");
        }
    }

    @Test
    void badThresholdsAreRejectedNamingTheFlagAndTheVariable() {
        Result r = run("--tickers", "ACMA", "--max-row-drop", "150");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--max-row-drop / MAX_ROW_DROP_PCT"), r.err());
    }
}
