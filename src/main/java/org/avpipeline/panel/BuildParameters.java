package org.avpipeline.panel;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a build needs besides the data: the first day of the artifact ({@code START_DATE}), the cleaning
 * parameters, whether each ticker's companion rows are made too (artifact.md, "Companion artifacts"), and the mode of
 * statement values ({@link CleaningMode}, pipeline.md §4).
 */
public record BuildParameters(LocalDate startDate, CleaningParameters cleaning, boolean companions,
        CleaningMode mode) {
    public BuildParameters {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(cleaning, "cleaning");
        Objects.requireNonNull(mode, "mode");
    }

    /** In the default mode ({@link CleaningMode#DEFAULT}). */
    public BuildParameters(LocalDate startDate, CleaningParameters cleaning, boolean companions) {
        this(startDate, cleaning, companions, CleaningMode.DEFAULT);
    }

    /** With the companion rows, in the default mode. */
    public BuildParameters(LocalDate startDate, CleaningParameters cleaning) {
        this(startDate, cleaning, true);
    }

    /** The given start date with the spec's cleaning parameters, companion rows included, in the default mode. */
    public static BuildParameters of(LocalDate startDate) {
        return new BuildParameters(startDate, CleaningParameters.DEFAULT);
    }

    /** The same in the given mode. */
    public static BuildParameters of(LocalDate startDate, CleaningMode mode) {
        return new BuildParameters(startDate, CleaningParameters.DEFAULT, true, mode);
    }

    /** The same parameters, with or without the companion rows (a build without companion files skips them). */
    public BuildParameters withCompanions(boolean with) {
        return new BuildParameters(startDate, cleaning, with, mode);
    }

    /** The same parameters in another mode. */
    public BuildParameters withMode(CleaningMode other) {
        return new BuildParameters(startDate, cleaning, companions, other);
    }
}
