package org.avpipeline.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.avpipeline.config.Settings;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.cloud.AwsPipeline;
import org.avpipeline.cloud.AwsSettings;
import org.avpipeline.cloud.PipelineOutcome;
import org.avpipeline.cloud.RunSummary;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.report.RunMode;

/**
 * Step 2 of the AWS run: the same {@link Pipeline} as locally, with the raw store on S3 and the artifact, manifest and
 * report written in the work directory, then uploaded beside each other by the AWS run.
 */
public final class AwsPipelineAdapter {
    private AwsPipelineAdapter() {}

    public static AwsPipeline of(AwsSettings settings, java.net.URI avBaseUrl, Clock clock) {
        return (apiKey, rawStore, workDir) -> {
            LocalDate runDate = LocalDate.now(clock);
            Path artifact = workDir.resolve(ArtifactSchema.FILE_NAME);
            String location = "s3://" + settings.bucket() + "/ttm-artifacts/" + runDate + "/" + ArtifactSchema.FILE_NAME;
            Pipeline.Request request = new Pipeline.Request(settings.etfSymbol(), List.of(), settings.startDate(),
                    apiKey, avBaseUrl, settings.rateLimitPerMinute(),
                    FetchPolicy.defaults(settings.rateLimitPerMinute()), rawStore, artifact, location, RunMode.AWS,
                    ArtifactBuild.defaultThreads(), true);
            Pipeline.Outcome outcome = new Pipeline(clock).run(request);
            return new PipelineOutcome(artifact, summary(outcome),
                    List.of(outcome.reportFile(), outcome.manifestFile()));
        };
    }

    /** The counts the notification reports, from the run's facts. */
    static RunSummary summary(Pipeline.Outcome outcome) {
        FetchSummary fetch = outcome.fetch();
        List<RunSummary.FailedTicker> failures = failedTickers(fetch, outcome.build().summary().failed());
        java.util.Set<String> failedTickers = new java.util.TreeSet<>();
        failures.forEach(f -> failedTickers.add(f.ticker()));
        int universe = fetch.universe().size();
        return new RunSummary(universe, universe - fetch.tickersWithFailures().size(), failedTickers.size(),
                outcome.build().summary().inArtifact(), failures, outcome.build().stats().rows(),
                outcome.build().stats().columns(), outcome.build().stats().bytes());
    }

    /** The tickers that lack data, with why. */
    static List<RunSummary.FailedTicker> failedTickers(FetchSummary fetch,
            List<org.avpipeline.build.FailedTicker> buildFailures) {
        List<RunSummary.FailedTicker> failures = new ArrayList<>();
        fetch.dataTypes().forEach(t -> t.failures().forEach(f -> failures.add(new RunSummary.FailedTicker(f.ticker(),
                t.function() + " " + f.reason() + (f.detail() == null || f.detail().isBlank() ? "" : ": " + f.detail())))));
        buildFailures.forEach(f -> failures.add(new RunSummary.FailedTicker(f.ticker(), "build: " + f.reason())));
        return failures;
    }

    /** The Alpha Vantage URL: {@code AV_BASE_URL} or the real one, validated (a SettingsException names it). */
    public static java.net.URI avBaseUrl(java.util.Map<String, String> env) {
        return new org.avpipeline.config.SettingsResolver(env).httpUrl("--av-url", null, Settings.ENV_AV_URL,
                Settings.DEFAULT_AV_URL);
    }
}
