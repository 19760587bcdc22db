package org.avpipeline.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.avpipeline.panel.CleaningMode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.avpipeline.config.Settings;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.cloud.AwsPipeline;
import org.avpipeline.cloud.AwsSettings;
import org.avpipeline.cloud.S3ArtifactPublisher;
import org.avpipeline.cloud.S3RawStore;
import org.avpipeline.cloud.PipelineOutcome;
import org.avpipeline.cloud.RunSummary;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.DataTypeTally;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.TickerFailure;
import org.avpipeline.report.RunMode;

/**
 * Step 2 of the AWS run: the same {@link Pipeline} as locally, with the raw store on S3 and the artifact, its
 * companion files, manifest and report written in the work directory, then uploaded beside each other by the AWS run.
 */
public final class AwsPipelineAdapter {
    private AwsPipelineAdapter() {}

    public static AwsPipeline of(AwsSettings settings, java.net.URI avBaseUrl, Clock clock) {
        return of(settings, avBaseUrl, clock, FetchPolicy.defaults(settings.rateLimitPerMinute()));
    }

    /** With a fetch policy of one's own ({@code run --aws --refresh}, {@code --max-age}, {@code --concurrency}). */
    public static AwsPipeline of(AwsSettings settings, java.net.URI avBaseUrl, Clock clock, FetchPolicy policy) {
        return of(settings, avBaseUrl, clock, policy, org.avpipeline.report.OutcomeThresholds.defaults(), false, true);
    }

    /** With or without the companion files, judged with the default tolerances. */
    public static AwsPipeline of(AwsSettings settings, java.net.URI avBaseUrl, Clock clock, FetchPolicy policy,
            boolean companions) {
        return of(settings, avBaseUrl, clock, policy, org.avpipeline.report.OutcomeThresholds.defaults(), false,
                companions);
    }

    /** With the companion files, judged with these tolerances. */
    public static AwsPipeline of(AwsSettings settings, java.net.URI avBaseUrl, Clock clock, FetchPolicy policy,
            org.avpipeline.report.OutcomeThresholds thresholds, boolean acceptDegraded) {
        return of(settings, avBaseUrl, clock, policy, thresholds, acceptDegraded, true);
    }

    /**
     * Judged against the previous run's manifest in the bucket (when the raw store is the bucket's), with these
     * tolerances; a degraded artifact is published only when {@code acceptDegraded}.
     *
     * @param companions whether to write the companion files too; they are uploaded beside the artifact, before the
     *     run report and manifest
     */
    public static AwsPipeline of(AwsSettings settings, java.net.URI avBaseUrl, Clock clock, FetchPolicy policy,
            org.avpipeline.report.OutcomeThresholds thresholds, boolean acceptDegraded, boolean companions) {
        return of(settings, avBaseUrl, clock, policy, thresholds, acceptDegraded, companions, CleaningMode.DEFAULT);
    }

    /** The same in a mode of statement values ({@code CLEANING}, pipeline.md §4). */
    public static AwsPipeline of(AwsSettings settings, java.net.URI avBaseUrl, Clock clock, FetchPolicy policy,
            org.avpipeline.report.OutcomeThresholds thresholds, boolean acceptDegraded, boolean companions,
            CleaningMode cleaning) {
        // The run date is read when the AWS run makes the pipeline, at its start, as the AWS run reads its own: a run
        // that crosses midnight UTC names the same date in the manifest as in the upload key.
        LocalDate runDate = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
        String location = "s3://" + settings.bucket() + "/" + S3ArtifactPublisher.artifactKey(runDate);
        return (apiKey, rawStore, workDir) -> {
            Path artifact = workDir.resolve(ArtifactSchema.FILE_NAME);
            Pipeline.Request request = new Pipeline.Request(settings.etfSymbol(), List.of(), settings.startDate(),
                    apiKey, avBaseUrl, settings.rateLimitPerMinute(),
                    policy, rawStore, artifact, location, RunMode.AWS,
                    ArtifactBuild.defaultThreads(), true);
            java.util.Optional<OutcomeRules.Baseline> baseline = rawStore instanceof S3RawStore s3Store
                    ? S3Baselines.latest(s3Store.s3(), s3Store.bucket(), runDate) : java.util.Optional.empty();
            String kept = "s3://" + settings.bucket() + "/" + S3ArtifactPublisher.ARTIFACT_FOLDER + runDate
                    + ".degraded/" + ArtifactSchema.FILE_NAME;
            Pipeline.Outcome outcome = new Pipeline(clock, companions, cleaning).run(request,
                    new Pipeline.Judgement(baseline, thresholds, acceptDegraded, kept));
            List<Path> beside = new ArrayList<>(outcome.companionFiles());
            beside.add(outcome.reportFile());
            beside.add(outcome.manifestFile());
            return new PipelineOutcome(artifact, summary(outcome), beside, outcome.manifest().outcome());
        };
    }

