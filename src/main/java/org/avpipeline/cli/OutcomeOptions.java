package org.avpipeline.cli;

import java.util.Locale;
import java.util.Map;
import org.avpipeline.config.SettingsException;
import org.avpipeline.config.SettingsResolver;
import org.avpipeline.report.OutcomeThresholds;
import picocli.CommandLine.Option;

/**
 * The tolerances of the outcome rules and {@code --accept-degraded} ({@code run}; README "Outcome of a run"):
 * flags &gt; environment variables &gt; defaults.
 */
public final class OutcomeOptions {
    public static final String ENV_MAX_LOST_TICKERS = "MAX_LOST_TICKERS";
    public static final String ENV_MAX_ROW_DROP = "MAX_ROW_DROP_PCT";
    public static final String ENV_MAX_FAILED = "MAX_FAILED_PCT";
    public static final String ENV_ACCEPT_DEGRADED = "ACCEPT_DEGRADED";

    @Option(names = "--max-lost-tickers", paramLabel = "N", description = "Degraded when more than N tickers of the "
            + "previous artifact are missing (env " + ENV_MAX_LOST_TICKERS + ", default 0).")
    String maxLostTickers;

    @Option(names = "--max-row-drop", paramLabel = "PCT", description = "Degraded when the rows fall by more than PCT "
            + "percent against the previous artifact (env " + ENV_MAX_ROW_DROP + ", default 1).")
    String maxRowDrop;

    @Option(names = "--max-failed", paramLabel = "PCT", description = "Degraded when more than PCT percent of the "
            + "requested answers fail, unknown symbols aside (env " + ENV_MAX_FAILED + ", default 10).")
    String maxFailed;

    @Option(names = "--accept-degraded", description = "Publish a degraded artifact as the day's artifact anyway "
            + "(env " + ENV_ACCEPT_DEGRADED + "=true).")
    boolean acceptDegraded;

    /** The thresholds, validated. */
    public OutcomeThresholds thresholds(Map<String, String> env) {
        SettingsResolver r = new SettingsResolver(env);
        return new OutcomeThresholds(
                (int) number(r, "--max-lost-tickers", maxLostTickers, ENV_MAX_LOST_TICKERS,
                        OutcomeThresholds.DEFAULT_MAX_LOST_TICKERS, Integer.MAX_VALUE, true),
                number(r, "--max-row-drop", maxRowDrop, ENV_MAX_ROW_DROP,
                        OutcomeThresholds.DEFAULT_MAX_ROW_DROP_PERCENT, 100, false),
                number(r, "--max-failed", maxFailed, ENV_MAX_FAILED,
                        OutcomeThresholds.DEFAULT_MAX_FAILED_PERCENT, 100, false));
    }

    /** {@code --accept-degraded}, or ACCEPT_DEGRADED set to true/1/yes. */
    public boolean acceptDegraded(Map<String, String> env) {
        return acceptDegraded(acceptDegraded, env);
    }

    /** {@code flag}, or ACCEPT_DEGRADED set to true/1/yes ({@code build}'s {@code --accept-degraded} too). */
    static boolean acceptDegraded(boolean flag, Map<String, String> env) {
        if (flag) {
            return true;
        }
        String v = env.get(ENV_ACCEPT_DEGRADED);
        if (v == null || v.isBlank()) {
            return false;
        }
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new SettingsException("Invalid " + ENV_ACCEPT_DEGRADED + " '" + v
                    + "': must be true or false.");
        };
    }

    private static double number(SettingsResolver r, String flag, String flagValue, String envVar, double dflt,
            double max, boolean whole) {
        String v = r.raw(flagValue, envVar);
        if (v == null) {
            return dflt;
        }
        String rule = whole ? "must be a whole number >= 0" : "must be a number from 0 to " + (long) max;
        double n;
        try {
            n = whole ? Integer.parseInt(v.trim()) : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new SettingsException("Invalid " + SettingsResolver.names(flag, envVar) + " '" + v + "': " + rule + ".");
        }
        if (!(n >= 0 && n <= max)) {
            throw new SettingsException("Invalid " + SettingsResolver.names(flag, envVar) + " '" + v + "': " + rule + ".");
        }
        return n;
    }
}
