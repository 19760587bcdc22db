package org.avpipeline.panel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The two modes of statement values (pipeline.md's opening, §3.3, §4, §6): {@link #AS_SERVED}, the default, changes
 * no statement value; {@link #REFERENCE} reproduces the reference's artifact (minimum history, anomaly cleaning, a
 * missing quarter counting as 0 in a TTM).
 */
public enum CleaningMode {
    /** No value changed (§4.1), no minimum history, a TTM with a missing quarter is missing. */
    AS_SERVED("as-served"),
    /** The reference's behaviour: min_obs (§3.3), anomaly cleaning (§4.2), a missing quarter counts 0 in a TTM. */
    REFERENCE("reference");

    /** The mode when none is asked for. */
    public static final CleaningMode DEFAULT = AS_SERVED;

    private final String label;

    CleaningMode(String label) {
        this.label = label;
    }

    /** The name users write ({@code --cleaning}, {@code CLEANING}) and the footer, manifest and report show. */
    public String label() {
        return label;
    }

    /** Whether the reference's anomaly cleaning (§4.2) and minimum history (§3.3) run. */
    public boolean repairs() {
        return this == REFERENCE;
    }

    /** Whether a TTM counts a missing quarter as 0 (reference) rather than being missing itself (§6). */
    public boolean missingQuarterCountsAsZero() {
        return this == REFERENCE;
    }

    /** §3.3: the minimum number of quarter rows a statement needs in this mode ({@code minObs}, or none). */
    public int minHistory(CleaningParameters parameters) {
        return repairs() ? parameters.minObs() : 0;
    }

    /** The labels, for messages: {@code as-served|reference}. */
    public static String choices() {
        return Arrays.stream(values()).map(CleaningMode::label).collect(Collectors.joining("|"));
    }

    /**
     * The mode with this label (case and surrounding blanks ignored).
     *
     * @throws IllegalArgumentException naming the value and the choices
     */
    public static CleaningMode parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (CleaningMode m : values()) {
            if (m.label.equals(v)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + (value == null ? "" : value.trim()) + "' is not a cleaning mode ("
                + choices() + ")");
    }

    @Override
    public String toString() {
        return label;
    }
}
