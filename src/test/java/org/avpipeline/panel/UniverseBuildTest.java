package org.avpipeline.panel;

import static org.avpipeline.panel.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UniverseBuildTest {
    private static final BuildParameters PARAMS = BuildParameters.of(d("2020-01-01"));

    private static TickerData prices(String ticker) {
        return new TickerData(ticker, Fixtures.weekdays("2020-01-01", "2020-03-31", x -> 1.0), null, null, null);
    }

    @Test
    void resultsReachTheSinkInTickerOrderEvenWhenLaterTickersFinishFirst() throws Exception {
        // "A" cannot finish loading before "B" and "C" have finished theirs
        CountDownLatch laterDone = new CountDownLatch(2);
        List<String> finishOrder = java.util.Collections.synchronizedList(new ArrayList<>());
        TickerLoader loader = t -> {
            if (t.equals("A")) {
                assertTrue(laterDone.await(30, TimeUnit.SECONDS), "B and C never loaded");
            }
            TickerData data = prices(t);
            finishOrder.add(t);
            if (!t.equals("A")) {
                laterDone.countDown();
            }
            return data;
        };
        List<String> received = new ArrayList<>();
        BuildSummary s = new UniverseBuild(PARAMS, 3, 3).run(List.of("C", "A", "B", "A"), loader,
                r -> received.add(r.ticker()));

        assertEquals("A", finishOrder.get(2));
        assertEquals(List.of("A", "B", "C"), received);
        assertEquals(3, s.tickersInUniverse());
        assertEquals(3, s.inArtifact());
        assertEquals(List.of("A", "B", "C"), s.facts().stream().map(TickerFacts::ticker).toList());
    }

    @Test
    void aFailingLoaderFailsOnlyItsTicker() throws Exception {
        TickerLoader loader = t -> {
            if (t.equals("BAD")) {
                throw new IOException("truncated JSON in EARNINGS");
            }
            return prices(t);
        };
        List<String> received = new ArrayList<>();
        BuildSummary s = new UniverseBuild(PARAMS, 2).run(List.of("AAA", "BAD", "ZZZ"), loader,
                r -> received.add(r.ticker()));

        assertEquals(List.of("AAA", "ZZZ"), received);
        assertEquals(List.of(new FailedTicker("BAD", "loading failed: IOException: truncated JSON in EARNINGS")),
                s.failed());
        assertEquals(3, s.tickersInUniverse());
        assertEquals(2, s.inArtifact());
        assertEquals(2 * 65L, s.rows());
    }

    @Test
    void dataOfAnotherTickerIsAFailure() throws Exception {
        BuildSummary s = new UniverseBuild(PARAMS, 1).run(List.of("X"), t -> prices("Y"), r -> {});
        assertEquals("X", s.failed().get(0).ticker());
    }

    @Test
    void atMostMaxInFlightTickersAreHeldAtOnce() throws Exception {
        int maxInFlight = 3;
        AtomicInteger held = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        TickerLoader loader = t -> {
            peak.accumulateAndGet(held.incrementAndGet(), Math::max);
            return prices(t);
        };
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            tickers.add(String.format("T%02d", i));
        }
        List<String> received = new ArrayList<>();
        new UniverseBuild(PARAMS, 2, maxInFlight).run(tickers, loader, r -> {
            received.add(r.ticker());
            held.decrementAndGet();
        });
        assertEquals(tickers, received);
        assertTrue(peak.get() <= maxInFlight, "peak " + peak.get());
        assertTrue(peak.get() >= 1);
    }

    @Test
    void aFailingSinkStopsTheRun() {
        IOException boom = new IOException("disk full");
        Map<String, Boolean> loaded = new ConcurrentHashMap<>();
        List<String> tickers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tickers.add(String.format("T%02d", i));
        }
        IOException thrown = assertThrows(IOException.class, () -> new UniverseBuild(PARAMS, 2, 2).run(tickers,
                t -> {
                    loaded.put(t, true);
                    return prices(t);
                }, r -> {
                    throw boom;
                }));
        assertSame(boom, thrown);
        assertTrue(loaded.size() <= 3, "loaded " + loaded.size());
    }

    @Test
    void summaryAggregatesFacts() throws Exception {
        BuildSummary s = new UniverseBuild(PARAMS, 1).run(List.of("A", "B"),
                t -> new TickerData(t, t.equals("A") ? Fixtures.weekdays("2019-01-01", "2019-02-01", x -> 1.0)
                        : List.of(), null, null, null), r -> {});
        assertEquals(1, s.withPrices());
        assertEquals(0, s.inArtifact());
        assertEquals(0, s.withUsableStatements());
        assertEquals(2, s.tickersByDropReason().get(DropReason.NO_PRICES));
        assertEquals(2, s.tickersByDropReason().get(DropReason.NOT_IN_ALL_STATEMENTS));
    }
}
