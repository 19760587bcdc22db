package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a build needs besides the data: the first day of the artifact ({@code START_DATE}), the cleaning
 * parameters, and whether each ticker's companion rows are made too (artifact.md, "Companion artifacts").
 */
public record BuildParameters(LocalDate startDate, CleaningParameters cleaning, boolean companions) {
    public BuildParameters {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(cleaning, "cleaning");
    }

    /** With the companion rows. */
    public BuildParameters(LocalDate startDate, CleaningParameters cleaning) {
        this(startDate, cleaning, true);
    }

    /** The given start date with the spec's cleaning parameters, companion rows included. */
    public static BuildParameters of(LocalDate startDate) {
        return new BuildParameters(startDate, CleaningParameters.DEFAULT);
    }

    /** The same parameters, with or without the companion rows (a build without companion files skips them). */
    public BuildParameters withCompanions(boolean with) {
        return new BuildParameters(startDate, cleaning, with);
    }
}
