package org.avpipeline.artifact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the artifact's footer says about the run that made it (artifact.md, "Key-value metadata").
 *
 * @param version the program's version ({@link org.avpipeline.Version#get()})
 * @param runId the run's identifier
 * @param etfSymbol the ETF whose holdings are the universe
 * @param startDate START_DATE: the first price day in the artifact
 * @param createdAt when the artifact was written
 * @param cleaning the mode of statement values ({@code as-served} or {@code reference}, pipeline.md §4); null when
 *     not known yet (the build fills it in from its parameters)
 */
public record ArtifactMetadata(String version, String runId, String etfSymbol, LocalDate startDate,
                               Instant createdAt, String cleaning) {
    public ArtifactMetadata {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(etfSymbol, "etfSymbol");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Without the mode of statement values (the build sets it, {@link #withCleaning}). */
    public ArtifactMetadata(String version, String runId, String etfSymbol, LocalDate startDate, Instant createdAt) {
        this(version, runId, etfSymbol, startDate, createdAt, null);
    }

    /** The same metadata naming the mode of statement values. */
    public ArtifactMetadata withCleaning(String mode) {
        return new ArtifactMetadata(version, runId, etfSymbol, startDate, createdAt, mode);
    }

    /** The footer's key-value pairs; created_at is UTC ISO-8601 to the second, e.g. 2025-01-31T06:00:00Z. */
    public Map<String, String> toFooter() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ArtifactSchema.META_VERSION, version);
        m.put(ArtifactSchema.META_RUN_ID, runId);
        m.put(ArtifactSchema.META_ETF_SYMBOL, etfSymbol);
        m.put(ArtifactSchema.META_START_DATE, startDate.toString());
        m.put(ArtifactSchema.META_CREATED_AT, createdAt.truncatedTo(ChronoUnit.SECONDS).toString());
        if (cleaning != null) {
            m.put(ArtifactSchema.META_CLEANING, cleaning);
        }
        return m;
    }
}
