package org.avpipeline.run;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.avpipeline.Version;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.panel.AnnualCheck;
import org.avpipeline.panel.AnomalyRepair;
import org.avpipeline.panel.BalanceGap;
import org.avpipeline.panel.BuildSummary;
import org.avpipeline.panel.Dropout;
import org.avpipeline.panel.FailedTicker;
import org.avpipeline.panel.TickerFacts;
import org.avpipeline.fetch.DataTypeTally;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.TickerFailure;
import org.avpipeline.fetch.Universe;
import org.avpipeline.report.AnnualMismatch;
import org.avpipeline.report.ArtifactFacts;
import org.avpipeline.report.BalanceGapQuarter;
import org.avpipeline.report.StatementCheck;
import org.avpipeline.report.BuildDrop;
import org.avpipeline.report.BuildStep;
import org.avpipeline.report.Cleaning;
import org.avpipeline.report.Coverage;
import org.avpipeline.report.DataTypeFetch;
import org.avpipeline.report.DroppedSymbol;
import org.avpipeline.report.FetchStats;
import org.avpipeline.report.RefreshFacts;
import org.avpipeline.fetch.TickerRefresh;
import org.avpipeline.report.Funnel;
import org.avpipeline.report.MetricRepairs;
import org.avpipeline.report.ReasonCount;
import org.avpipeline.report.RunInfo;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunMode;
import org.avpipeline.report.RunStatus;
import org.avpipeline.report.TickerReason;
import org.avpipeline.report.TickerRepairs;

/** Maps the facts a run collected (fetch summary, build summary, artifact facts) onto the run manifest. */
public final class RunManifests {
    private RunManifests() {}

    /** Everything a finished (or failed) run knows about itself. */
    public record RunFacts(String runId, RunMode mode, String etfSymbol, LocalDate startDate, Instant startedAt,
            Instant finishedAt, String artifactLocation, List<EtfHolding> holdings, List<String> universe,
            FetchSummary fetch, double planPerMinute, BuildSummary build, Coverage coverage, ArtifactFacts artifact,
            List<String> warnings) {}

    public static RunManifest of(RunFacts f) {
        Funnel funnel = funnel(f);
        RunStatus status = f.artifact() == null ? RunStatus.FAILED
                : (funnel.fetchFailures() > 0 || (f.build() != null && !f.build().failed().isEmpty()))
                        ? RunStatus.SUCCESS_WITH_FAILURES : RunStatus.SUCCESS;
        RunInfo run = RunInfo.of(f.runId(), status, f.mode(), f.etfSymbol(), f.startDate(), f.startedAt(),
                f.finishedAt(), f.artifactLocation(), Version.get());
        return RunManifest.of(run, funnel, fetchStats(f), cleaning(f.build()),
                f.coverage() == null ? Coverage.empty() : f.coverage(), f.artifact(), f.warnings())
                .withShareBases(ShareBasisManifest.of(f.build()))
                .withRestatements(RestatementManifest.of(f.build()))
                .withRefresh(refreshFacts(f.fetch()));
    }

    /** The fetch's refresh decisions for the manifest; null without a fetch or decisions. */
    static RefreshFacts refreshFacts(FetchSummary fetch) {
        if (fetch == null || fetch.refresh().isEmpty()) {
            return null;
        }
        List<ReasonCount> byReason = new ArrayList<>();
        fetch.answersByRefreshReason().forEach((reason, n) -> byReason.add(new ReasonCount(reason.label(), n)));
        List<RefreshFacts.TickerRefreshFacts> tickers = new ArrayList<>();
        for (TickerRefresh t : fetch.refresh()) {
            tickers.add(new RefreshFacts.TickerRefreshFacts(t.ticker(),
                    t.toFetch().stream().map(Enum::name).toList(), t.summary()));
        }
        return new RefreshFacts(byReason, tickers);
    }

    /** The symbols of the ETF's holdings that did not make the universe, and why. */
    public static List<DroppedSymbol> droppedSymbols(List<EtfHolding> holdings) {
        Map<String, int[]> notSymbols = new LinkedHashMap<>();
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, int[]> duplicates = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (EtfHolding h : holdings) {
            String raw = h.symbol() == null ? "" : h.symbol().trim();
            String upper = raw.toUpperCase(Locale.ROOT);
            if (!Universe.isTickerSymbol(raw)) {
                spelling.putIfAbsent(upper, raw.isEmpty() ? "(empty)" : raw);
                notSymbols.computeIfAbsent(upper, k -> new int[1])[0]++;
            } else if (!seen.add(upper)) {
                duplicates.computeIfAbsent(upper, k -> new int[1])[0]++;
            }
        }
        List<DroppedSymbol> out = new ArrayList<>();
        notSymbols.forEach((s, n) -> out.add(new DroppedSymbol(spelling.get(s), "not a ticker symbol", n[0])));
        duplicates.forEach((s, n) -> out.add(new DroppedSymbol(s, "duplicate", n[0])));
        return out;
    }

