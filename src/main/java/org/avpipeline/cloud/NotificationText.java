package org.avpipeline.cloud;

import org.avpipeline.report.ByteSizes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.avpipeline.report.HtmlReport;
import org.avpipeline.report.RunManifestJson;

/** The subjects and bodies of the run's notifications: pure functions of what happened. */
public final class NotificationText {
    /** How many failed tickers the success notification lists. */
    public static final int FAILED_TICKERS_LISTED = 20;
    private static final int CAUSES_LISTED = 5;

    private NotificationText() {}

    /** {@code Pipeline Success: YYYY-MM-DD}. */
    public static String successSubject(LocalDate runDate) {
        return "Pipeline Success: " + runDate;
    }

    /** {@code Pipeline Degraded: YYYY-MM-DD}: an artifact was built but lost data against the previous run. */
    public static String degradedSubject(LocalDate runDate) {
        return "Pipeline Degraded: " + runDate;
    }

    /**
     * The degraded run's body: why it is degraded and what was lost (first {@link #FAILED_TICKERS_LISTED} lines),
     * whether the artifact was published, then the success body's facts.
     */
    public static String degradedBody(LocalDate runDate, Duration elapsed, AwsSettings settings,
            PublishedObject artifact, List<PublishedObject> extraFiles, RunSummary summary,
            org.avpipeline.report.RunOutcome outcome) {
        StringBuilder b = new StringBuilder();
        b.append("The avpipeline TTM pipeline is DEGRADED: the artifact lost data against the previous run")
                .append(outcome.baselineRunId() == null ? "" : " (" + outcome.baselineRunId() + ")").append(".\n");
        b.append(outcome.published() ? "It was published anyway (ACCEPT_DEGRADED).\n"
                : "It was NOT published as the day's artifact; the previous artifact stays. It is at "
                        + artifact.uri() + ".\n");
        b.append("\nWhy:\n");
        for (String r : outcome.reasons()) {
            b.append("  ").append(oneLine(r)).append('\n');
        }
        if (!outcome.lost().isEmpty()) {
            int listed = Math.min(FAILED_TICKERS_LISTED, outcome.lost().size());
            b.append("\nLost (").append(listed == outcome.lost().size() ? "all " + listed
                    : "first " + listed + " of " + outcome.lost().size()).append("):\n");
            for (String l : outcome.lost().subList(0, listed)) {
                b.append("  ").append(oneLine(l)).append('\n');
            }
        }
        b.append('\n');
        String facts = successBody(runDate, elapsed, settings, artifact, extraFiles, summary);
        b.append(facts.substring(facts.indexOf('\n') + 1).stripLeading());
        return b.toString();
    }

    public static String successBody(LocalDate runDate, Duration elapsed, AwsSettings settings,
            PublishedObject artifact, List<PublishedObject> extraFiles, RunSummary summary) {
        StringBuilder b = new StringBuilder();
        b.append("The avpipeline TTM pipeline completed successfully.\n\n");
        b.append("Execution time: ").append(minutes(elapsed)).append(" minutes\n");
        b.append("Date: ").append(runDate).append('\n');
        b.append("Artifact: ").append(artifact.uri()).append('\n');
        b.append("Size: ").append(ByteSizes.human(artifact.sizeBytes()))
                .append(String.format(Locale.ROOT, " (%,d bytes)", artifact.sizeBytes())).append('\n');
        b.append("SHA-256: ").append(artifact.sha256Hex()).append('\n');
        for (PublishedObject extra : extraFiles) {
            b.append(label(extra)).append(": ").append(extra.uri()).append('\n');
        }
        b.append('\n');
        b.append("ETF: ").append(settings.etfSymbol()).append(" (start date ").append(settings.startDate())
                .append(")\n");
        b.append("Tickers in the universe: ").append(summary.universeTickers()).append('\n');
        b.append("Tickers fetched: ").append(summary.fetchedTickers()).append('\n');
        b.append("Tickers failed: ").append(summary.failedTickers()).append('\n');
        b.append("Tickers in the artifact: ").append(summary.artifactTickers()).append('\n');
        b.append("Rows: ").append(String.format(Locale.ROOT, "%,d", summary.rows())).append('\n');
        b.append("Columns: ").append(summary.columns()).append('\n');
        List<RunSummary.FailedTicker> failures = summary.failures();
        if (!failures.isEmpty()) {
            int listed = Math.min(FAILED_TICKERS_LISTED, failures.size());
            b.append('\n').append("Failed tickers (")
                    .append(listed == failures.size() ? "all " + listed : "first " + listed + " of " + failures.size())
                    .append("):\n");
            for (RunSummary.FailedTicker f : failures.subList(0, listed)) {
                b.append("  ").append(f.ticker()).append(": ").append(oneLine(f.reason())).append('\n');
            }
            if (failures.size() > listed) {
                b.append("  ... and ").append(failures.size() - listed).append(" more\n");
            }
        }
        return b.toString();
    }

    /**
     * "Run report", "Run manifest", "Quarterly artifact", "Price artifact", "Company profiles" for the run's own files
     * beside the artifact, else "Also uploaded".
     */
    private static String label(PublishedObject extra) {
        String name = extra.key().substring(extra.key().lastIndexOf('/') + 1);
        if (name.equals(HtmlReport.FILE_NAME)) {
            return "Run report";
        } else if (name.equals(RunManifestJson.FILE_NAME)) {
            return "Run manifest";
        } else if (name.equals(org.avpipeline.artifact.CompanionSchemas.QUARTERLY.fileName())) {
            return "Quarterly artifact";
        } else if (name.equals(org.avpipeline.artifact.CompanionSchemas.PRICES.fileName())) {
            return "Price artifact";
        } else if (name.equals(org.avpipeline.artifact.CompanionSchemas.PROFILES.fileName())) {
            return "Company profiles";
        }
        return "Also uploaded";
    }

    public static String failureBody(FailureKind kind, LocalDate runDate, Duration elapsed, String details) {
        return "The avpipeline TTM pipeline failed.\n\n"
                + "Failed step: " + kind.step() + "\n"
                + "Date: " + runDate + "\n"
                + "Execution time: " + minutes(elapsed) + " minutes\n\n"
                + "Error details:\n" + details + "\n\n"
                + "See the CloudWatch log group /ecs/avpipeline for the full log.\n";
    }

    public static String configurationBody(LocalDate runDate, List<String> problems) {
        StringBuilder b = new StringBuilder("The avpipeline TTM pipeline did not start: its configuration is invalid.\n\n");
        b.append("Date: ").append(runDate).append("\n\nError details:\n");
        for (String p : problems) {
            b.append("  - ").append(p).append('\n');
        }
        b.append("\nFix the task definition's environment (deploy/terraform) and run again.\n");
        return b.toString();
    }

    /** The exception's class and message, then each cause's, one per line (callers redact the result). */
    public static String errorDetails(Throwable error) {
        StringBuilder b = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < CAUSES_LISTED; depth++, t = t.getCause()) {
            if (depth > 0) {
                b.append("\nCaused by: ");
            }
            b.append(t.getClass().getName());
            if (t.getMessage() != null) {
                b.append(": ").append(oneLine(t.getMessage()));
            }
        }
        return b.toString();
    }

    /** Minutes with two decimals, e.g. {@code 12.34}. */
    public static String minutes(Duration elapsed) {
        return String.format(Locale.ROOT, "%.2f", elapsed.toMillis() / 60_000.0);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
