package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.Answer;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.TokenBucket;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, point 9: an API that refuses the connection on the first requests stops the fetch within 5 s of the
 * first request (not three retry cycles of three requests each), with the message naming the host. Asserted on the
 * client's attempts and the waits it asked for (a recording sleeper: nothing sleeps), not on the wall time.
 */
class UnreachableApiTest {
    @TempDir
    Path dir;

    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    /** The production defaults (3 attempts, 5 s backoff, 75 a minute); its waits between attempts recorded. */
    private AlphaVantageClient client(String url) {
        TokenBucket bucket = new TokenBucket(75, 1, System::nanoTime, d -> { });
        return AlphaVantageClient.builder("k").baseUrl(URI.create(url)).tokenBucket(bucket).sleeper(waits::add).build();
    }

    @Test
    void aRequestThatCannotConnectBeforeAnyAnswerEndsWithinTwoSecondsOnOnePermit() throws Exception {
        int port = closedPort();
        AlphaVantageClient client = client("http://127.0.0.1:" + port + "/query");
        Answer a = client.fetch(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "ACMA");
        assertEquals(AnswerKind.TRANSIENT, a.kind());
        assertTrue(a.detail().startsWith("cannot connect: ") && a.detail().contains("127.0.0.1:" + port), a.detail());
        assertEquals(3, a.attempts());
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), waits, "0.5 s and 1 s between attempts");
        assertEquals(1, client.bucket().granted(), "one permit: the attempts that never connected used none");
    }

    @Test
    void aRefusedConnectionStopsTheFetchAtItsFirstRequest() throws Exception {
        int port = closedPort();
        AlphaVantageClient client = client("http://127.0.0.1:" + port + "/query");
        Fetcher fetcher = new Fetcher(client, new LocalRawStore(dir), new FetchPolicy(Duration.ofDays(6), false, 1),
                FetchProgress.silent(), Clock.systemUTC());

        FetchStoppedException e = assertThrows(FetchStoppedException.class,
                () -> fetcher.fetchTickers(List.of("ACMA", "ACMB", "ACMC")));
        assertTrue(e.getMessage().startsWith("Alpha Vantage is unreachable: the first request failed the same way "
                + "after its retries (") && e.getMessage().contains("127.0.0.1:" + port)
                && e.getMessage().contains("Check --av-url"), e.getMessage());
        // at any speed: only the quick waits (never the 5 s backoff), and no request after the tickers' first ones
        // (those already handed to the fetch thread may start before the stop reaches it)
        assertTrue(waits.stream().allMatch(d -> d.compareTo(Duration.ofSeconds(1)) <= 0), waits.toString());
        assertTrue(client.bucket().granted() <= 3, "permits: " + client.bucket().granted());
    }

    @Test
    void onceTheApiAnsweredAConnectionFailureIsRetriedWithTheUsualBackoff() throws Exception {
        AlphaVantageClient client;
        try (SimulatorServer simulator = SimulatorServer.start(SimulatorConfig.defaults().withTickers(2)
                .withAsOf(LocalDate.of(2025, 1, 3)))) {
            client = client(simulator.baseUrl());
            assertEquals(AnswerKind.DATA, client.fetch(AvFunction.SPLITS, simulator.market().tickers().get(0)).kind());
        }
        waits.clear();
        Answer gone = client.fetch(AvFunction.SPLITS, "ACMA"); // the server is closed now
        assertEquals(AnswerKind.TRANSIENT, gone.kind());
        assertEquals(3, gone.attempts());
        List<Duration> backoffs = waits.stream().filter(d -> d.compareTo(Duration.ofSeconds(2)) >= 0).toList();
        assertEquals(2, backoffs.size(), "5 s and 10 s, with jitter: " + waits);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
