package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulatorServerTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SimulatorConfig base = SimulatorConfig.defaults().withAsOf(Answers.AS_OF);
    private SimulatorServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SimulatorServer start(SimulatorConfig config) throws IOException {
        server = SimulatorServer.start(config);
        return server;
    }

    private HttpResponse<byte[]> get(String query) throws IOException, InterruptedException {
        return get(query, Duration.ofSeconds(30));
    }

    private HttpResponse<byte[]> get(String query, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "?" + query)).timeout(timeout).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void servesTheMarketsAnswersOnLoopback() throws Exception {
        start(base);
        assertTrue(server.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/query"), server.baseUrl());
        assertTrue(server.port() > 0);
        HttpResponse<byte[]> profile = get("function=ETF_PROFILE&symbol=QQQ&apikey=demo");
        assertEquals(200, profile.statusCode());
        assertEquals("application/json", profile.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(server.market().answer(AvFunction.ETF_PROFILE, "QQQ"), profile.body());
        for (AvFunction f : AvFunction.PER_TICKER) {
            HttpResponse<byte[]> r = get("function=" + f + "&symbol=NVLT&apikey=demo&outputsize=full");
            assertArrayEquals(server.market().answer(f, "NVLT"), r.body(), f.name());
        }
        SimulatorStats stats = server.stats();
        assertEquals(7, stats.requests());
        assertEquals(7, stats.count(Outcome.DATA));
        assertEquals(1, stats.count(AvFunction.EARNINGS));
    }

    @Test
    void compactTimeSeriesHasTheLatestHundredBars() throws Exception {
        start(base);
        JsonNode compact = Answers.parse(get("function=TIME_SERIES_DAILY_ADJUSTED&symbol=ORBT&apikey=k").body());
        assertEquals("Compact", compact.get("Meta Data").get("4. Output Size").asText());
        assertEquals(100, compact.get("Time Series (Daily)").size());
        assertEquals("2025-06-30", compact.get("Time Series (Daily)").fieldNames().next());
    }

    @Test
    void aMissingKeyGetsTheBadKeyAnswer() throws Exception {
        start(base);
        for (String q : List.of("function=EARNINGS&symbol=ACMA", "function=EARNINGS&symbol=ACMA&apikey=")) {
            HttpResponse<byte[]> r = get(q);
            assertEquals(200, r.statusCode());
            assertTrue(Answers.parse(r.body()).get("Error Message").asText()
                    .startsWith("the parameter apikey is invalid or missing"), text(r));
        }
        assertEquals(2, server.stats().count(Outcome.BAD_KEY));
    }

    @Test
    void unknownFunctionsAndSymbolsAnswerLikeTheRealApi() throws Exception {
        start(base);
        JsonNode unknown = Answers.parse(get("function=NO_SUCH_THING&symbol=ACMA&apikey=k").body());
        assertEquals("This API function (NO_SUCH_THING) does not exist.", unknown.get("Error Message").asText());
        assertEquals("{}", text(get("function=INCOME_STATEMENT&symbol=GONE&apikey=k")));
        assertTrue(text(get("function=TIME_SERIES_DAILY_ADJUSTED&symbol=GONE&apikey=k&outputsize=full"))
                .contains("Invalid API call"));
        assertTrue(text(get("function=EARNINGS&apikey=k")).contains("Invalid API call"));
        SimulatorStats stats = server.stats();
        assertEquals(1, stats.count(Outcome.UNKNOWN_FUNCTION));
        assertEquals(2, stats.count(Outcome.UNKNOWN_SYMBOL));
        assertEquals(1, stats.count(Outcome.INVALID_CALL));
    }

    @Test
    void theRateLimitThrottlesTheSixthRequestOfABurstPerKey() throws Exception {
        start(base.withRateLimitPerMinute(5));
        for (int i = 0; i < 5; i++) {
            assertTrue(Answers.parse(get("function=SPLITS&symbol=ACMA&apikey=one").body()).has("data"));
        }
        HttpResponse<byte[]> sixth = get("function=SPLITS&symbol=ACMA&apikey=one");
        assertEquals(200, sixth.statusCode());
        JsonNode body = Answers.parse(sixth.body());
        assertEquals(List.of("Information"), Answers.keys(body));
        assertTrue(body.get("Information").asText().contains("rate limit is 5 requests per minute"));
        assertTrue(Answers.parse(get("function=SPLITS&symbol=ACMA&apikey=two").body()).has("data"),
                "the limit is per key");
        assertEquals(1, server.stats().count(Outcome.THROTTLED));
    }

    @Test
    void serverErrorsAre503() throws Exception {
        start(base.withFaults(FaultPlan.parse("5xx=1")));
        HttpResponse<byte[]> r = get("function=SPLITS&symbol=ACMA&apikey=k");
        assertEquals(503, r.statusCode());
        assertEquals(1, server.stats().count(Outcome.SERVER_ERROR));
    }

    @Test
    void malformedAnswersAreNotJsonOrLackTheDataKey() throws Exception {
        start(base.withFaults(FaultPlan.parse("malformed=1")));
        int notJson = 0;
        int noDataKey = 0;
        for (int i = 0; i < 12; i++) {
            HttpResponse<byte[]> r = get("function=INCOME_STATEMENT&symbol=ACMA&apikey=k");
            assertEquals(200, r.statusCode());
            try {
                JsonNode body = Answers.JSON.readTree(r.body());
                assertFalse(body.has("quarterlyReports"));
                noDataKey++;
            } catch (JsonProcessingException e) {
                notJson++;
            }
        }
        assertTrue(notJson > 0 && noDataKey > 0, notJson + " / " + noDataKey);
        assertEquals(12, server.stats().count(Outcome.MALFORMED));
    }

    @Test
    void truncatedAnswersAreTheFirstHalfOfTheRightBody() throws Exception {
        start(base.withFaults(FaultPlan.parse("truncated=1")));
        byte[] full = server.market().answer(AvFunction.CASH_FLOW, "ACMA");
        HttpResponse<byte[]> r = get("function=CASH_FLOW&symbol=ACMA&apikey=k");
        assertEquals(200, r.statusCode());
        assertEquals(full.length / 2, r.body().length);
        assertArrayEquals(java.util.Arrays.copyOf(full, full.length / 2), r.body());
        assertThrows(JsonProcessingException.class, () -> Answers.JSON.readTree(r.body()));
    }

    @Test
    void slowAnswersOutlastTheClientsTimeout() throws Exception {
        start(base.withFaults(FaultPlan.parse("slow=1,slow-ms=5000")));
        assertThrows(HttpTimeoutException.class,
                () -> get("function=SPLITS&symbol=ACMA&apikey=k", Duration.ofMillis(300)));
        assertEquals(1, server.stats().count(Outcome.SLOW));
    }

    @Test
    void randomFaultsLeaveRoomForASuccessfulRetry() throws Exception {
        start(base.withFaults(FaultPlan.parse("5xx=0.5")));
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < 40; i++) {
            int status = get("function=SPLITS&symbol=ACMA&apikey=k").statusCode();
            if (status == 200) {
                ok++;
            } else {
                assertEquals(503, status);
                failed++;
            }
        }
        assertTrue(ok > 5 && failed > 5, ok + " ok, " + failed + " failed");
        assertEquals(ok, server.stats().count(Outcome.DATA));
        assertEquals(failed, server.stats().count(Outcome.SERVER_ERROR));
    }

    @Test
    void thePremiumFaultRefusesOnlyTheDailyAdjustedSeries() throws Exception {
        start(base.withFaults(FaultPlan.parse("premium")));
        JsonNode ts = Answers.parse(get("function=TIME_SERIES_DAILY_ADJUSTED&symbol=ACMA&apikey=k&outputsize=full")
                .body());
        assertEquals("Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the"
                + " premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints",
                ts.get("Information").asText());
        assertTrue(Answers.parse(get("function=EARNINGS&symbol=ACMA&apikey=k").body()).has("quarterlyEarnings"));
        assertEquals(1, server.stats().count(Outcome.PREMIUM));
    }

    @Test
    void theBadKeyFaultRefusesEverything() throws Exception {
        start(base.withFaults(FaultPlan.parse("bad-key")));
        for (AvFunction f : AvFunction.values()) {
            JsonNode r = Answers.parse(get("function=" + f + "&symbol=QQQ&apikey=good").body());
            assertEquals(List.of("Error Message"), Answers.keys(r));
            assertTrue(r.get("Error Message").asText().contains("apikey is invalid or missing"));
        }
    }

    @Test
    void servesConcurrentClients() throws Exception {
        start(base.withLatency(Duration.ofMillis(50)));
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (String t : server.market().tickers()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "?function=BALANCE_SHEET&symbol=" + t + "&apikey=k")).build();
            calls.add(CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < calls.size(); i++) {
            HttpResponse<byte[]> r = calls.get(i).get();
            assertEquals(200, r.statusCode());
            assertArrayEquals(server.market().answer(AvFunction.BALANCE_SHEET, server.market().tickers().get(i)),
                    r.body());
        }
        assertEquals(20, server.stats().count(AvFunction.BALANCE_SHEET));
    }
}
