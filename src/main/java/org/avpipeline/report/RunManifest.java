package org.avpipeline.report;

import java.util.List;
import java.util.Objects;

/**
 * The facts of one run, for machines ({@code run_manifest.json}, see {@link RunManifestJson}) and for people
 * ({@code run_report.html}, see {@link HtmlReport}): both files are written from this one value, so they always agree.
 *
 * <p>JSON field names are the record components in snake_case ({@code schema_version}, {@code run}, ...). The
 * sections after {@code warnings} are optional: the 8-argument constructor leaves them empty and the {@code with...}
 * methods fill them one at a time.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code; bumped when a field changes meaning
 * @param run what ran, when, where the artifact went
 * @param funnel how many tickers survived each step, with the dropped ones named
 * @param fetch the fetch phase's request statistics
 * @param cleaning anomaly repairs (pipeline.md §4)
 * @param coverage tickers with complete financial data per month
 * @param artifact the artifact file's facts; {@code null} when the run produced no artifact
 * @param warnings anything a reader should know that fits nowhere else, in the order it happened
 * @param shareBases the share basis of each ticker's counts and the decision about each split (pipeline.md §3.4);
 *     empty when nothing was built
 * @param companions the companion files written beside the artifact (artifact.md); empty when none were
 * @param refresh what the fetch fetched and kept for each ticker, and why; {@code null} when there was no fetch
 * @param outcome success, degraded or failed, why, and what was lost against the previous run; {@code null} in
 *     manifests written before the section existed
 * @param restatements restated statement values (pipeline.md §8a); {@code null} when nothing was built or in
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
        ShareBases shareBases,
        List<CompanionFile> companions,
        RefreshFacts refresh,
        RunOutcome outcome,
        RestatementFacts restatements) {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    public RunManifest {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(cleaning, "cleaning");
        Objects.requireNonNull(coverage, "coverage");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        shareBases = shareBases == null ? ShareBases.empty() : shareBases;
        companions = companions == null ? List.of() : List.copyOf(companions);
    }

    /** A manifest without the optional sections. */
    public RunManifest(int schemaVersion, RunInfo run, Funnel funnel, FetchStats fetch, Cleaning cleaning,
            Coverage coverage, ArtifactFacts artifact, List<String> warnings) {
        this(schemaVersion, run, funnel, fetch, cleaning, coverage, artifact, warnings, ShareBases.empty(), List.of(),
                null, null, null);
    }

    /** The same manifest with these share-basis facts. */
    public RunManifest withShareBases(ShareBases facts) {
        return new RunManifest(schemaVersion, run, funnel, fetch, cleaning, coverage, artifact, warnings, facts,
                companions, refresh, outcome, restatements);
    }

    /** The same manifest listing these companion files. */
    public RunManifest withCompanions(List<CompanionFile> files) {
        return new RunManifest(schemaVersion, run, funnel, fetch, cleaning, coverage, artifact, warnings, shareBases,
                files, refresh, outcome, restatements);
    }

    /** The same manifest with the fetch's refresh decisions. */
    public RunManifest withRefresh(RefreshFacts facts) {
        return new RunManifest(schemaVersion, run, funnel, fetch, cleaning, coverage, artifact, warnings, shareBases,
                companions, facts, outcome, restatements);
    }

    /** The same manifest with these restatement facts. */
    public RunManifest withRestatements(RestatementFacts facts) {
        return new RunManifest(schemaVersion, run, funnel, fetch, cleaning, coverage, artifact, warnings, shareBases,
                companions, refresh, outcome, facts);
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
        return new RunManifest(schemaVersion, info, funnel, fetch, cleaning, coverage, artifact, warnings, shareBases,
                companions, refresh, newOutcome, restatements);
    }

    /** A manifest of the current {@link #SCHEMA_VERSION}. */
    public static RunManifest of(RunInfo run, Funnel funnel, FetchStats fetch, Cleaning cleaning, Coverage coverage,
            ArtifactFacts artifact, List<String> warnings) {
        return new RunManifest(SCHEMA_VERSION, run, funnel, fetch, cleaning, coverage, artifact, warnings);
    }
}
