package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a build needs besides the data: the first day of the artifact ({@code START_DATE}) and the cleaning
 * parameters.
 */
public record BuildParameters(LocalDate startDate, CleaningParameters cleaning) {
    public BuildParameters {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(cleaning, "cleaning");
    }

    /** The given start date with the spec's cleaning parameters. */
    public static BuildParameters of(LocalDate startDate) {
        return new BuildParameters(startDate, CleaningParameters.DEFAULT);
    }
}
