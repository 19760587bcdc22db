package org.avpipeline.report;

import java.util.List;
import java.util.Objects;

/**
 * The facts of one run, for machines ({@code run_manifest.json}, see {@link RunManifestJson}) and for people
 * ({@code run_report.html}, see {@link HtmlReport}): both files are written from this one value, so they always agree.
 *
 * <p>JSON field names are the record components in snake_case ({@code schema_version}, {@code run}, ...).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code; bumped when a field changes meaning
 * @param run what ran, when, where the artifact went
 * @param funnel how many tickers survived each step, with the dropped ones named
 * @param fetch the fetch phase's request statistics
 * @param cleaning anomaly repairs (pipeline.md §4)
 * @param coverage tickers with complete financial data per month
 * @param artifact the artifact file's facts; {@code null} when the run produced no artifact
 * @param warnings anything a reader should know that fits nowhere else, in the order it happened
 * @param outcome success, degraded or failed, why, and what was lost against the previous run; {@code null} in
 *     manifests written before the section existed
 */
public record RunManifest(
        int schemaVersion,
        RunInfo run,
        Funnel funnel,
        FetchStats fetch,
        Cleaning cleaning,
        Coverage coverage,
        ArtifactFacts artifact,
        List<String> warnings,
        RunOutcome outcome) {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public RunManifest {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(cleaning, "cleaning");
        Objects.requireNonNull(coverage, "coverage");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A manifest of the current {@link #SCHEMA_VERSION}. */
    public static RunManifest of(RunInfo run, Funnel funnel, FetchStats fetch, Cleaning cleaning, Coverage coverage,
            ArtifactFacts artifact, List<String> warnings) {
        return new RunManifest(SCHEMA_VERSION, run, funnel, fetch, cleaning, coverage, artifact, warnings, null);
    }

    /** This manifest with its outcome section (and the run's status following it). */
    public RunManifest withOutcome(RunOutcome newOutcome) {
        RunInfo info = run;
        RunStatus status = switch (newOutcome.status()) {
            case FAILED -> RunStatus.FAILED;
            case DEGRADED -> RunStatus.DEGRADED;
            case SUCCESS -> run.status() == RunStatus.FAILED || run.status() == RunStatus.DEGRADED
                    ? RunStatus.SUCCESS : run.status();
        };
        if (status != run.status()) {
            info = new RunInfo(run.runId(), status, run.mode(), run.etfSymbol(), run.startDate(), run.startedAt(),
                    run.finishedAt(), run.durationSeconds(), run.artifactLocation(), run.version());
        }
        return new RunManifest(schemaVersion, info, funnel, fetch, cleaning, coverage, artifact, warnings, newOutcome);
    }
}
