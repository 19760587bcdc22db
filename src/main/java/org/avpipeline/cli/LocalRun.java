package org.avpipeline.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import org.avpipeline.alphavantage.FatalAnswerException;
import org.avpipeline.config.FetchSettings;
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
import org.avpipeline.run.Pipeline;
import org.avpipeline.run.RunSummaryText;
import org.avpipeline.panel.CleaningMode;

/** The local run of {@code run} and {@code demo}: locked, staged, judged and placed by its outcome. */
final class LocalRun {
    private LocalRun() {}

    /** The local run, shared with {@code demo}: the default tolerances, degraded artifacts not published. */
    static int run(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name) {
        return run(settings, start, threads, clock, out, err, name, OutcomeThresholds.defaults(), false, true,
                false, CleaningMode.DEFAULT);
    }

    /** The local run with the default tolerances, with or without the companion files, in a mode of statement values. */
    static int run(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
            PrintWriter err, String name, boolean withCompanions, boolean waitForLock, CleaningMode mode) {
        return run(settings, start, threads, clock, out, err, name, OutcomeThresholds.defaults(), false,
                withCompanions, waitForLock, mode);
    }

    /**
     * The local run: staged under {@code ttm-artifacts/.run-*}, judged against the newest earlier artifact, then
     * placed by its outcome ({@link LocalArtifacts}): published in {@code YYYY-MM-DD/} (success, or degraded and
     * accepted), kept in {@code YYYY-MM-DD.degraded/}, or the failed run's report in {@code YYYY-MM-DD.failed/}.
     * All of it holding the data folder's lock ({@link WaitOption}), taken before the start-up clean-up so that it
     * never removes a running run's files; exit {@link ExitCodes#BUSY} when another run holds it (unless waiting).
     */
    static int run(FetchSettings settings, LocalDate start, int threads, Clock clock, PrintWriter out,
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
}
