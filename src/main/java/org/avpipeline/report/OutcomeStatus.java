package org.avpipeline.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A run's outcome (README, "Outcome of a run"): {@code success}, {@code degraded} (an artifact was built, but it lost
 * data against the previous run or too many requests failed; it is not published as the day's artifact unless
 * accepted) or {@code failed} (nothing was fetched or nothing could be built).
 */
public enum OutcomeStatus {
    @JsonProperty("success") SUCCESS,
    @JsonProperty("degraded") DEGRADED,
    @JsonProperty("failed") FAILED;

    /** The word the manifest, the report and the notification use. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
