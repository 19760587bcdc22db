package org.avpipeline.cli;

import java.util.Map;
import org.avpipeline.config.Settings;
import org.avpipeline.config.SettingsException;
import org.avpipeline.panel.CleaningMode;
import picocli.CommandLine.Option;

/** {@code --cleaning} for the commands that build ({@code @Mixin CleaningOption cleaning;}). */
public final class CleaningOption {
    @Option(names = "--cleaning", paramLabel = "as-served|reference",
            description = "Statement values as-served (default: no value changed, no minimum history, a TTM with a "
                    + "missing quarter is missing; the reference's repairs rewrote real quarters and looked at later "
                    + "reports) or reference (the R system's anomaly cleaning, to reproduce its artifact). Both "
                    + "publish the checks annual_check and balance_gap (env CLEANING).")
    String cleaning;

    /** {@code --cleaning} &gt; CLEANING &gt; as-served, validated. */
    public CleaningMode resolve(Map<String, String> env) {
        return resolve(cleaning, env);
    }

    /**
     * The mode of statement values: {@code --cleaning} &gt; CLEANING &gt; {@link CleaningMode#DEFAULT}; an unknown
     * value is a {@link SettingsException} (before any work).
     */
    public static CleaningMode resolve(String flagValue, Map<String, String> env) {
        String name = flagValue != null ? "--cleaning" : Settings.ENV_CLEANING;
        String value = flagValue != null ? flagValue : env.get(Settings.ENV_CLEANING);
        if (value == null || (flagValue == null && value.isBlank())) {
            return CleaningMode.DEFAULT;
        }
        try {
            return CleaningMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Invalid " + name + ": " + e.getMessage() + ".");
        }
    }
}
