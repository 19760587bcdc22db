package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactReader;
import org.avpipeline.artifact.RowQuery;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.FetchProgress;
import org.avpipeline.fetch.FetchSummary;
import org.avpipeline.fetch.Fetcher;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.simulator.AvMessages;
import org.avpipeline.simulator.FaultPlan;
import org.avpipeline.simulator.SimulatorConfig;
import org.avpipeline.simulator.SimulatorServer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 10's chaos property: the same universe fetched once cleanly and once with the simulator injecting 5xx,
 * timeouts, truncated and malformed bodies and (through a small proxy in front of it) throttle answers at 10–20 %
 * of the requests gives the same artifact, row for row and value for value (the footer's run id and times aside).
 * Named *Test (a jqwik property class all the same) so that the build's default test includes run it.
 */
class ChaosFetchTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final int TICKERS = 8;
    private static final long SEED = 11;
    private static Path work;
    private static List<List<Object>> cleanRows;

    private static SimulatorConfig market() {
        return SimulatorConfig.defaults().withSeed(SEED).withTickers(TICKERS).withAsOf(AS_OF);
    }

    @BeforeContainer
    static void buildCleanArtifact() throws Exception {
        work = Files.createTempDirectory("chaos-");
        try (SimulatorServer clean = SimulatorServer.start(market())) {
            cleanRows = fetchAndBuild(clean.baseUrl(), work.resolve("clean"));
        }
        assertTrue(cleanRows.size() > 1000, "a real artifact: " + cleanRows.size() + " rows");
    }

    @AfterContainer
    static void removeWork() throws IOException {
        LocalArtifacts.deleteTree(work);
    }

    @Property(tries = 3)
    void faultsAtTenToTwentyPercentDoNotChangeTheArtifact(@ForAll @IntRange(min = 10, max = 20) int percent,
            @ForAll long faultSeed) throws Exception {
        double total = percent / 100.0;
        double each = total * 0.8 / 4; // 80 % of the faults from the simulator, 20 % throttles from the proxy
        FaultPlan plan = new FaultPlan(each, each, each, each, false, false, Duration.ofMillis(700));
        Path dir = work.resolve("faulty-" + percent + "-" + Long.toHexString(faultSeed));
        try (SimulatorServer faulty = SimulatorServer.start(market().withFaults(plan));
                ThrottlingProxy proxy = new ThrottlingProxy(faulty.baseUrl(), total * 0.2, faultSeed)) {
            List<List<Object>> rows = fetchAndBuild(proxy.baseUrl(), dir);
            assertTrue(proxy.throttled() > 0 || total * 0.2 * proxy.requests() < 3,
                    "the proxy throttled " + proxy.throttled() + " of " + proxy.requests());
            assertEquals(cleanRows.size(), rows.size());
            assertEquals(cleanRows, rows, "the faulty fetch gives the clean artifact");
        } finally {
            LocalArtifacts.deleteTree(dir);
        }
    }

    private static List<List<Object>> fetchAndBuild(String baseUrl, Path dir) throws Exception {
        AlphaVantageClient client = AlphaVantageClient.builder("chaos").baseUrl(URI.create(baseUrl))
                .rateLimitPerMinute(60_000).maxAttempts(5).backoffBase(Duration.ofMillis(2))
                .maxDelay(Duration.ofMillis(20)).requestTimeout(Duration.ofMillis(400)).build();
        LocalRawStore store = new LocalRawStore(dir);
        Fetcher fetcher = new Fetcher(client, store, new FetchPolicy(FetchPolicy.DEFAULT_MAX_AGE, false, 8),
                FetchProgress.silent(), Clock.systemUTC());
        FetchSummary s = fetcher.fetchEtf("QQQ");
        assertEquals(java.util.Map.of("UNKNOWN_SYMBOL", 1L, Fetcher.SKIPPED_UNKNOWN_SYMBOL, 5L), s.failuresByReason(),
                "every answer in the end (the ETF holds one unknown symbol)");
        List<String> tickers = new java.util.ArrayList<>(s.universe().tickers());
        tickers.sort(null);
        Path out = dir.resolve("a.parquet");
        ArtifactBuild.run(tickers, store, BuildParameters.of(LocalDate.of(2004, 12, 31)), out,
                new ArtifactMetadata("test", "chaos", "QQQ", LocalDate.of(2004, 12, 31), Instant.now()), 2,
                BuildProgress.silent());
        return ArtifactReader.open(out).read(RowQuery.all());
    }

    /** Forwards to the simulator, answering a share of the requests with Alpha Vantage's throttle message. */
    private static final class ThrottlingProxy implements AutoCloseable {
        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();
        private final Random random;
        private int requests;
        private int throttled;

        ThrottlingProxy(String target, double share, long seed) throws IOException {
            this.random = new Random(seed);
            URI base = URI.create(target);
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.createContext("/", exchange -> {
                boolean throttle;
                synchronized (this) {
                    requests++;
                    throttle = random.nextDouble() < share;
                    if (throttle) {
                        throttled++;
                    }
                }
                int status;
                byte[] body;
                if (throttle) {
                    status = 200;
                    body = AvMessages.throttled(75).getBytes(StandardCharsets.UTF_8);
                } else {
                    try {
                        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(
                                exchange.getRequestURI().toString())).timeout(Duration.ofSeconds(5)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        status = r.statusCode();
                        body = r.body();
                    } catch (IOException | InterruptedException e) {
                        status = 502;
                        body = new byte[0];
                    }
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            });
            server.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/query";
        }

        synchronized int requests() {
            return requests;
        }

        synchronized int throttled() {
            return throttled;
        }

        @Override
        public void close() {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }
}
