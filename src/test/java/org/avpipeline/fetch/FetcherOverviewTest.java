package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StubAlphaVantage;
import org.avpipeline.alphavantage.StubAlphaVantage.Reply;
import org.avpipeline.alphavantage.TokenBucket;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OVERVIEW through the same client, store and freshness rule as the other functions, with its own age: 30 days. */
class FetcherOverviewTest {
    @TempDir
    Path dataDir;

    private StubAlphaVantage stub;
    private AlphaVantageClient client;
    private LocalRawStore store;
    private final FetcherTest.MutableClock clock = new FetcherTest.MutableClock(Instant.parse("2026-05-17T06:00:00Z"));

    @BeforeEach
    void start() throws Exception {
        stub = StubAlphaVantage.withData();
        client = AlphaVantageClient.builder("TESTKEY").baseUrl(stub.url())
                .tokenBucket(new TokenBucket(60_000, 1000, System::nanoTime, d -> { })).sleeper(d -> { }).build();
        store = new LocalRawStore(dataDir);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private FetchSummary fetch(boolean overviews, String... tickers) throws InterruptedException {
        Fetcher f = new Fetcher(client, store, new FetchPolicy(Duration.ofDays(6), false, 4), FetchProgress.silent(),
                clock);
        if (overviews) {
            f.withCompanyOverviews();
        }
        return f.fetchTickers(List.of(tickers));
    }

    @Test
    void withoutCompaniesNoOverviewIsRequested() throws Exception {
        FetchSummary s = fetch(false, "AAA");
        assertEquals(0, stub.count(AvFunction.OVERVIEW, "AAA"));
        assertTrue(s.dataTypes().stream().noneMatch(t -> t.function() == AvFunction.OVERVIEW));
        assertEquals(6, s.requests());
    }

    @Test
    void overviewsAreStoredAndKeptForThirtyDaysWhileTheOthersAgeInSix() throws Exception {
        FetchSummary first = fetch(true, "AAA");
        assertEquals(7, first.requests());
        assertEquals(AvFunction.OVERVIEW, first.dataTypes().get(first.dataTypes().size() - 1).function());
        assertTrue(store.read(RawKey.of("AAA", AvFunction.OVERVIEW)).isPresent());

        clock.advance(Duration.ofDays(7));
        fetch(true, "AAA");
        assertEquals(2, stub.count(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "AAA"), "prices: every run after six days");
        assertEquals(1, stub.count(AvFunction.OVERVIEW, "AAA"), "the overview is still fresh after a week");

        clock.advance(Duration.ofDays(22)); // 29 days
        fetch(true, "AAA");
        assertEquals(1, stub.count(AvFunction.OVERVIEW, "AAA"), "still fresh on day 29");

        clock.advance(Duration.ofDays(1)); // 30 days
        fetch(true, "AAA");
        assertEquals(2, stub.count(AvFunction.OVERVIEW, "AAA"), "fetched again after 30 days");
    }

    @Test
    void anEtfsEmptyOverviewIsStoredAsNoProfileNotAFailure() throws Exception {
        stub.script(AvFunction.OVERVIEW, "QQQ", Reply.ok("{}"));
        FetchSummary s = fetch(true, "AAA", "QQQ");
        DataTypeTally overview = s.dataTypes().stream().filter(t -> t.function() == AvFunction.OVERVIEW)
                .findFirst().orElseThrow();
        assertEquals(2, overview.fetched());
        assertEquals(List.of(), overview.failures(), "a fund has no company profile: that is not a failure");
        assertTrue(store.read(RawKey.of("QQQ", AvFunction.OVERVIEW)).isPresent(), "stored, so kept for 30 days");
        assertEquals(1, stub.count(AvFunction.OVERVIEW, "QQQ"), "not retried: {} is an answer");
    }
}
