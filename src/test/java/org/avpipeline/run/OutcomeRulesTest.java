package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.fetch.DataTypeTally;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.fetch.TickerFailure;
import org.avpipeline.fetch.Universe;
import org.avpipeline.report.OutcomeStatus;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.report.TickerContents;
import org.junit.jupiter.api.Test;

/** The outcome rules (issue 10): success, degraded against the previous artifact or by failed requests. */
class OutcomeRulesTest {
    private static final List<String> ALL = AvFunction.PER_TICKER.stream().map(Enum::name).toList();
    private static final OutcomeThresholds DEFAULTS = OutcomeThresholds.defaults();

    private static TickerContents t(String ticker, long rows, List<String> types) {
        return new TickerContents(ticker, rows, types);
    }

    private static List<TickerContents> full(String... tickers) {
        List<TickerContents> out = new ArrayList<>();
        for (String ticker : tickers) {
            out.add(t(ticker, 1000, ALL));
        }
        return out;
    }

    private static Optional<OutcomeRules.Baseline> baseline(List<TickerContents> contents) {
        long rows = contents.stream().mapToLong(TickerContents::rows).sum();
        return Optional.of(new OutcomeRules.Baseline("prev", "/x/a.parquet", rows, contents.size(), contents));
    }

    /** A fetch of {@code tickers}: everything fetched, except {@code failures} (one per failed pair). */
    private static FetchSummary fetch(List<String> tickers, List<TickerFailure> failures, AvFunction failedType) {
        List<DataTypeTally> tallies = new ArrayList<>();
        for (AvFunction f : AvFunction.PER_TICKER) {
            List<TickerFailure> here = f == failedType ? failures : List.of();
            tallies.add(new DataTypeTally(f, tickers.size() - here.size(), 0, here));
        }
        return new FetchSummary(Universe.fromTickers(tickers), tallies, 60, 0, 0, Map.of(), 60, Instant.EPOCH,
                Duration.ofMinutes(1));
    }

    @Test
    void aRunLikeThePreviousOneIsASuccess() {
        RunOutcome o = OutcomeRules.judge(fetch(List.of("A", "B"), List.of(), null), full("A", "B"),
                baseline(full("A", "B")), DEFAULTS);
        assertEquals(OutcomeStatus.SUCCESS, o.status());
        assertEquals(List.of(), o.reasons());
        assertEquals("prev", o.baselineRunId());
    }

    @Test
    void withoutABaselineOnlyTheFailedShareCounts() {
        assertEquals(OutcomeStatus.SUCCESS, OutcomeRules.judge(null, full("A"), Optional.empty(), DEFAULTS).status());
    }

    @Test
    void aMissingTickerDegradesTheRunAndIsListedAsLost() {
        RunOutcome o = OutcomeRules.judge(null, full("A", "C"), baseline(full("A", "B", "C")), DEFAULTS);
        assertEquals(OutcomeStatus.DEGRADED, o.status());
        assertTrue(o.lost().contains("B: not in the artifact (had 1000 rows)"), o.lost().toString());
        assertTrue(o.reasons().get(0).contains("1 tickers of the previous artifact are missing"), o.reasons().toString());
        // tolerated with --max-lost-tickers 1 … but the rows fell by a third
        RunOutcome tolerated = OutcomeRules.judge(null, full("A", "C"), baseline(full("A", "B", "C")),
                new OutcomeThresholds(1, 50, 10));
        assertEquals(OutcomeStatus.SUCCESS, tolerated.status(), tolerated.reasons().toString());
    }

    @Test
    void aTickerThatLostADataTypeDegradesTheRun() {
        List<String> noIncome = new ArrayList<>(ALL);
        noIncome.remove("INCOME_STATEMENT");
        RunOutcome o = OutcomeRules.judge(null, List.of(t("A", 1000, noIncome), t("B", 1000, ALL)),
                baseline(full("A", "B")), DEFAULTS);
        assertEquals(OutcomeStatus.DEGRADED, o.status());
        assertEquals(List.of("A: lost INCOME_STATEMENT"), o.lost());
        // a data type the previous run did not have either is no loss
        RunOutcome same = OutcomeRules.judge(null, List.of(t("A", 1000, noIncome)),
                baseline(List.of(t("A", 1000, noIncome))), DEFAULTS);
        assertEquals(OutcomeStatus.SUCCESS, same.status());
    }

