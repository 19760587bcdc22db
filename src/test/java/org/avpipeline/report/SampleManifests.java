package org.avpipeline.report;

import static org.avpipeline.alphavantage.AvFunction.BALANCE_SHEET;
import static org.avpipeline.alphavantage.AvFunction.CASH_FLOW;
import static org.avpipeline.alphavantage.AvFunction.EARNINGS;
import static org.avpipeline.alphavantage.AvFunction.INCOME_STATEMENT;
import static org.avpipeline.alphavantage.AvFunction.SPLITS;
import static org.avpipeline.alphavantage.AvFunction.TIME_SERIES_DAILY_ADJUSTED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.metrics.Metrics;

/** Run manifests for tests and demos: a realistic QQQ run, an empty failed run, and a one-month run. */
public final class SampleManifests {
    private SampleManifests() {}

    /**
     * A QQQ run in AWS mode: 103 holdings, 100 valid symbols, three failed fetches, a handful of build drops,
     * 99 tickers in the artifact (94 with fundamentals), 20½ years of monthly coverage.
     */
    public static RunManifest realistic() {
        RunInfo run = RunInfo.of("20250614T060002Z-qqq", RunStatus.SUCCESS_WITH_FAILURES, RunMode.AWS, "QQQ",
                LocalDate.of(2005, 1, 1), Instant.parse("2025-06-14T06:00:02Z"), Instant.parse("2025-06-14T06:12:47Z"),
                "s3://avpipeline-artifacts/qqq/" + ArtifactSchema.FILE_NAME, "1.0.0");

        Funnel funnel = new Funnel(103, 100,
                List.of(new DroppedSymbol("n/a", "not a symbol", 2), new DroppedSymbol("NVDA", "duplicate", 1)),
                List.of(
                        new DataTypeFetch(TIME_SERIES_DAILY_ADJUSTED, 99, 0, 1,
                                List.of(new TickerReason("ARM", "HTTP 503 after 3 attempts"))),
                        new DataTypeFetch(SPLITS, 97, 3, 0, List.of()),
                        new DataTypeFetch(EARNINGS, 96, 3, 1,
                                List.of(new TickerReason("CCEP", "malformed answer after 3 attempts"))),
                        new DataTypeFetch(INCOME_STATEMENT, 97, 3, 0, List.of()),
                        new DataTypeFetch(BALANCE_SHEET, 97, 3, 0, List.of()),
                        new DataTypeFetch(CASH_FLOW, 96, 3, 1,
                                List.of(new TickerReason("PDD", "timeout after 3 attempts")))),
                List.of(
                        new BuildDrop(BuildStep.TOO_LITTLE_HISTORY, INCOME_STATEMENT,
                                List.of(new TickerReason("GEHC", "9 quarters (needs 10)"))),
                        new BuildDrop(BuildStep.TOO_LITTLE_HISTORY, BALANCE_SHEET,
                                List.of(new TickerReason("GEHC", "9 quarters (needs 10)"))),
                        BuildDrop.of(BuildStep.NOT_IN_ALL_STATEMENTS, List.of(
                                new TickerReason("ASML", "no quarterly statements (foreign filer)"),
                                new TickerReason("CCEP", "no earnings (fetch failed)"),
                                new TickerReason("PDD", "no cash flow (fetch failed)"))),
                        BuildDrop.of(BuildStep.NO_CONTINUOUS_QUARTERS,
                                List.of(new TickerReason("TEAM", "no month-end fiscal dates"))),
                        BuildDrop.of(BuildStep.NO_PRICES, List.of(new TickerReason("ARM", "price fetch failed")))),
                94, 99);

        FetchStats fetch = FetchStats.of(603, 21, 6,
                List.of(new ReasonCount("HTTP 503", 1), new ReasonCount("malformed answer", 1),
                        new ReasonCount("timeout", 1)),
                516.4, 75);

        Cleaning cleaning = Cleaning.of(repairs(), perTicker());
        Coverage coverage = coverage(YearMonth.of(2005, 1), YearMonth.of(2025, 6), 99, 94);
        ArtifactFacts artifact = new ArtifactFacts(ArtifactSchema.FILE_NAME, 436_871, ArtifactSchema.COLUMNS.size(),
                187_342_905, LocalDate.of(2005, 1, 3), LocalDate.of(2025, 6, 13), 99);
        return RunManifest.of(run, funnel, fetch, cleaning, coverage, artifact, List.of(
                "ARM: the price fetch failed, so ARM is not in the artifact",
                "Fetch ran at 70.1 requests/min against a plan of 75 (6 throttled answers)"))
                .withShareBases(shareBases());
    }

