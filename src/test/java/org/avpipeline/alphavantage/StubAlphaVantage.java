package org.avpipeline.alphavantage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A tiny Alpha Vantage stand-in for tests, on 127.0.0.1 and a free port: scripted replies per (function, symbol),
 * then a fallback. Records every query it received.
 */
public final class StubAlphaVantage implements AutoCloseable {

    /** One reply: a status, a body, headers; {@code resetConnection} breaks it off mid-answer; {@code stallMillis} waits first. */
    public record Reply(int status, String body, Map<String, String> headers, boolean resetConnection,
            long stallMillis) {
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of(), false, 0);
        }

        public static Reply status(int status) {
            return new Reply(status, "<html>error " + status + "</html>", Map.of(), false, 0);
        }

        /** Starts a 200 answer of {@code body}, announces more bytes than it sends, and closes the connection. */
        public static Reply brokenMidAnswer(String body) {
            return new Reply(200, body, Map.of(), true, 0);
        }

        public Reply header(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, resetConnection, stallMillis);
        }

        public Reply stall(long millis) {
            return new Reply(status, body, headers, resetConnection, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
    private final BiFunction<AvFunction, String, Reply> fallback;
    private final List<Map<String, String>> queries = Collections.synchronizedList(new ArrayList<>());

    private StubAlphaVantage(BiFunction<AvFunction, String, Reply> fallback) throws IOException {
        this.fallback = fallback;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/query", this::handle);
        server.start();
    }

    /** A stub that answers every unscripted request with {@code fallback}. */
    public static StubAlphaVantage start(BiFunction<AvFunction, String, Reply> fallback) throws IOException {
        return new StubAlphaVantage(fallback);
    }

    /** A stub that answers every unscripted request with valid data ({@link Bodies#of}). */
    public static StubAlphaVantage withData() throws IOException {
        return new StubAlphaVantage((f, s) -> Reply.ok(Bodies.of(f, s)));
    }

    /** The next replies for this function and symbol, in order, before the fallback. */
    public void script(AvFunction function, String symbol, Reply... replies) {
        scripted.computeIfAbsent(function.name() + ":" + symbol, k -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/query");
    }

    /** Every query received, as parameter maps. */
    public List<Map<String, String>> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    public long count(AvFunction function, String symbol) {
        return queries().stream()
                .filter(q -> function.name().equals(q.get("function")) && symbol.equals(q.get("symbol"))).count();
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
        queries.add(q);
        Reply reply;
        AvFunction f;
        try {
            f = AvFunction.valueOf(q.getOrDefault("function", ""));
        } catch (IllegalArgumentException e) {
            f = null;
        }
        Deque<Reply> queue = scripted.get(q.get("function") + ":" + q.get("symbol"));
        synchronized (this) {
            reply = queue != null && !queue.isEmpty() ? queue.poll() : null;
        }
        if (reply == null) {
            reply = f == null ? Reply.ok("{\"Error Message\": \"Invalid API call.\"}") : fallback.apply(f, q.get("symbol"));
        }
        try {
            if (reply.stallMillis() > 0) {
                Thread.sleep(reply.stallMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.resetConnection()) {
            ex.sendResponseHeaders(reply.status(), body.length + 10_000L);
            OutputStream out = ex.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            ex.close();
            return;
        }
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> m = new HashMap<>();
        if (rawQuery == null) {
            return m;
        }
        for (String pair : rawQuery.split("&")) {
            int i = pair.indexOf('=');
            String k = i < 0 ? pair : pair.substring(0, i);
            String v = i < 0 ? "" : pair.substring(i + 1);
            m.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
