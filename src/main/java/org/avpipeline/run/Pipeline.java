package org.avpipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.avpipeline.Version;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.ArtifactStats;
import org.avpipeline.report.CompanionFile;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.CleaningMode;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.FetchProgress;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.StoredAnswer;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.report.RunMode;
import org.avpipeline.report.RunReportFiles;

/**
 * The whole job, the same locally and on AWS: universe → fetch into the raw store → build the artifact (and its
 * companion files, unless turned off) → write the run manifest and report beside it. The caller chooses the store (local directory or S3), the artifact's path and
 * where progress goes.
 */
public final class Pipeline {

    /**
     * What to run. {@code tickers} empty means the ETF's holdings; {@code artifactLocation} is where the artifact will
     * be published (an s3:// URI on AWS), null for the local path.
     */
    public record Request(String etfSymbol, List<String> tickers, LocalDate startDate, String apiKey,
            java.net.URI avBaseUrl, int rateLimitPerMinute, FetchPolicy policy, RawStore store, Path artifact,
            String artifactLocation, RunMode mode, int buildThreads, boolean showProgress) {
        public Request {
            Objects.requireNonNull(etfSymbol, "etfSymbol");
            tickers = List.copyOf(tickers);
            Objects.requireNonNull(startDate, "startDate");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(artifact, "artifact");
        }

        public boolean explicitTickers() {
            return !tickers.isEmpty();
        }
    }

    /** What a run produced: the artifact, the manifest and report beside it, and the facts behind them. */
    public record Outcome(Path artifact, Path manifestFile, Path reportFile, RunManifest manifest,
            FetchSummary fetch, ArtifactBuild.Result build) {
        /** The companion files written beside the artifact (empty when turned off). */
        public List<Path> companionFiles() {
            return build.companions().stream().map(ArtifactStats::path).toList();
        }
    }

    private final Clock clock;
    private final boolean companions;
    private final CleaningMode cleaning;

    public Pipeline(Clock clock) {
        this(clock, true);
    }

    /**
     * @param companions whether to fetch the companies' OVERVIEW and write the companion files beside the artifact
     *     (artifact.md, "Companion artifacts"; on by default)
     */
    public Pipeline(Clock clock, boolean companions) {
        this(clock, companions, CleaningMode.DEFAULT);
    }

    /** @param cleaning the mode of statement values (pipeline.md §4; {@code --cleaning}, {@code CLEANING}) */
    public Pipeline(Clock clock, boolean companions, CleaningMode cleaning) {
        this.clock = clock;
        this.companions = companions;
        this.cleaning = java.util.Objects.requireNonNull(cleaning, "cleaning");
    }

    public Pipeline() {
        this(Clock.systemUTC());
    }

    /** The local artifact path of a run on {@code runDate}: {@code DIR/ttm-artifacts/YYYY-MM-DD/<file>}. */
    public static Path artifactPath(Path dataDir, LocalDate runDate) {
        return dataDir.resolve("ttm-artifacts").resolve(runDate.toString()).resolve(ArtifactSchema.FILE_NAME);
    }

