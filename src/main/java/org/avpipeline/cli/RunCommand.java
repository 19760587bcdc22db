package org.avpipeline.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.avpipeline.alphavantage.FatalAnswerException;
import org.avpipeline.cloud.AwsRun;
import org.avpipeline.config.FetchSettings;
import org.avpipeline.config.Settings;
import org.avpipeline.config.SettingsException;
import org.avpipeline.config.SettingsResolver;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.EtfLookupException;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.report.RunMode;
import java.nio.file.Path;
import java.util.Optional;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.fetch.FetchStoppedException;
import org.avpipeline.fetch.FetchSummaryTable;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.LocalArtifacts;
import org.avpipeline.run.NothingFetchedException;
import org.avpipeline.run.OutcomeRules;
import org.avpipeline.run.AwsPipelineAdapter;
import org.avpipeline.run.Pipeline;
import org.avpipeline.run.RunSummaryText;
import org.avpipeline.panel.CleaningMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code avpipeline run}: fetch + build (+ run report), locally or, with {@code --aws}, the four-step AWS run. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Fetches the universe's data, then builds the artifact and the run report.",
                "Locally the artifact goes to DIR/ttm-artifacts/YYYY-MM-DD/ttm_per_share_financial_artifact.parquet "
                        + "(run date, UTC) with run_report.html and run_manifest.json beside it, and the companion "
                        + "files ttm_quarterly_artifact.parquet, price_artifact.parquet and company_profile.parquet "
                        + "(unless --no-companions).",
                "Every run has an outcome (success, degraded, failed; README \"Outcome of a run\"), judged against "
                        + "the previous artifact: a degraded artifact goes to ttm-artifacts/YYYY-MM-DD.degraded/ "
                        + "(--accept-degraded publishes it), a failed run's report and manifest to "
                        + "ttm-artifacts/YYYY-MM-DD.failed/.",
                "With --aws: the container's run (see deploy/README.md): the API key from SSM Parameter Store "
                        + "(AV_PARAMETER_NAME), the raw store and the artifact on S3 (S3_BUCKET), notifications on "
                        + "SNS (SNS_TOPIC_ARN); region from AWS_REGION."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success: the artifact was published (tickers that lack some data are listed in the summary and the "
                        + "report); also a degraded run published with --accept-degraded",
                "1:unexpected error (local run)",
                "2:bad usage or an invalid setting (nothing was done)",
                "3:local: the ETF's holdings could not be fetched; --aws: the API key could not be retrieved",
                "4:local: Alpha Vantage rejected the API key or the plan lacks a function; --aws: the pipeline failed",
                "5:local: no ticker has price data, nothing written; --aws: the artifact was not found",
                "6:--aws: the S3 upload failed",
                "7:local: nothing was fetched (Alpha Vantage unreachable, or every request failed)",
                "8:degraded: data was lost against the previous run; the artifact was kept in "
                        + "ttm-artifacts/YYYY-MM-DD.degraded/ (locally or in the bucket), the previous one is still "
                        + "the day's",
                "9:another run holds the data folder's lock (who and since when are printed; --wait waits for it); "
                        + "nothing was done"})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    FetchOptions options;

    @Mixin
    StartDateOption startDate;

    @Mixin
    CompanionsOption companions;

    @Mixin
    CleaningOption cleaning;

    @Mixin
    OutcomeOptions outcome;

    @Mixin
    WaitOption lockWait;

    @Option(names = "--aws", description = "Run as the AWS container does (the four numbered steps).")
    boolean aws;

    @Option(names = "--threads", paramLabel = "N", description = "Build threads (default: the processors, ${DEFAULT-VALUE}).")
    int threads = ArtifactBuild.defaultThreads();

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;

    public RunCommand() {
        this(System.getenv());
    }

    /** With another environment (tests). */
    public RunCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (threads < 1) {
            err.println("avpipeline run: Invalid --threads: must be at least 1.");
            return ExitCodes.USAGE;
        }
        return aws ? callAws(err) : callLocal(err);
    }

    private int callLocal(PrintWriter err) {
        PrintWriter out = spec.commandLine().getOut();
        FetchSettings settings;
        LocalDate start;
        boolean withCompanions;
        CleaningMode mode;
        try {
            settings = options.resolve(env);
            start = startDate.resolve(env);
            withCompanions = companions.resolve(env);
            mode = cleaning.resolve(env);
            settings.requireApiKey();
        } catch (SettingsException e) {
            err.println("avpipeline run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        OutcomeThresholds thresholds;
        boolean accept;
        try {
            thresholds = outcome.thresholds(env);
            accept = outcome.acceptDegraded(env);
        } catch (SettingsException e) {
            err.println("avpipeline run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return runLocal(settings, start, threads, Clock.systemUTC(), out, err, "avpipeline run", thresholds, accept,
                withCompanions, lockWait.waitForLock, mode);
    }

    /** The local run, shared with {@code demo}: the default tolerances, degraded artifacts not published. */
    static int runLocal(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name) {
        return runLocal(settings, start, threads, clock, out, err, name, OutcomeThresholds.defaults(), false, true,
                false, CleaningMode.DEFAULT);
    }

    /** The local run with the default tolerances, with or without the companion files, in a mode of statement values. */
    static int runLocal(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name, boolean withCompanions, boolean waitForLock, CleaningMode mode) {
        return runLocal(settings, start, threads, clock, out, err, name, OutcomeThresholds.defaults(), false,
                withCompanions, waitForLock, mode);
    }

    /**
     * The local run: staged under {@code ttm-artifacts/.run-*}, judged against the newest earlier artifact, then
     * placed by its outcome ({@link LocalArtifacts}): published in {@code YYYY-MM-DD/} (success, or degraded and
     * accepted), kept in {@code YYYY-MM-DD.degraded/}, or the failed run's report in {@code YYYY-MM-DD.failed/}.
     * All of it holding the data folder's lock ({@link WaitOption}), taken before the start-up clean-up so that it
     * never removes a running run's files; exit {@link ExitCodes#BUSY} when another run holds it (unless waiting).
     */
    static int runLocal(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name, OutcomeThresholds thresholds, boolean acceptDegraded,
            boolean withCompanions, boolean waitForLock, CleaningMode mode) {
        String runId = Pipeline.runId(clock.instant(), settings.explicitTickers() ? "tickers" : settings.etfSymbol());
        WaitOption.Locked locked = WaitOption.lock(settings.dataDir(), runId, waitForLock, err, name);
        if (locked.lock() == null) {
            return locked.code();
        }
        try {
            return runLocked(settings, start, threads, clock, out, err, name, thresholds, acceptDegraded,
                    withCompanions, runId, mode);
        } finally {
            WaitOption.release(locked.lock());
        }
    }

    private static int runLocked(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name, OutcomeThresholds thresholds, boolean acceptDegraded,
            boolean withCompanions, String runId, CleaningMode mode) {
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        LocalArtifacts artifacts = new LocalArtifacts(settings.dataDir());
        LocalRawStore store = new LocalRawStore(settings.dataDir());
        Optional<OutcomeRules.Baseline> baseline;
        try {
            artifacts.removeLeftovers();
            store.removeLeftovers();
            baseline = artifacts.baseline(today);
        } catch (java.io.IOException e) {
            err.println(name + ": cannot read " + artifacts.root() + ": " + e.getMessage());
            return ExitCodes.ERROR;
        }
        Path published = artifacts.published(today);
        Path kept = artifacts.degraded(today);
        Path staging = artifacts.staging(runId);
        Pipeline.Request request = new Pipeline.Request(settings.etfSymbol(), settings.tickers(), start,
                settings.apiKey(), settings.avBaseUrl(), settings.rateLimitPerMinute(), FetchPolicy.of(settings), store,
                staging.resolve(ArtifactSchema.FILE_NAME), published.resolve(ArtifactSchema.FILE_NAME).toString(),
                RunMode.LOCAL, threads, true);
        Pipeline.Judgement judgement = new Pipeline.Judgement(baseline, thresholds, acceptDegraded,
                kept.resolve(ArtifactSchema.FILE_NAME).toString());
        Pipeline pipeline = new Pipeline(clock, withCompanions, mode);
        InterruptNote stopped = InterruptNote.register(err, InterruptNote.fetchKept(name, settings.dataDir())
                + " No artifact was published; " + RunOutcome.previousArtifactNote(baseline.isPresent())
                + "; the run's temporary files are removed by the next run.");
        try (stopped) {
            Pipeline.Outcome outcome = pipeline.run(request, judgement);
            RunOutcome verdict = outcome.manifest().outcome();
            LocalArtifacts.Placed placed = artifacts.place(staging, verdict.published() ? published : kept);
            stopped.close();
            out.print(RunSummaryText.format(new Pipeline.Outcome(placed.artifact(), placed.manifest(),
                    placed.report(), outcome.manifest(), outcome.fetch(), outcome.build())));
            out.print(RunSummaryText.outcome(verdict, placed.artifact()));
            out.flush();
            return verdict.status() == OutcomeStatus.SUCCESS || verdict.published() ? ExitCodes.OK
                    : ExitCodes.DEGRADED;
        } catch (EtfLookupException e) {
            return failed(pipeline, artifacts, staging, today, out, err, name, e.getMessage(), ExitCodes.ETF_LOOKUP);
        } catch (FatalAnswerException e) {
            return failed(pipeline, artifacts, staging, today, out, err, name, e.getMessage(),
                    ExitCodes.KEY_REJECTED);
        } catch (ArtifactBuild.NothingToWriteException e) {
            return failed(pipeline, artifacts, staging, today, out, err, name, e.getMessage(),
                    ExitCodes.NOTHING_TO_WRITE);
        } catch (FetchStoppedException | NothingFetchedException e) {
            return failed(pipeline, artifacts, staging, today, out, err, name, e.getMessage(),
                    ExitCodes.FETCH_FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(pipeline, artifacts, staging, today, out, err, name, "interrupted", ExitCodes.ERROR);
        } catch (Exception e) {
            return failed(pipeline, artifacts, staging, today, out, err, name, "failed: " + e, ExitCodes.ERROR);
        }
    }

    /** A failed local run: its fetch summary when there was one, its report and manifest in {@code DATE.failed/}. */
    private static int failed(Pipeline pipeline, LocalArtifacts artifacts, Path staging, LocalDate today,
            PrintWriter out, PrintWriter err, String name, String message, int code) {
        Optional<Pipeline.Failure> failure = pipeline.lastFailure();
        if (failure.isPresent() && failure.get().fetch() != null) {
            out.print(FetchSummaryTable.format(failure.get().fetch()));
            out.flush();
        }
        err.println(name + ": " + message);
        try {
            if (failure.isPresent()) {
                LocalArtifacts.Placed placed = artifacts.place(staging, artifacts.failed(today));
                err.println(name + ": outcome failed; run report " + placed.report() + ", manifest "
                        + placed.manifest() + " (" + RunOutcome.previousArtifactNote(
                                artifacts.baseline(today).isPresent()) + ")");
            } else {
                LocalArtifacts.deleteTree(staging);
            }
        } catch (java.io.IOException e) {
            err.println(name + ": could not keep the failed run's report: " + e.getMessage());
        }
        err.flush();
        return code;
    }

    private int callAws(PrintWriter err) {
        Settings.FetchFlags flags = options.flags();
        String unavailable = flags.tickers() != null ? "--tickers is not available with --aws (the universe is "
                + "ETF_SYMBOL's)."
                : flags.apiKey() != null ? "--api-key is not available with --aws (the key comes from Parameter "
                        + "Store, AV_PARAMETER_NAME)."
                : flags.dataDir() != null ? "--data-dir is not available with --aws (the raw store and the artifact "
                        + "are in S3_BUCKET)."
                : null;
        if (unavailable != null) {
            err.println("avpipeline run: " + unavailable);
            return ExitCodes.USAGE;
        }
        Map<String, String> merged = new HashMap<>(env);
        putIfGiven(merged, "ETF_SYMBOL", flags.etf());
        putIfGiven(merged, "AV_RATE_LIMIT_PER_MIN", flags.rateLimit());
        putIfGiven(merged, Settings.ENV_AV_URL, flags.avUrl());
        putIfGiven(merged, "START_DATE", startDate.startDate);
        putIfGiven(merged, Settings.ENV_CLEANING, cleaning.cleaning);
        java.net.URI avUrl;
        Duration maxAge;
        Duration maxStatementAge;
        Integer concurrency;
        boolean withCompanions;
        CleaningMode mode;
        try {
            withCompanions = companions.resolve(merged);
            mode = cleaning.resolve(merged);
            avUrl = AwsPipelineAdapter.avBaseUrl(merged);
            SettingsResolver resolver = new SettingsResolver(merged);
            maxAge = resolver.age("--max-age", flags.maxAge(), null, Settings.DEFAULT_MAX_AGE);
            maxStatementAge = Settings.maxStatementAge(flags.maxStatementAge(), resolver);
            concurrency = flags.concurrency() == null ? null
                    : resolver.positiveInt("--concurrency", flags.concurrency(), null, 1);
        } catch (SettingsException e) {
            err.println("avpipeline run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        OutcomeThresholds thresholds;
        boolean accept;
        try {
            thresholds = outcome.thresholds(merged);
            accept = outcome.acceptDegraded(merged);
        } catch (SettingsException e) {
            err.println("avpipeline run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Clock clock = Clock.systemUTC();
        boolean refresh = flags.refresh();
        return AwsRun.execute(merged, settings -> AwsPipelineAdapter.of(settings, avUrl, clock,
                new FetchPolicy(maxAge, refresh, concurrency != null ? concurrency
                        : FetchPolicy.defaultConcurrency(settings.rateLimitPerMinute()), maxStatementAge),
                thresholds, accept, withCompanions, mode));
    }

    private static void putIfGiven(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}