    /** The counts the notification reports, from the run's facts. */
    static RunSummary summary(Pipeline.Outcome outcome) {
        FetchSummary fetch = outcome.fetch();
        List<RunSummary.FailedTicker> failures = failedTickers(fetch, outcome.build().summary().failed());
        int universe = fetch.universe().size();
        return new RunSummary(universe, universe - fetch.tickersWithFailures().size(), failures.size(),
                outcome.build().summary().inArtifact(), failures, outcome.build().stats().rows(),
                outcome.build().stats().columns(), outcome.build().stats().bytes());
    }

    /**
     * The tickers that lack data, each once, in universe order (then tickers only the build knows): the fetch's
     * reasons in words with the data types they hit, then the build's, e.g.
     * {@code GONE: unknown symbol (TIME_SERIES_DAILY_ADJUSTED, SPLITS)} or
     * {@code XYZ: transient (EARNINGS); build: unreadable SPLITS answer}. The details are in the run report.
     */
    static List<RunSummary.FailedTicker> failedTickers(FetchSummary fetch,
            List<org.avpipeline.panel.FailedTicker> buildFailures) {
        // ticker -> reason in words -> data types, both in first-seen order
        Map<String, Map<String, List<String>>> fetchReasons = new LinkedHashMap<>();
        for (DataTypeTally tally : fetch.dataTypes()) {
            for (TickerFailure f : tally.failures()) {
                fetchReasons.computeIfAbsent(f.ticker(), t -> new LinkedHashMap<>())
                        .computeIfAbsent(words(f.reason()), r -> new ArrayList<>()).add(tally.function().name());
            }
        }
        Map<String, List<String>> buildReasons = new LinkedHashMap<>();
        buildFailures.forEach(f -> buildReasons.computeIfAbsent(f.ticker(), t -> new ArrayList<>())
                .add("build: " + f.reason()));

        Set<String> order = new LinkedHashSet<>(fetch.universe().tickers());
        order.addAll(fetchReasons.keySet());
        order.addAll(buildReasons.keySet());
        List<RunSummary.FailedTicker> failures = new ArrayList<>();
        for (String ticker : order) {
            List<String> parts = new ArrayList<>();
            fetchReasons.getOrDefault(ticker, Map.of())
                    .forEach((reason, types) -> parts.add(reason + " (" + String.join(", ", types) + ")"));
            parts.addAll(buildReasons.getOrDefault(ticker, List.of()));
            if (!parts.isEmpty()) {
                failures.add(new RunSummary.FailedTicker(ticker, String.join("; ", parts)));
            }
        }
        return failures;
    }

    /** A failure code in words: {@code UNKNOWN_SYMBOL} is "unknown symbol". */
    private static String words(String reason) {
        return reason.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The Alpha Vantage URL: {@code AV_BASE_URL} or the real one, validated (a SettingsException names it). */
    public static java.net.URI avBaseUrl(java.util.Map<String, String> env) {
        return new org.avpipeline.config.SettingsResolver(env).httpUrl("--av-url", null, Settings.ENV_AV_URL,
                Settings.DEFAULT_AV_URL);
    }
}