    /** Share bases as a real QQQ run might show them: two as reported, one restated, one untested. */
    public static ShareBases shareBases() {
        return new ShareBases(2, 1, 1, 90, List.of(
                new ShareBases.TickerSplits("AAPL", "AS_REPORTED", List.of(
                        new ShareBases.SplitDecision(LocalDate.of(2014, 6, 9), 7, 7.0, 6.95, "AS_REPORTED", "TESTED",
                                LocalDate.of(2014, 3, 31), LocalDate.of(2014, 6, 30), null),
                        new ShareBases.SplitDecision(LocalDate.of(2020, 8, 31), 4, 4.0, 3.963, "AS_REPORTED",
                                "TESTED", LocalDate.of(2020, 6, 30), LocalDate.of(2020, 9, 30), null))),
                new ShareBases.TickerSplits("AVGO", "UNTESTED", List.of(
                        new ShareBases.SplitDecision(LocalDate.of(2024, 7, 15), 10, null, null, "RESTATED", "ASSUMED",
                                LocalDate.of(2024, 4, 30), null, "untested (no quarter with shares was reported on or"
                                        + " after it); no split of the ticker could be tested, so restated is assumed"))),
                new ShareBases.TickerSplits("NVDA", "RESTATED", List.of(
                        new ShareBases.SplitDecision(LocalDate.of(2021, 7, 20), 4, 4.0, 1.0016, "RESTATED", "TESTED",
                                LocalDate.of(2021, 4, 30), LocalDate.of(2021, 7, 31), null))),
                new ShareBases.TickerSplits("TSLA", "AS_REPORTED", List.of(
                        new ShareBases.SplitDecision(LocalDate.of(2020, 8, 31), 5, 5.0, 5.1, "AS_REPORTED", "TESTED",
                                LocalDate.of(2020, 6, 30), LocalDate.of(2020, 9, 30), null)))));
    }

    /** A run that failed before anything was fetched: every list empty, no artifact. */
    public static RunManifest failedEarly() {
        RunInfo run = RunInfo.of("20250614T060002Z-qqq", RunStatus.FAILED, RunMode.LOCAL, "QQQ",
                LocalDate.of(2005, 1, 1), Instant.parse("2025-06-14T06:00:02Z"), Instant.parse("2025-06-14T06:00:04Z"),
                null, "1.0.0");
        return RunManifest.of(run, new Funnel(0, 0, List.of(), List.of(), List.of(), 0, 0),
                FetchStats.of(1, 0, 0, List.of(new ReasonCount("premium function", 1)), 1.2, 75),
                new Cleaning(List.of(), List.of()), Coverage.empty(), null,
                List.of("ETF_PROFILE for QQQ failed: the key's plan lacks this function (a premium key is needed)"));
    }

    /** A one-ticker run whose artifact spans a single month. */
    public static RunManifest oneMonth() {
        RunInfo run = RunInfo.of("r1", RunStatus.SUCCESS, RunMode.LOCAL, null, LocalDate.of(2025, 5, 1),
                Instant.parse("2025-06-14T06:00:00Z"), Instant.parse("2025-06-14T06:00:09Z"),
                "/data/out/" + ArtifactSchema.FILE_NAME, "dev");
        List<DataTypeFetch> fetch = AvFunction.PER_TICKER.stream()
                .map(f -> new DataTypeFetch(f, 1, 0, 0, List.of())).toList();
        return RunManifest.of(run, new Funnel(1, 1, List.of(), fetch, List.of(), 1, 1),
                FetchStats.of(6, 0, 0, List.of(), 5.0, 75), new Cleaning(List.of(), List.of()),
                new Coverage(Coverage.RULE, 1, List.of(new MonthCoverage(YearMonth.of(2025, 5), 1, 1))),
                new ArtifactFacts(ArtifactSchema.FILE_NAME, 21, ArtifactSchema.COLUMNS.size(), 48_213,
                        LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 30), 1),
                List.of());
    }

    private static List<MetricRepairs> repairs() {
        Random random = new Random(42);
        List<MetricRepairs> out = new ArrayList<>();
        addRepairs(out, INCOME_STATEMENT, Metrics.INCOME_STATEMENT, random);
        addRepairs(out, BALANCE_SHEET, Metrics.BALANCE_SHEET, random);
        addRepairs(out, CASH_FLOW, Metrics.CASH_FLOW, random);
        return out;
    }

    private static void addRepairs(List<MetricRepairs> out, AvFunction statement, List<String> metrics,
            Random random) {
        for (String metric : metrics) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            int stage1 = random.nextInt(random.nextBoolean() ? 40 : 12);
            int stage2 = random.nextInt(5) == 0 ? 1 + random.nextInt(6) : 0;
            out.add(new MetricRepairs(statement, metric, stage1, stage2));
        }
    }

    private static List<TickerRepairs> perTicker() {
        String[] tickers = {"AAPL", "MSFT", "NVDA", "AMZN", "META", "AVGO", "GOOGL", "TSLA", "COST", "NFLX", "AMD",
            "PEP", "ADBE", "CSCO", "TMUS", "INTC", "QCOM", "TXN", "AMGN", "INTU", "ISRG", "BKNG", "HON", "AMAT"};
        Random random = new Random(7);
        List<TickerRepairs> out = new ArrayList<>();
        for (String t : tickers) {
            out.add(new TickerRepairs(t, random.nextInt(60), random.nextInt(8)));
        }
        return out;
    }

    /** Tickers listed over time (IPOs) and fundamentals arriving a year after listing (TTM needs 4 quarters). */
    static Coverage coverage(YearMonth first, YearMonth last, int total, int withFundamentals) {
        List<MonthCoverage> months = new ArrayList<>();
        int n = (int) first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        for (int i = 0; i < n; i++) {
            double x = i / (double) Math.max(1, n - 1);
            int present = (int) Math.round(71 + (total - 71) * Math.pow(x, 0.8));
            double gap = 24 * (1 - x) + 5 + 2 * Math.sin(i / 5.0);
            int complete = Math.max(0, Math.min(withFundamentals, (int) Math.round(present - gap)));
            months.add(new MonthCoverage(first.plusMonths(i), present, complete));
        }
        return new Coverage(Coverage.RULE, total, months);
    }
}
