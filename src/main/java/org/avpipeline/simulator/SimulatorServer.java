package org.avpipeline.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.concurrent.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator over HTTP: how the data is served. {@code GET /query?function=F&symbol=S&apikey=K[&outputsize=full]}
 * on 127.0.0.1, answering like Alpha Vantage (HTTP 200 and a JSON body, also for most errors), with a per-key rate
 * limit, optional latency and the faults of a {@link FaultPlan}. Any non-empty key is accepted. A request may add
 * {@code asof=YYYY-MM-DD} (not after the market's as-of date) to be answered as on that day, and
 * {@code function=EARNINGS_CALENDAR&horizon=3month} answers the calendar as CSV ({@link MarketTimeline}).
 *
 * <pre>{@code
 * try (SimulatorServer server = SimulatorServer.start(SimulatorConfig.defaults().withAsOf(date))) {
 *     String baseUrl = server.baseUrl(); // http://127.0.0.1:P/query
 * }
 * }</pre>
 */
public final class SimulatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    private static final byte[] NOT_JSON = ("<!DOCTYPE html>\n<html><head><title>Alpha Vantage</title></head>"
            + "<body><h1>Temporarily unavailable</h1><p>Please try again shortly.</p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] SERVICE_UNAVAILABLE = ("<html><head><title>503 Service Temporarily Unavailable"
            + "</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final SimulatedMarket market;
    private final MarketTimeline timeline;
    private final SimulatorConfig config;
    private final HttpServer http;
    private final ExecutorService executor;
    private final SlidingWindowLimiter limiter;
    private final SplittableRandom faultRandom;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, LongAdder> byFunction = new ConcurrentHashMap<>();
    private final Map<Outcome, LongAdder> byOutcome = new ConcurrentHashMap<>();

    private SimulatorServer(MarketTimeline timeline, SimulatorConfig config) throws IOException {
        this.market = timeline.market();
        this.timeline = timeline;
        this.config = config;
        this.limiter = new SlidingWindowLimiter(config.rateLimitPerMinute(), System::nanoTime);
        this.faultRandom = Seeds.stream(config.seed(), "faults", config.faults().toSpec());
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 256);
        this.executor = Executors.newCachedThreadPool(DaemonThreads.named("av-simulator"));
        http.setExecutor(executor);
        http.createContext("/query", this::handle);
        http.start();
        LOG.info("Alpha Vantage simulator listening on {} ({} tickers of {}, as of {})", baseUrl(),
                market.tickers().size(), market.etfSymbol(), market.asOf());
    }

    /** Starts a server for the market the configuration describes. */
    public static SimulatorServer start(SimulatorConfig config) throws IOException {
        return new SimulatorServer(MarketTimeline.of(SimulatedMarket.of(config)), config);
    }

    /**
     * Starts a server that travels through a timeline: a request may add {@code asof=YYYY-MM-DD} (not after the
     * market's as-of date) to be answered as on that day, and EARNINGS_CALENDAR comes from the timeline.
     */
    public static SimulatorServer start(MarketTimeline timeline, SimulatorConfig config) throws IOException {
        return new SimulatorServer(timeline, config);
    }

    /** Starts a server for a given market; the configuration's market fields are not used. */
    public static SimulatorServer start(SimulatedMarket market, SimulatorConfig config) throws IOException {
        return new SimulatorServer(MarketTimeline.of(market), config);
    }

    /** {@code http://127.0.0.1:P/query}: the base URL a client uses instead of Alpha Vantage's. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/query";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public SimulatedMarket market() {
        return market;
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimulatorStats stats() {
        Map<String, Long> functions = new HashMap<>();
        byFunction.forEach((k, v) -> functions.put(k, v.sum()));
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        byOutcome.forEach((k, v) -> outcomes.put(k, v.sum()));
        return new SimulatorStats(requests.get(), functions, outcomes);
    }

    /** Stops serving at once (slow answers in progress are abandoned) and releases the port and threads. */
    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "Method Not Allowed".getBytes(StandardCharsets.UTF_8));
                return;
            }
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            String function = q.getOrDefault("function", "");
            requests.incrementAndGet();
            byFunction.computeIfAbsent(function.isEmpty() ? "(none)" : function, k -> new LongAdder()).increment();
            sleep(config.latency());
            Reply reply = reply(function, q, "full".equalsIgnoreCase(q.get("outputsize")));
            byOutcome.computeIfAbsent(reply.outcome(), k -> new LongAdder()).increment();
            if (reply.outcome() == Outcome.SLOW) {
                sleep(config.faults().slowDelay());
            }
            send(exchange, reply.status(), reply.contentType(), reply.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("simulator failed to answer", e);
            send(exchange, 500, "text/plain", "Internal Server Error".getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Reply(Outcome outcome, int status, String contentType, byte[] body) {
        static Reply json(Outcome outcome, String body) {
            return new Reply(outcome, 200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        static Reply json(Outcome outcome, byte[] body) {
            return new Reply(outcome, 200, "application/json", body);
        }
    }

    private Reply reply(String functionName, Map<String, String> q, boolean full) {
        String symbol = q.get("symbol");
        String apiKey = q.get("apikey");
        FaultPlan faults = config.faults();
        if (apiKey == null || apiKey.isBlank() || faults.badKey()) {
            return Reply.json(Outcome.BAD_KEY, AvMessages.badKey());
        }
        if (!limiter.tryAcquire(apiKey)) {
            return Reply.json(Outcome.THROTTLED, AvMessages.throttled(config.rateLimitPerMinute()));
        }
        AvFunction function = functionNamed(functionName);
        if (function == null) {
            return Reply.json(Outcome.UNKNOWN_FUNCTION, AvMessages.unknownFunction(functionName));
        }
        FaultPlan.Fault fault = FaultPlan.Fault.NONE;
        boolean htmlBody = false;
        if (faults.hasRandomFaults()) {
            synchronized (faultRandom) {
                fault = faults.draw(faultRandom.nextDouble());
                htmlBody = faultRandom.nextBoolean();
            }
        }
        if (fault == FaultPlan.Fault.SERVER_ERROR) {
            return new Reply(Outcome.SERVER_ERROR, 503, "text/html", SERVICE_UNAVAILABLE);
        }
        if (fault == FaultPlan.Fault.MALFORMED) {
            return htmlBody ? new Reply(Outcome.MALFORMED, 200, "text/html", NOT_JSON)
                    : Reply.json(Outcome.MALFORMED, "{\n    \"symbol\": \"" + safe(symbol) + "\"\n}");
        }
        if (faults.premium() && function == AvFunction.TIME_SERIES_DAILY_ADJUSTED) {
            return Reply.json(Outcome.PREMIUM, AvMessages.premium());
        }
        return answer(function, q, full, fault);
    }

    /** The answer as of the requested day ({@code asof}, at most the market's), cut or slow as the fault says. */
    private Reply answer(AvFunction function, Map<String, String> q, boolean full, FaultPlan.Fault fault) {
        java.time.LocalDate view = view(q);
        if (view == null) {
            return Reply.json(Outcome.INVALID_CALL, AvMessages.invalidCall(function.name()));
        }
        if (function == AvFunction.EARNINGS_CALENDAR) {
            try {
                byte[] csv = timeline.earningsCalendar(view, q.get("horizon"));
                return fault == FaultPlan.Fault.TRUNCATED
                        ? new Reply(Outcome.TRUNCATED, 200, "text/csv", Arrays.copyOf(csv, csv.length / 2))
                        : new Reply(fault == FaultPlan.Fault.SLOW ? Outcome.SLOW : Outcome.DATA, 200, "text/csv", csv);
            } catch (IllegalArgumentException e) {
                return Reply.json(Outcome.INVALID_CALL, AvMessages.invalidCall(function.name()));
            }
        }
        String symbol = q.get("symbol");
        if (symbol == null || symbol.isBlank()) {
            return Reply.json(Outcome.INVALID_CALL, AvMessages.invalidCall(function.name()));
        }
        boolean known = function == AvFunction.ETF_PROFILE ? symbol.trim().equalsIgnoreCase(market.etfSymbol())
                : market.knows(symbol);
        byte[] body = timeline.answer(function, symbol, full, view);
        if (fault == FaultPlan.Fault.TRUNCATED) {
            return Reply.json(Outcome.TRUNCATED, Arrays.copyOf(body, body.length / 2));
        }
        Outcome outcome = fault == FaultPlan.Fault.SLOW ? Outcome.SLOW : known ? Outcome.DATA : Outcome.UNKNOWN_SYMBOL;
        return Reply.json(outcome, body);
    }

    /** The day the answer is as of: {@code asof} or the market's; null when unparsable or after the market's. */
    private java.time.LocalDate view(Map<String, String> q) {
        try {
            java.time.LocalDate view = q.containsKey("asof") ? java.time.LocalDate.parse(q.get("asof")) : market.asOf();
            return view.isAfter(market.asOf()) ? null : view;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static AvFunction functionNamed(String name) {
        try {
            return AvFunction.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String safe(String symbol) {
        return symbol == null ? "" : symbol.replaceAll("[^A-Za-z0-9.\\-]", "");
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) {
        try {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = "HEAD".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
            if (!head && body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not answer: {}", e.toString());
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (!d.isZero()) {
            Thread.sleep(d.toMillis());
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }
}