    @Test
    void rowsMayFallByTheTolerance() {
        assertEquals(OutcomeStatus.SUCCESS, OutcomeRules.judge(null, List.of(t("A", 991, ALL)),
                baseline(full("A")), DEFAULTS).status(), "0.9 % is within 1 %");
        RunOutcome o = OutcomeRules.judge(null, List.of(t("A", 980, ALL)), baseline(full("A")), DEFAULTS);
        assertEquals(OutcomeStatus.DEGRADED, o.status());
        assertTrue(o.reasons().get(0).startsWith("rows fell from 1,000 to 980 (2.00 %"), o.reasons().toString());
    }

    @Test
    void aBaselineWithoutContentsIsComparedByTickerCountAndRows() {
        Optional<OutcomeRules.Baseline> old = Optional.of(new OutcomeRules.Baseline("old", "/x", 3000, 3, List.of()));
        RunOutcome o = OutcomeRules.judge(null, full("A", "B"), old, DEFAULTS);
        assertEquals(OutcomeStatus.DEGRADED, o.status());
        assertTrue(o.lost().get(0).startsWith("1 tickers fewer"), o.lost().toString());
    }

    @Test
    void tooManyFailedRequestsDegradeTheRunButUnknownSymbolsAreAnswers() {
        List<String> tickers = List.of("A", "B", "C", "D");
        List<TickerFailure> throttled = List.of(new TickerFailure("A", "THROTTLED", "rate"));
        // 1 of 24 requested = 4.2 %: within 10 %
        assertEquals(OutcomeStatus.SUCCESS, OutcomeRules.judge(fetch(tickers, throttled, AvFunction.SPLITS),
                full(tickers.toArray(String[]::new)), Optional.empty(), DEFAULTS).status());
        List<TickerFailure> many = List.of(new TickerFailure("A", "THROTTLED", "rate"),
                new TickerFailure("B", "THROTTLED", "rate"), new TickerFailure("C", "TRANSIENT", "503"));
        RunOutcome o = OutcomeRules.judge(fetch(tickers, many, AvFunction.SPLITS),
                full(tickers.toArray(String[]::new)), Optional.empty(), DEFAULTS);
        assertEquals(OutcomeStatus.DEGRADED, o.status());
        assertTrue(o.reasons().get(0).startsWith("3 of 24 requested answers failed (12.5 %"), o.reasons().toString());
        List<TickerFailure> unknown = List.of(new TickerFailure("A", "UNKNOWN_SYMBOL", "x"),
                new TickerFailure("B", Fetcher.SKIPPED_UNKNOWN_SYMBOL, "x"),
                new TickerFailure("C", Fetcher.SKIPPED_UNKNOWN_SYMBOL, "x"));
        assertEquals(OutcomeStatus.SUCCESS, OutcomeRules.judge(fetch(tickers, unknown, AvFunction.SPLITS),
                full(tickers.toArray(String[]::new)), Optional.empty(), DEFAULTS).status());
    }

    @Test
    void aFailedRunCarriesItsReason() {
        RunOutcome o = OutcomeRules.failed("nothing was fetched", Optional.empty(), DEFAULTS);
        assertEquals(OutcomeStatus.FAILED, o.status());
        assertEquals(List.of("nothing was fetched"), o.reasons());
        assertEquals(false, o.published());
    }

    /** Issue 21.1: a build from the raw store is degraded by every stored answer it could not use, and only by them. */
    @Test
    void aBuildIsDegradedByTheStoredAnswersItCouldNotUse() {
        List<TickerContents> contents = List.of(new TickerContents("BRKW", 100, List.of("TIME_SERIES_DAILY_ADJUSTED")));
        RunOutcome clean = OutcomeRules.judgeBuild(contents, List.of(), OutcomeThresholds.defaults());
        assertEquals(OutcomeStatus.SUCCESS, clean.status());
        assertEquals(List.of(), clean.reasons());

        RunOutcome lost = OutcomeRules.judgeBuild(contents, List.of(
                new DamagedAnswer("ACMA", AvFunction.TIME_SERIES_DAILY_ADJUSTED, "its metadata is missing"),
                new DamagedAnswer("BRKW", AvFunction.INCOME_STATEMENT, "does not match the sha256")),
                OutcomeThresholds.defaults());
        assertEquals(OutcomeStatus.DEGRADED, lost.status());
        assertTrue(lost.reasons().get(0).startsWith("2 stored answers could not be used"), lost.reasons().toString());
        assertEquals(List.of("ACMA: lost TIME_SERIES_DAILY_ADJUSTED (its metadata is missing)",
                "BRKW: lost INCOME_STATEMENT (does not match the sha256)"), lost.lost());
        assertEquals(null, lost.baselineRunId(), "a build has no previous run");
        assertEquals(false, lost.published(), "published only when the caller accepts it");
    }
}