    private static Funnel funnel(RunFacts f) {
        List<EtfHolding> holdings = f.holdings();
        int universe = f.universe() == null ? 0 : f.universe().size();
        List<DroppedSymbol> dropped = holdings == null ? List.of() : droppedSymbols(holdings);
        List<DataTypeFetch> byType = new ArrayList<>();
        if (f.fetch() != null) {
            for (DataTypeTally t : f.fetch().dataTypes()) {
                List<TickerReason> failures = t.failures().stream()
                        .map(x -> new TickerReason(x.ticker(), reason(x))).toList();
                byType.add(new DataTypeFetch(t.function(), t.fetched(), t.skippedFresh(), t.failed(), failures));
            }
        }
        List<BuildDrop> drops = new ArrayList<>();
        int withFundamentals = 0;
        int inArtifact = 0;
        if (f.build() != null) {
            Map<String, List<TickerReason>> grouped = new TreeMap<>();
            Map<String, BuildStep> steps = new LinkedHashMap<>();
            Map<String, AvFunction> statements = new LinkedHashMap<>();
            for (TickerFacts t : f.build().facts()) {
                for (Dropout d : t.dropouts()) {
                    BuildStep step = BuildStep.valueOf(d.reason().name());
                    String key = step.ordinal() + "/" + (d.dataType() == null ? "" : d.dataType().ordinal());
                    grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(new TickerReason(t.ticker(), d.detail()));
                    steps.put(key, step);
                    statements.put(key, d.dataType());
                }
                if (t.inArtifact() && t.hasUsableStatements()) {
                    withFundamentals++;
                }
            }
            for (FailedTicker failed : f.build().failed()) {
                String key = BuildStep.NO_PRICES.ordinal() + "/";
                grouped.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new TickerReason(failed.ticker(), "raw data unreadable: " + failed.reason()));
                steps.put(key, BuildStep.NO_PRICES);
                statements.put(key, null);
            }
            grouped.forEach((key, tickers) -> drops.add(new BuildDrop(steps.get(key), statements.get(key), tickers)));
            inArtifact = f.build().inArtifact();
        }
        int holdingsCount = holdings == null ? universe : holdings.size();
        return new Funnel(holdingsCount, universe, dropped, byType, drops, withFundamentals, inArtifact);
    }

    private static String reason(TickerFailure failure) {
        return failure.detail() == null || failure.detail().isBlank() ? failure.reason()
                : failure.reason() + ": " + failure.detail();
    }

    private static FetchStats fetchStats(RunFacts f) {
        FetchSummary s = f.fetch();
        if (s == null) {
            return FetchStats.of(0, 0, 0, List.of(), 0, f.planPerMinute());
        }
        List<ReasonCount> reasons = new ArrayList<>();
        s.failuresByReason().forEach((reason, count) -> reasons.add(new ReasonCount(reason, count)));
        return FetchStats.of(s.requests(), s.retries(), s.throttled(), reasons, s.elapsed().toMillis() / 1000.0,
                f.planPerMinute());
    }

    private static Cleaning cleaning(BuildSummary build) {
        if (build == null) {
            return Cleaning.of(List.of(), List.of());
        }
        Map<String, int[]> perMetric = new LinkedHashMap<>();
        Map<String, AnomalyRepair> firstOf = new LinkedHashMap<>();
        for (AnomalyRepair r : build.repairTotals()) {
            String key = r.statement().name() + "/" + r.metric();
            int[] counts = perMetric.computeIfAbsent(key, k -> new int[2]);
            counts[r.stage() == 1 ? 0 : 1] += r.count();
            firstOf.putIfAbsent(key, r);
        }
        List<MetricRepairs> repairs = new ArrayList<>();
        perMetric.forEach((key, c) -> repairs.add(
                new MetricRepairs(firstOf.get(key).statement(), firstOf.get(key).metric(), c[0], c[1])));
        List<TickerRepairs> perTicker = new ArrayList<>();
        for (TickerFacts t : build.facts()) {
            int s1 = 0;
            int s2 = 0;
            for (AnomalyRepair r : t.repairs()) {
                if (r.stage() == 1) {
                    s1 += r.count();
                } else {
                    s2 += r.count();
                }
            }
            if (s1 + s2 > 0) {
                perTicker.add(new TickerRepairs(t.ticker(), s1, s2));
            }
        }
        return Cleaning.of(repairs, perTicker).withChecks(build.cleaning().label(), annualChecks(build),
                annualMismatches(build), balanceGaps(build));
    }

    /** Per checked statement, the (ticker, fiscal year) pairs checked and matched (pipeline.md §4.1). */
    static List<StatementCheck> annualChecks(BuildSummary build) {
        List<StatementCheck> out = new ArrayList<>();
        for (AvFunction statement : AnnualCheck.STATEMENTS) {
            int checked = 0;
            int matched = 0;
            for (TickerFacts t : build.facts()) {
                for (AnnualCheck.FiscalYear y : t.fiscalYears()) {
                    if (y.statement() == statement) {
                        checked++;
                        matched += y.matched() ? 1 : 0;
                    }
                }
            }
            out.add(new StatementCheck(statement, checked, matched));
        }
        return out;
    }

    private static List<AnnualMismatch> annualMismatches(BuildSummary build) {
        List<AnnualMismatch> out = new ArrayList<>();
        for (TickerFacts t : build.facts()) {
            for (AnnualCheck.FiscalYear y : t.fiscalYears()) {
                for (AnnualCheck.Mismatch m : y.mismatches()) {
                    out.add(new AnnualMismatch(t.ticker(), y.fiscalYearEnd(), m.metric(), m.annual(), m.quarters()));
                }
            }
        }
        return out;
    }

    private static List<BalanceGapQuarter> balanceGaps(BuildSummary build) {
        List<BalanceGapQuarter> out = new ArrayList<>();
        for (TickerFacts t : build.facts()) {
            for (BalanceGap.Quarter q : t.largeBalanceGaps()) {
                out.add(new BalanceGapQuarter(t.ticker(), q.fiscalDateEnding(), q.gap()));
            }
        }
        return out;
    }
}
