package org.avpipeline.cli;

import java.time.LocalDate;
import java.util.Map;
import org.avpipeline.config.Settings;
import org.avpipeline.config.SettingsResolver;
import picocli.CommandLine.Option;

/** {@code --start-date} for the commands that build ({@code @Mixin StartDateOption startDate;}). */
public final class StartDateOption {
    @Option(names = "--start-date", paramLabel = "YYYY-MM-DD",
            description = "First day of the panel, not after today (env START_DATE, default 2004-12-31).")
    String startDate;

    /** {@code --start-date} &gt; START_DATE &gt; 2004-12-31, validated. */
    public LocalDate resolve(Map<String, String> env) {
        return Settings.startDate(startDate, new SettingsResolver(env));
    }
}
