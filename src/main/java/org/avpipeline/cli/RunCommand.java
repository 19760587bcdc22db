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
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.AwsPipelineAdapter;
import org.avpipeline.run.Pipeline;
import org.avpipeline.run.RunSummaryText;
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
                "With --aws: the container's run (see deploy/README.md): the API key from SSM Parameter Store "
                        + "(AV_PARAMETER_NAME), the raw store and the artifact on S3 (S3_BUCKET), notifications on "
                        + "SNS (SNS_TOPIC_ARN); region from AWS_REGION."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:the run completed (tickers that lack some data are listed in the summary and the report)",
                "1:unexpected error (local run)",
                "2:bad usage or an invalid setting (nothing was done)",
                "3:local: the ETF's holdings could not be fetched; --aws: the API key could not be retrieved",
                "4:local: Alpha Vantage rejected the API key or the plan lacks a function; --aws: the pipeline failed",
                "5:local: no ticker has price data, nothing written; --aws: the artifact was not found",
                "6:--aws: the S3 upload failed"})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    FetchOptions options;

    @Mixin
    StartDateOption startDate;

    @Mixin
    CompanionsOption companions;

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
        try {
            settings = options.resolve(env);
            start = startDate.resolve(env);
            withCompanions = companions.resolve(env);
            settings.requireApiKey();
        } catch (SettingsException e) {
            err.println("avpipeline run: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return runLocal(settings, start, threads, Clock.systemUTC(), out, err, "avpipeline run", withCompanions);
    }

    /** The local run with the companion files. */
    static int runLocal(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name) {
        return runLocal(settings, start, threads, clock, out, err, name, true);
    }

    /** The local run, shared with {@code demo}. */
    static int runLocal(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name, boolean withCompanions) {
        Pipeline.Request request = new Pipeline.Request(settings.etfSymbol(), settings.tickers(), start,
                settings.apiKey(), settings.avBaseUrl(), settings.rateLimitPerMinute(), settings.policy(),
                new LocalRawStore(settings.dataDir()),
                Pipeline.artifactPath(settings.dataDir(), LocalDate.now(clock)), null, RunMode.LOCAL, threads, true);
        try {
            Pipeline.Outcome outcome = new Pipeline(clock, withCompanions).run(request);
            out.print(RunSummaryText.format(outcome));
            out.flush();
            return ExitCodes.OK;
        } catch (EtfLookupException e) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.ETF_LOOKUP;
        } catch (FatalAnswerException e) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.KEY_REJECTED;
        } catch (ArtifactBuild.NothingToWriteException e) {
            err.println(name + ": " + e.getMessage());
            return ExitCodes.NOTHING_TO_WRITE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println(name + ": interrupted");
            return ExitCodes.ERROR;
        } catch (Exception e) {
            err.println(name + ": failed: " + e);
            return ExitCodes.ERROR;
        }
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
        java.net.URI avUrl;
        Duration maxAge;
        Duration maxStatementAge;
        Integer concurrency;
        boolean withCompanions;
        try {
            withCompanions = companions.resolve(merged);
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
        Clock clock = Clock.systemUTC();
        boolean refresh = flags.refresh();
        return AwsRun.execute(merged, settings -> AwsPipelineAdapter.of(settings, avUrl, clock,
                new FetchPolicy(maxAge, refresh, concurrency != null ? concurrency
                        : FetchPolicy.defaultConcurrency(settings.rateLimitPerMinute()), maxStatementAge),
                withCompanions));
    }

    private static void putIfGiven(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}
