package org.avpipeline.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.avpipeline.cloud.AwsRun;
import org.avpipeline.config.FetchSettings;
import org.avpipeline.config.Settings;
import org.avpipeline.config.SettingsException;
import org.avpipeline.config.SettingsResolver;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.AwsPipelineAdapter;
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
        return LocalRun.run(settings, start, threads, Clock.systemUTC(), out, err, "avpipeline run", thresholds, accept,
                withCompanions, lockWait.waitForLock, mode);
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
