package org.avpipeline.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What ran.
 *
 * @param runId the run's id (also in the artifact's footer metadata)
 * @param status how it ended
 * @param mode local or AWS
 * @param etfSymbol the ETF whose holdings are the universe; {@code null} when an explicit ticker list replaced it
 * @param startDate START_DATE: the first day of the panel
 * @param startedAt when the run started (UTC)
 * @param finishedAt when it finished (UTC)
 * @param durationSeconds {@code finishedAt - startedAt} in seconds
 * @param artifactLocation where the artifact is: a local path or an {@code s3://} URI; {@code null} when none
 * @param version the program's version ({@link org.avpipeline.Version#get()})
 */
public record RunInfo(
        String runId,
        RunStatus status,
        RunMode mode,
        String etfSymbol,
        LocalDate startDate,
        Instant startedAt,
        Instant finishedAt,
        double durationSeconds,
        String artifactLocation,
        String version) {

    public RunInfo {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(version, "version");
        if (!(durationSeconds >= 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException("durationSeconds must be finite and >= 0: " + durationSeconds);
        }
    }

    /** Run facts with the duration computed from the two instants. */
    public static RunInfo of(String runId, RunStatus status, RunMode mode, String etfSymbol, LocalDate startDate,
            Instant startedAt, Instant finishedAt, String artifactLocation, String version) {
        double seconds = Math.max(0, Duration.between(startedAt, finishedAt).toMillis() / 1000.0);
        return new RunInfo(runId, status, mode, etfSymbol, startDate, startedAt, finishedAt, seconds,
                artifactLocation, version);
    }
}
