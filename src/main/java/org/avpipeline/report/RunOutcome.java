package org.avpipeline.report;

import java.util.List;
import java.util.Objects;

/**
 * The manifest's {@code outcome} section: how the run ended by the rules of the README ("Outcome of a run"), why, what
 * was lost against the previous run, and where the artifact went.
 *
 * @param status success, degraded or failed
 * @param reasons why it is not a success (empty for a success); for a failed run the error
 * @param lost what this run lost against the previous one, one line each ("ACMA: not in the artifact", …)
 * @param published whether the artifact replaced the day's published artifact (false for degraded unless accepted,
 *     and for failed runs)
 * @param acceptedDegraded whether {@code --accept-degraded} published a degraded artifact
 * @param baselineRunId the run the comparison was made against; {@code null} when there was none
 * @param baselineLocation where that run's artifact is; {@code null} when there was none
 * @param thresholds the tolerances applied
 * @param contents this artifact's tickers with their rows and data types (the next run's baseline)
 */
public record RunOutcome(OutcomeStatus status, List<String> reasons, List<String> lost, boolean published,
        boolean acceptedDegraded, String baselineRunId, String baselineLocation, OutcomeThresholds thresholds,
        List<TickerContents> contents) {
    public RunOutcome {
        Objects.requireNonNull(status, "status");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        lost = lost == null ? List.of() : List.copyOf(lost);
        contents = contents == null ? List.of() : List.copyOf(contents);
    }

    /** Whether there was an artifact before this run (the baseline it was judged against). */
    public boolean hadPrevious() {
        return baselineRunId != null || baselineLocation != null;
    }

    /**
     * What became of the artifact before a run that published none: "the previous artifact is unchanged", or, when
     * there was none, "there was no previous artifact".
     */
    public static String previousArtifactNote(boolean hadPrevious) {
        return hadPrevious ? "the previous artifact is unchanged" : "there was no previous artifact";
    }

    /** The same outcome, published or not (decided after judging, by where the artifact goes). */
    public RunOutcome withPublication(boolean isPublished, boolean accepted) {
        return new RunOutcome(status, reasons, lost, isPublished, accepted, baselineRunId, baselineLocation,
                thresholds, contents);
    }
}
