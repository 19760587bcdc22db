package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.FatalAnswerException;
import org.avpipeline.alphavantage.StubAlphaVantage;
import org.avpipeline.alphavantage.StubAlphaVantage.Reply;
import org.avpipeline.alphavantage.TokenBucket;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {
    static final String PREMIUM = "{\"Information\": \"Thank you for using Alpha Vantage! This is a premium endpoint.\"}";

    @TempDir
    Path dataDir;

    private StubAlphaVantage stub;
    private AlphaVantageClient client;
    private LocalRawStore store;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-17T06:00:00Z"));

    @BeforeEach
    void start() throws IOException {
        stub = StubAlphaVantage.withData();
        client = AlphaVantageClient.builder("TESTKEY")
                .baseUrl(stub.url())
                .tokenBucket(new TokenBucket(60_000, 1000, System::nanoTime, d -> { }))
                .sleeper(d -> { })
                .build();
        store = new LocalRawStore(dataDir);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private Fetcher fetcher(boolean refresh) {
        return new Fetcher(client, store, new FetchPolicy(Duration.ofDays(6), refresh, 4), FetchProgress.silent(),
                clock);
    }

    private static DataTypeTally tally(FetchSummary s, AvFunction f) {
        return s.dataTypes().stream().filter(t -> t.function() == f).findFirst().orElseThrow();
    }

    @Test
    void etfFirstThenSixFunctionsPerHolding() throws Exception {
        FetchSummary s = fetcher(false).fetchEtf("qqq");
        assertEquals(List.of("AAA", "BBB"), s.universe().tickers(), "n/a dropped, upper-cased");
        assertEquals("QQQ", s.universe().etfSymbol());
        assertEquals(AvFunction.ETF_PROFILE, stub.queries().get(0).get("function") == null ? null
                : AvFunction.valueOf(stub.queries().get(0).get("function")), "the ETF profile comes first");
        List<AvFunction> order = new ArrayList<>();
        s.dataTypes().forEach(t -> order.add(t.function()));
        List<AvFunction> expected = new ArrayList<>(List.of(AvFunction.ETF_PROFILE));
        expected.addAll(AvFunction.PER_TICKER);
        assertEquals(expected, order);
        assertEquals(new DataTypeTally(AvFunction.ETF_PROFILE, 1, 0, List.of()), tally(s, AvFunction.ETF_PROFILE));
        for (AvFunction f : AvFunction.PER_TICKER) {
            assertEquals(new DataTypeTally(f, 2, 0, List.of()), tally(s, f));
            assertEquals(1, stub.count(f, "AAA"));
            assertEquals(1, stub.count(f, "BBB"));
        }
        assertEquals(13, s.requests());
        assertEquals(13, s.fetched());
        assertEquals(0, s.failed());
        assertEquals(Map.of(), s.failuresByReason());
        assertEquals(clock.instant(), s.startedAt());
        assertTrue(s.achievedRatePerMinute() > 0);
        assertTrue(Files.isRegularFile(dataDir.resolve("raw/_etf/QQQ/ETF_PROFILE.json.gz")));
        assertTrue(Files.isRegularFile(dataDir.resolve("raw/BBB/CASH_FLOW.json.gz")));
        var meta = store.metadata(RawKey.of("AAA", AvFunction.TIME_SERIES_DAILY_ADJUSTED)).orElseThrow();
        assertEquals(clock.instant(), meta.fetchedAt());
        assertTrue(meta.request().endsWith("function=TIME_SERIES_DAILY_ADJUSTED&symbol=AAA&outputsize=full&apikey=***"),
                meta.request());
    }

    @Test
    void answersYoungerThanMaxAgeAreSkippedOlderOnesFetched() throws Exception {
        fetcher(false).fetchEtf("QQQ");
        int before = stub.queries().size();

        clock.advance(Duration.ofDays(5));
        FetchSummary fresh = fetcher(false).fetchEtf("QQQ");
        assertEquals(before, stub.queries().size(), "nothing requested");
        assertEquals(0, fresh.requests());
        assertEquals(13, fresh.skippedFresh());
        assertEquals(new DataTypeTally(AvFunction.ETF_PROFILE, 0, 1, List.of()), tally(fresh, AvFunction.ETF_PROFILE));
        assertEquals(List.of("AAA", "BBB"), fresh.universe().tickers(), "the universe from the stored profile");

        clock.advance(Duration.ofDays(2)); // now 7 days after the first fetch
        FetchSummary stale = fetcher(false).fetchEtf("QQQ");
        assertEquals(1 + 2, stale.fetched() - tally(stale, AvFunction.EARNINGS_CALENDAR).fetched(),
                "the profile and the prices; nothing says the statements changed");
        assertEquals(2, tally(stale, AvFunction.TIME_SERIES_DAILY_ADJUSTED).fetched());
        assertEquals(2, tally(stale, AvFunction.CASH_FLOW).skippedFresh());

        clock.advance(FetchPolicy.DEFAULT_MAX_STATEMENT_AGE); // older than the statement age
        FetchSummary aged = fetcher(false).fetchEtf("QQQ");
        assertEquals(13, aged.fetched());
        assertEquals(13, aged.requests());
    }

    @Test
    void refreshFetchesEverything() throws Exception {
        fetcher(false).fetchTickers(List.of("IBM"));
        clock.advance(Duration.ofHours(1));
        FetchSummary s = fetcher(true).fetchTickers(List.of("IBM"));
        assertEquals(6, s.fetched());
        assertEquals(0, s.skippedFresh());
        assertEquals(12, stub.queries().size());
        assertEquals(clock.instant(), store.metadata(RawKey.of("IBM", AvFunction.SPLITS)).orElseThrow().fetchedAt());
    }

    @Test
    void anAnswerThatFailedTransientlyGetsAFinalRoundAndIsFetched() throws Exception {
        stub.script(AvFunction.CASH_FLOW, "IBM", Reply.status(503), Reply.status(503), Reply.status(503));
        FetchSummary s = fetcher(false).fetchTickers(List.of("IBM"));
        assertEquals(6, s.fetched());
        assertEquals(0, s.failed());
        assertEquals(4, stub.count(AvFunction.CASH_FLOW, "IBM"), "3 failed attempts, then the final round's");
        assertTrue(store.read(RawKey.of("IBM", AvFunction.CASH_FLOW)).isPresent());
    }

    @Test
    void aFailedDataTypeIsRecordedAndTheRunGoesOn() throws Exception {
        stub.script(AvFunction.EARNINGS, "ZZZZ", Reply.ok("{\"Error Message\": \"Invalid API call.\"}"));
        stub.script(AvFunction.CASH_FLOW, "IBM", Reply.status(500), Reply.status(500), Reply.status(500),
                Reply.status(500), Reply.status(500), Reply.status(500));
        FetchSummary s = fetcher(false).fetchTickers(List.of("ibm", "zzzz", "n/a"));
        assertEquals(List.of("IBM", "ZZZZ"), s.universe().tickers());
        DataTypeTally earnings = tally(s, AvFunction.EARNINGS);
        assertEquals(1, earnings.fetched());
        assertEquals(1, earnings.failed());
        TickerFailure f = earnings.failures().get(0);
        assertEquals("ZZZZ", f.ticker());
        assertEquals(AnswerKind.UNKNOWN_SYMBOL.name(), f.reason());
        assertTrue(f.detail().contains("Invalid API call"), f.detail());
        assertEquals(1, stub.count(AvFunction.EARNINGS, "ZZZZ"), "unknown symbol is not retried");
        DataTypeTally cash = tally(s, AvFunction.CASH_FLOW);
        assertEquals(List.of("IBM"), cash.failures().stream().map(TickerFailure::ticker).toList());
        assertEquals(AnswerKind.TRANSIENT.name(), cash.failures().get(0).reason());
        assertEquals(6, stub.count(AvFunction.CASH_FLOW, "IBM"), "3 attempts, then 3 more in the final round");
        assertEquals(Map.of("UNKNOWN_SYMBOL", 1L, "TRANSIENT", 1L), s.failuresByReason());
        assertEquals(10, s.fetched());
        assertEquals(17, s.requests());
        assertEquals(4, s.retries());
        assertEquals(Set.of("IBM", "ZZZZ"), s.tickersWithFailures());
        assertTrue(store.metadata(RawKey.of("ZZZZ", AvFunction.EARNINGS)).isEmpty());
        assertTrue(store.metadata(RawKey.of("ZZZZ", AvFunction.SPLITS)).isPresent());
    }

    @Test
    void premiumAbortsTheWholeRun() {
        stub.script(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "IBM", Reply.ok(PREMIUM));
        FatalAnswerException e = assertThrows(FatalAnswerException.class,
                () -> fetcher(false).fetchTickers(List.of("IBM")));
        assertEquals(AnswerKind.PREMIUM_REQUIRED, e.kind());
        assertTrue(e.getMessage().contains("TIME_SERIES_DAILY_ADJUSTED"));
    }

    @Test
    void failedEtfLookupFailsTheRunBeforeAnyTicker() {
        stub.script(AvFunction.ETF_PROFILE, "NOPE", Reply.ok("{}"));
        EtfLookupException e = assertThrows(EtfLookupException.class, () -> fetcher(false).fetchEtf("NOPE"));
        assertTrue(e.getMessage().contains("NOPE") && e.getMessage().contains("unknown symbol"), e.getMessage());
        assertEquals(1, stub.queries().size());
    }

    @Test
    void etfWithoutTickerSymbolsFailsTheLookup() {
        stub.script(AvFunction.ETF_PROFILE, "EMPTY", Reply.ok("{\"holdings\": [{\"symbol\": \"n/a\"}]}"));
        assertThrows(EtfLookupException.class, () -> fetcher(false).fetchEtf("EMPTY"));
    }

    @Test
    void unstorableSymbolIsAFailureWithoutARequest() throws Exception {
        FetchSummary s = fetcher(false).fetchTickers(List.of("A/B"));
        assertEquals(6, s.failed());
        assertEquals(Map.of(Fetcher.INVALID_SYMBOL, 6L), s.failuresByReason());
        assertEquals(0, stub.queries().size());
    }

    @Test
    void manyTickersConcurrently() throws Exception {
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tickers.add("T" + i);
        }
        FetchSummary s = new Fetcher(client, store, new FetchPolicy(Duration.ofDays(6), false, 8),
                FetchProgress.silent(), clock).fetchTickers(tickers);
        assertEquals(150, s.fetched());
        assertEquals(150, stub.queries().size());
        for (AvFunction f : AvFunction.PER_TICKER) {
            assertEquals(25, tally(s, f).fetched());
        }
    }

    @Test
    void defaultConcurrencyFollowsTheRate() {
        assertEquals(10, FetchPolicy.defaultConcurrency(75));
        assertEquals(4, FetchPolicy.defaultConcurrency(5));
        assertEquals(32, FetchPolicy.defaultConcurrency(1200));
    }

    @Test
    void summaryTablePrintsEveryDataTypeAndFailure() throws Exception {
        stub.script(AvFunction.SPLITS, "ZZZZ", Reply.ok("{}"));
        String table = FetchSummaryTable.format(fetcher(false).fetchTickers(List.of("IBM", "ZZZZ")));
        for (AvFunction f : AvFunction.PER_TICKER) {
            assertTrue(table.contains(f.name()), table);
        }
        assertTrue(table.contains("ticker ZZZZ, SPLITS: unknown symbol"), table);
        assertTrue(table.contains("Universe: 2 tickers (explicit list)"), table);
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
