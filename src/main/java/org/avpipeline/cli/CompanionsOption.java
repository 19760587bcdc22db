package org.avpipeline.cli;

import java.util.Map;
import org.avpipeline.config.Settings;
import picocli.CommandLine.Option;

/** {@code --no-companions} for the commands that fetch or build ({@code @Mixin CompanionsOption companions;}). */
public final class CompanionsOption {
    @Option(names = "--no-companions",
            description = "Only the daily panel: fetch and run request no company OVERVIEW; build and run write no "
                    + "ttm_quarterly_artifact, price_artifact or company_profile file beside it (env "
                    + "COMPANION_ARTIFACTS=false; default: companions on).")
    boolean noCompanions;

    /** {@code --no-companions} &gt; COMPANION_ARTIFACTS &gt; on, validated. */
    public boolean resolve(Map<String, String> env) {
        return Settings.companions(noCompanions, env);
    }
}