    /** A run id: the UTC start time and the universe, e.g. {@code 20251102T060001Z-qqq}. */
    public static String runId(Instant startedAt, String universeName) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(startedAt);
        return stamp + "-" + universeName.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * How a run is judged (see {@link OutcomeRules}): the previous artifact to compare with, the tolerances, and
     * whether a degraded artifact is published anyway ({@code --accept-degraded}); {@code unpublishedLocation} is
     * where an artifact that is not published goes (null: the request's location).
     */
    public record Judgement(Optional<OutcomeRules.Baseline> baseline, OutcomeThresholds thresholds,
            boolean acceptDegraded, String unpublishedLocation) {
        public Judgement {
            Objects.requireNonNull(baseline, "baseline");
            Objects.requireNonNull(thresholds, "thresholds");
        }

        /** No baseline, the default tolerances, degraded artifacts not accepted. */
        public static Judgement none() {
            return new Judgement(Optional.empty(), OutcomeThresholds.defaults(), false, null);
        }
    }

    /** What a failed run left behind: its manifest and report (outcome failed, with the reason), and the fetch. */
    public record Failure(RunManifest manifest, Path manifestFile, Path reportFile, FetchSummary fetch) {}

    private Failure lastFailure;

    public Outcome run(Request request) throws Exception {
        return run(request, Judgement.none());
    }

    /**
     * Runs and judges: the manifest's outcome section says success, degraded or failed. A run that fails still
     * writes its manifest and report (outcome failed, the reason) beside the artifact's path, then throws the error;
     * {@link #lastFailure()} tells where they are.
     */
    public Outcome run(Request request, Judgement judgement) throws Exception {
        Instant started = clock.instant();
        String universeName = request.explicitTickers() ? "tickers" : request.etfSymbol();
        String runId = runId(started, universeName);
        lastFailure = null;
        FetchSummary[] fetched = new FetchSummary[1];
        try {
            return run(request, judgement, started, runId, fetched);
        } catch (Exception e) {
            writeFailure(request, judgement, started, runId, fetched[0], e);
            throw e;
        }
    }

    /** The manifest and report of the last run when it failed; empty after a run that did not. */
    public Optional<Failure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    private Outcome run(Request request, Judgement judgement, Instant started, String runId, FetchSummary[] fetched)
            throws Exception {
        AlphaVantageClient client = AlphaVantageClient.builder(request.apiKey())
                .baseUrl(request.avBaseUrl())
                .rateLimitPerMinute(request.rateLimitPerMinute())
                .build();
        FetchProgress fetchProgress = request.showProgress() ? FetchProgress.auto() : FetchProgress.silent();
        Fetcher fetcher = new Fetcher(client, request.store(), request.policy(), fetchProgress, clock);
        if (companions) {
            fetcher.withCompanyOverviews();
        }
        FetchSummary fetch;
        try {
            fetch = request.explicitTickers() ? fetcher.fetchTickers(request.tickers())
                    : fetcher.fetchEtf(request.etfSymbol());
        } catch (org.avpipeline.fetch.FetchStoppedException stopped) {
            fetched[0] = stopped.fetch(); // the fetch as it was, for the failed run's report and manifest
            throw stopped;
        }
        fetched[0] = fetch;
        if (fetch.fetched() == 0 && fetch.skippedFresh() == 0 && fetch.failed() > 0) {
            throw new NothingFetchedException(fetch);
        }

        List<EtfHolding> holdings = request.explicitTickers() ? null
                : storedHoldings(request.store(), request.etfSymbol()).orElse(null);
        List<String> tickers = new ArrayList<>(fetch.universe().tickers());
        tickers.sort(null);

        ArtifactMetadata meta = new ArtifactMetadata(Version.get(), runId,
                request.explicitTickers() ? "" : request.etfSymbol(), request.startDate(), started);
        ArtifactBuild.Result build = ArtifactBuild.run(tickers, request.store(), BuildParameters.of(request.startDate(), cleaning),
                request.artifact(), meta, request.buildThreads(),
                request.showProgress() ? BuildProgress.auto() : BuildProgress.silent(), companions);

        List<String> warnings = warnings(fetch, build);
        client.adaptiveRate().advice().ifPresent(warnings::add);
        RunOutcome verdict = OutcomeRules.judge(fetch, build.contents(), judgement.baseline(),
                judgement.thresholds());
        boolean publish = verdict.status() == OutcomeStatus.SUCCESS || judgement.acceptDegraded();
        verdict = verdict.withPublication(publish, verdict.status() == OutcomeStatus.DEGRADED && publish);
        String location = request.artifactLocation() == null ? request.artifact().toString()
                : request.artifactLocation();
        if (!publish && judgement.unpublishedLocation() != null) {
            location = judgement.unpublishedLocation();
        }
        RunManifest manifest = RunManifests.of(new RunManifests.RunFacts(runId, request.mode(),
                request.explicitTickers() ? null : request.etfSymbol(), request.startDate(), started, clock.instant(),
                location,
                holdings, fetch.universe().tickers(), fetch,
                request.rateLimitPerMinute(), build.summary(), build.coverage(), build.facts(), warnings))
                .withCompanions(companionFiles(build.companions()))
                .withOutcome(verdict);
        RunReportFiles.Written written = RunReportFiles.write(request.artifact().getParent(), manifest);
        return new Outcome(request.artifact(), written.manifest(), written.report(), manifest, fetch, build);
    }

    /** The companion files as the manifest lists them. */
    static List<CompanionFile> companionFiles(List<ArtifactStats> written) {
        return written.stream().map(w -> new CompanionFile(w.path().getFileName().toString(), w.rows(), w.columns(),
                w.bytes(), w.tickers())).toList();
    }

    private void writeFailure(Request request, Judgement judgement, Instant started, String runId, FetchSummary fetch,
            Exception error) {
        String reason = error.getMessage() == null || error.getMessage().isBlank() ? error.toString()
                : error.getMessage();
        if (error instanceof InterruptedException) {
            reason = "interrupted";
        }
        try {
            List<EtfHolding> holdings = null;
            if (!request.explicitTickers()) {
                try {
                    holdings = storedHoldings(request.store(), request.etfSymbol()).orElse(null);
                } catch (IOException | RuntimeException e) {
                    holdings = null;
                }
            }
            RunManifest manifest = RunManifests.of(new RunManifests.RunFacts(runId, request.mode(),
                    request.explicitTickers() ? null : request.etfSymbol(), request.startDate(), started,
                    clock.instant(), null, holdings, fetch == null ? request.tickers() : fetch.universe().tickers(),
                    fetch, request.rateLimitPerMinute(), null, null, null, List.of("The run failed: " + reason)))
                    .withOutcome(OutcomeRules.failed(reason, judgement.baseline(), judgement.thresholds()));
            RunReportFiles.Written written = RunReportFiles.write(request.artifact().getParent(), manifest);
            lastFailure = new Failure(manifest, written.manifest(), written.report(), fetch);
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Pipeline.class).warn("could not write the failed run's report: {}",
                    e.toString());
        }
    }

    /** The holdings of the ETF's stored profile, when there is one that parses. */
    public static Optional<List<EtfHolding>> storedHoldings(RawStore store, String etf) throws IOException {
        Optional<StoredAnswer> answer = store.read(RawKey.etfProfile(etf));
        if (answer.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(AnswerParsers.parseEtfProfile(etf, answer.get().body()).holdings());
    }

    private static List<String> warnings(FetchSummary fetch, ArtifactBuild.Result build) {
        List<String> warnings = new ArrayList<>();
        build.summary().failed().forEach(f -> warnings.add(f.ticker() + ": raw data unreadable, not built: "
                + f.reason()));
        build.damaged().forEach(d -> warnings.add(d.describe()));
        if (fetch.requests() > 0 && fetch.throttled() > 0) {
            warnings.add(String.format(java.util.Locale.ROOT,
                    "Alpha Vantage throttled %d answers: the plan's rate may be lower than configured",
                    fetch.throttled()));
        }
        return warnings;
    }
}
