package org.avpipeline.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.avpipeline.fetch.DataTypeTally;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.fetch.TickerFailure;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.report.TickerContents;

/**
 * The rules that decide a run's outcome (the one place; README "Outcome of a run" and the report say the same):
 * <ul>
 * <li><b>failed</b>: nothing was fetched (every request failed and no usable answer was stored) or nothing could be
 * built (an error, or no ticker has prices): no artifact.</li>
 * <li><b>degraded</b>, against the previous run's artifact (the baseline): more tickers missing than
 * {@link OutcomeThresholds#maxLostTickers()}; a ticker in both that lost a data type it had; rows fallen by more than
 * {@link OutcomeThresholds#maxRowDropPercent()}. Without a baseline: none of these. In any case: more than
 * {@link OutcomeThresholds#maxFailedPercent()} of the requested (ticker, data type) answers failed ("unknown symbol"
 * and skipped data types of an unknown symbol are answers, not failures).</li>
 * <li><b>success</b> otherwise.</li>
 * </ul>
 */
public final class OutcomeRules {
    private OutcomeRules() {}

    /** What is known of the previous run's artifact. {@code contents} is empty when its manifest predates them. */
    public record Baseline(String runId, String location, long rows, int tickers, List<TickerContents> contents) {
        public Baseline {
            contents = contents == null ? List.of() : List.copyOf(contents);
        }
    }

    /** A failed run's outcome: the reason, nothing published. */
    public static RunOutcome failed(String reason, Optional<Baseline> baseline, OutcomeThresholds thresholds) {
        return new RunOutcome(OutcomeStatus.FAILED, List.of(reason), List.of(), false, false,
                baseline.map(Baseline::runId).orElse(null), baseline.map(Baseline::location).orElse(null),
                thresholds, List.of());
    }

    /** Judges a run that built an artifact with {@code contents} (one entry per ticker in it). */
    public static RunOutcome judge(FetchSummary fetch, List<TickerContents> contents, Optional<Baseline> baseline,
            OutcomeThresholds t) {
        List<String> reasons = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        if (baseline.isPresent()) {
            compare(baseline.get(), contents, t, reasons, lost);
        }
        if (fetch != null) {
            long requested = 0;
            long failed = 0;
            for (DataTypeTally tally : fetch.dataTypes()) {
                requested += tally.fetched();
                for (TickerFailure f : tally.failures()) {
                    if (!isAnswer(f.reason())) {
                        failed++;
                    }
                    requested++;
                }
            }
            double share = requested == 0 ? 0 : 100.0 * failed / requested;
            if (share > t.maxFailedPercent()) {
                reasons.add(String.format(Locale.ROOT, "%d of %d requested answers failed (%.1f %%, more than %s %%)",
                        failed, requested, share, trim(t.maxFailedPercent())));
            }
        }
        OutcomeStatus status = reasons.isEmpty() ? OutcomeStatus.SUCCESS : OutcomeStatus.DEGRADED;
        return new RunOutcome(status, reasons, lost, false, false, baseline.map(Baseline::runId).orElse(null),
                baseline.map(Baseline::location).orElse(null), t, contents);
    }

    /**
     * Judges {@code build}, which reads the raw store alone (no fetch, and no previous run to compare with: its
     * {@code --out} can be anywhere): degraded when a stored answer could not be used (not verified, damaged,
     * half-stored), since that data is missing from the artifact and only a fetch can bring it back; success
     * otherwise. As for a run, a degraded build is published only with {@code --accept-degraded}.
     */
    public static RunOutcome judgeBuild(List<TickerContents> contents, List<DamagedAnswer> unusable,
            OutcomeThresholds t) {
        List<String> reasons = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        if (!unusable.isEmpty()) {
            reasons.add(unusable.size() + " stored answers could not be used: their data is missing from the "
                    + "artifact (fetch them again)");
            for (DamagedAnswer d : unusable) {
                lost.add(d.ticker() + ": lost " + d.dataType() + " (" + d.reason() + ")");
            }
        }
        OutcomeStatus status = reasons.isEmpty() ? OutcomeStatus.SUCCESS : OutcomeStatus.DEGRADED;
        return new RunOutcome(status, reasons, lost, false, false, null, null, t, contents);
    }

    /** Failure reasons that are Alpha Vantage's answer about the symbol, not a lost request. */
    static boolean isAnswer(String reason) {
        return AnswerKind.aboutTheSymbol(reason);
    }

    private static void compare(Baseline base, List<TickerContents> contents, OutcomeThresholds t,
            List<String> reasons, List<String> lost) {
        Map<String, TickerContents> now = new LinkedHashMap<>();
        long rows = 0;
        for (TickerContents c : contents) {
            now.put(c.ticker(), c);
            rows += c.rows();
        }
        int lostTickers = 0;
        int lostTypes = 0;
        if (!base.contents().isEmpty()) {
            for (TickerContents before : base.contents()) {
                TickerContents after = now.get(before.ticker());
                if (after == null) {
                    lostTickers++;
                    lost.add(before.ticker() + ": not in the artifact (had " + before.rows() + " rows)");
                    continue;
                }
                List<String> missing = new ArrayList<>(before.dataTypes());
                missing.removeAll(Set.copyOf(after.dataTypes()));
                if (!missing.isEmpty()) {
                    lostTypes++;
                    lost.add(before.ticker() + ": lost " + String.join(", ", missing));
                }
            }
        } else if (contents.size() < base.tickers()) {
            lostTickers = base.tickers() - contents.size();
            lost.add(lostTickers + " tickers fewer than the previous artifact's " + base.tickers());
        }
        if (lostTickers > t.maxLostTickers()) {
            reasons.add(lostTickers + " tickers of the previous artifact are missing (more than "
                    + t.maxLostTickers() + " allowed)");
        }
        if (lostTypes > 0) {
            reasons.add(lostTypes + " tickers lost a data type the previous run had");
        }
        if (base.rows() > 0) {
            double drop = 100.0 * (base.rows() - rows) / base.rows();
            if (drop > t.maxRowDropPercent()) {
                String line = String.format(Locale.ROOT, "rows fell from %,d to %,d (%.2f %%, more than %s %%)",
                        base.rows(), rows, drop, trim(t.maxRowDropPercent()));
                reasons.add(line);
                lost.add(line);
            }
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
