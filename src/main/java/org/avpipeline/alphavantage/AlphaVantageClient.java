package org.avpipeline.alphavantage;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.avpipeline.Version;
import org.avpipeline.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to Alpha Vantage: builds the request, paces it with a shared {@link TokenBucket}, classifies the answer
 * ({@link AnswerClassifier}) and retries the retryable kinds (up to {@code maxAttempts} attempts, exponential backoff
 * with jitter, {@code Retry-After} honoured; a throttled answer also pauses the bucket; a failure to connect before
 * any answer came is retried after {@link #UNREACHED_BACKOFF}, doubled, without a new permit). Data answers are checked
 * with {@link AnswerParsers#check} so that only readable answers count as data. Safe for use by many threads.
 *
 * <p>{@link #fetch} returns an {@link Answer} for data and for per-request failures, and throws
 * {@link FatalAnswerException} for the answers that end the run (premium required, bad key). The API key never
 * leaves this class: URLs and messages are redacted.
 */
public final class AlphaVantageClient {
    private static final Logger LOG = LoggerFactory.getLogger(AlphaVantageClient.class);

    public static final URI DEFAULT_BASE_URL = Settings.DEFAULT_AV_URL;

    private final String apiKey;
    private final ApiKeyRedactor redactor;
    private final URI baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final TokenBucket bucket;
    private final AdaptiveRate adaptiveRate;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration maxDelay;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;

    /**
     * The first wait before another attempt to connect while Alpha Vantage has not answered yet (doubled per
     * attempt: with three attempts a request that cannot connect ends 1.5 s after it began).
     */
    public static final Duration UNREACHED_BACKOFF = Duration.ofMillis(500);

    /** Whether any request got an HTTP answer: until then a failure to connect is retried soon. */
    private volatile boolean reached;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final Map<AnswerKind, AtomicLong> failures = new EnumMap<>(AnswerKind.class);

    private AlphaVantageClient(Builder b) {
        this.apiKey = b.apiKey;
        this.redactor = new ApiKeyRedactor(b.apiKey);
        this.baseUrl = b.baseUrl;
        this.requestTimeout = b.requestTimeout;
        this.http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.bucket = b.bucket != null ? b.bucket
                : new TokenBucket(b.rateLimitPerMinute, 1, System::nanoTime, b.sleeper);
        this.adaptiveRate = new AdaptiveRate(b.bucket != null ? this.bucket.ratePerMinute() : b.rateLimitPerMinute,
                this.bucket, b.rateClock);
        this.maxAttempts = b.maxAttempts;
        this.backoffBase = b.backoffBase;
        this.maxDelay = b.maxDelay;
        this.sleeper = b.sleeper;
        this.jitter = b.jitter;
        for (AnswerKind k : AnswerKind.values()) {
            failures.put(k, new AtomicLong());
        }
    }

    /** A builder for a client with this key (required, not blank). */
    public static Builder builder(String apiKey) {
        return new Builder(apiKey);
    }

    /**
     * Fetches one function for one symbol, retrying what is retryable.
     *
     * @return the answer: {@link AnswerKind#DATA} with the body, or the final failure kind with a redacted detail
     * @throws FatalAnswerException when the key was rejected or the function needs a premium key
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    public Answer fetch(AvFunction function, String symbol) throws InterruptedException {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(symbol, "symbol");
        return fetch(function, symbol, requestUri(function, symbol));
    }

    /**
     * Fetches the market's EARNINGS_CALENDAR (CSV, every ticker) for a horizon ({@code 3month}, {@code 6month} or
     * {@code 12month}); the answer's symbol is {@code "MARKET"}. Retries and failures as {@link #fetch}.
     */
    public Answer fetchEarningsCalendar(String horizon) throws InterruptedException {
        Objects.requireNonNull(horizon, "horizon");
        String base = baseUrl.toString();
        String q = base + (base.contains("?") ? '&' : '?') + "function=" + AvFunction.EARNINGS_CALENDAR.name()
                + "&horizon=" + URLEncoder.encode(horizon, StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
        return fetch(AvFunction.EARNINGS_CALENDAR, "MARKET", URI.create(q));
    }

    private Answer fetch(AvFunction function, String symbol, URI uri) throws InterruptedException {
        String shownRequest = redactor.redact(uri.toString());
        boolean permitUnused = false;
        for (int attempt = 1; ; attempt++) {
            if (!permitUnused) {
                bucket.acquire();
            }
            requests.incrementAndGet();
            long sequence = adaptiveRate.sending();
            Exchange ex = exchange(uri);
            if (ex.failure == null) {
                reached = true;
            }
            AnswerClassification c = ex.classification(function, uri);
            if (c.kind() == AnswerKind.THROTTLED && attempt > 1) {
                adaptiveRate.throttledAfterBackoff(sequence);
            } else if (c.kind() != AnswerKind.THROTTLED && ex.failure == null && ex.status < 500) {
                adaptiveRate.accepted();
            }
            if (c.kind() == AnswerKind.DATA) {
                try {
                    AnswerParsers.check(function, symbol, ex.body);
                    return new Answer(function, symbol, AnswerKind.DATA, ex.body, "", attempt, shownRequest);
                } catch (MalformedAnswerException e) {
                    c = new AnswerClassification(AnswerKind.MALFORMED, e.getMessage());
                }
            }
            String detail = redactor.redact(c.detail());
            if (c.kind() == AnswerKind.THROTTLED) {
                throttled.incrementAndGet();
            }
            if (c.kind().fatal()) {
                failures.get(c.kind()).incrementAndGet();
                throw new FatalAnswerException(c.kind(), function, detail);
            }
            if (!c.kind().retryable() || attempt >= maxAttempts) {
                failures.get(c.kind()).incrementAndGet();
                if (c.kind() == AnswerKind.UNKNOWN_SYMBOL) {
                    LOG.info("{}: {} (Alpha Vantage's answer): {}", function.request(symbol), c.kind().describe(),
                            detail);
                } else {
                    LOG.warn("{}: {} after {} attempt(s): {}", function.request(symbol), c.kind().describe(), attempt,
                            detail);
                }
                return new Answer(function, symbol, c.kind(), null, detail, attempt, shownRequest);
            }
            // Before Alpha Vantage ever answered, a failure to connect is retried soon, without a new permit (the
            // request never reached it): a host that cannot be reached is told within seconds, not minutes.
            permitUnused = !reached && ex.failure != null && ConnectionFailure.cannotConnect(detail);
            Duration delay = permitUnused ? unreachedBackoff(attempt)
                    : ex.retryAfter.isPresent() ? ex.retryAfter.get() : backoff(attempt);
            if (c.kind() == AnswerKind.THROTTLED || ex.status == 429) {
                bucket.pauseFor(delay);
            }
            retries.incrementAndGet();
            LOG.warn("{}: {} ({}), attempt {}/{}; retrying in {} ms", function.request(symbol),
                    c.kind().describe(), detail, attempt, maxAttempts, delay.toMillis());
            sleeper.sleep(delay);
        }
    }

    /** The counters so far (cumulative over the client's life). */
    public ClientStats stats() {
        Map<AnswerKind, Long> f = new EnumMap<>(AnswerKind.class);
        failures.forEach((k, v) -> {
            if (v.get() != 0) {
                f.put(k, v.get());
            }
        });
        return new ClientStats(requests.get(), retries.get(), throttled.get(), f);
    }

    /** The request for a function and symbol, with the key redacted, as it is shown and stored. */
    public String describeRequest(AvFunction function, String symbol) {
        return redactor.redact(requestUri(function, symbol).toString());
    }

    /** Removes this client's key from a text. */
    public ApiKeyRedactor redactor() {
        return redactor;
    }

    /** The rate as adapted to throttling so far ({@link AdaptiveRate}). */
    public AdaptiveRate adaptiveRate() {
        return adaptiveRate;
    }

    public TokenBucket bucket() {
        return bucket;
    }

    private URI requestUri(AvFunction function, String symbol) {
        String base = baseUrl.toString();
        StringBuilder q = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        q.append("function=").append(function.name());
        q.append("&symbol=").append(URLEncoder.encode(symbol, StandardCharsets.UTF_8));
        if (function.fullOutput()) {
            q.append("&outputsize=full");
        }
        q.append("&apikey=").append(URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        return URI.create(q.toString());
    }

    /** {@link #UNREACHED_BACKOFF} × 2^(n-1), capped: the waits between attempts to connect before any answer. */
    private Duration unreachedBackoff(int n) {
        Duration d = UNREACHED_BACKOFF.multipliedBy(1L << Math.min(10, n - 1));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    /** Exponential backoff with jitter: base × 2^(n-1), scaled by a random factor in [0.5, 1.0], capped. */
    private Duration backoff(int n) {
        double factor = Math.pow(2, Math.max(0, n - 1)) * (0.5 + 0.5 * jitter.getAsDouble());
        long nanos = (long) Math.min(backoffBase.toNanos() * factor, (double) maxDelay.toNanos());
        return Duration.ofNanos(nanos);
    }

    private Exchange exchange(URI uri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("User-Agent", "avpipeline/" + Version.get())
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // The request timeout covers the wait for the headers; this bound also covers a stalled body.
            HttpResponse<byte[]> r = future.get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return new Exchange(r.statusCode(), r.body(), retryAfter(r), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Exchange(-1, null, Optional.empty(), new HttpTimeoutException("no complete answer within "
                    + requestTimeout.toSeconds() + " s"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new Exchange(-1, null, Optional.empty(), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    private Optional<Duration> retryAfter(HttpResponse<?> r) {
        Optional<String> header = r.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.get().trim();
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                d = Duration.between(Instant.now(), at);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        return Optional.of(d.compareTo(maxDelay) > 0 ? maxDelay : d);
    }

    /** One HTTP round trip: a status and body, or the failure to get them. */
    private static final class Exchange {
        final int status;
        final byte[] body;
        final Optional<Duration> retryAfter;
        final Throwable failure;

        Exchange(int status, byte[] body, Optional<Duration> retryAfter, Throwable failure) {
            this.status = status;
            this.body = body;
            this.retryAfter = retryAfter;
            this.failure = failure;
        }

        AnswerClassification classification(AvFunction function, URI uri) {
            if (failure != null) {
                return ConnectionFailure.classify(failure, uri);
            }
            return AnswerClassifier.classify(function, status, body);
        }
    }

    /** Settings of a client; every one has a sensible default except the key. */
    public static final class Builder {
        private final String apiKey;
        private URI baseUrl = DEFAULT_BASE_URL;
        private int rateLimitPerMinute = 75;
        private TokenBucket bucket;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private int maxAttempts = 3;
        private Duration backoffBase = Duration.ofSeconds(5);
        private Duration maxDelay = Duration.ofMinutes(2);
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private HttpClient httpClient;
        private LongSupplier rateClock = System::nanoTime;

        private Builder(String apiKey) {
            if (apiKey == null || apiKey.isBlank()) {
                throw new IllegalArgumentException("an Alpha Vantage API key is required (ALPHA_VANTAGE_API_KEY)");
            }
            this.apiKey = apiKey;
        }

        /** Default {@code https://www.alphavantage.co/query}. */
        public Builder baseUrl(URI url) {
            this.baseUrl = Objects.requireNonNull(url);
            return this;
        }

        /** Requests per minute (a bucket of capacity 1 is made from it). Default 75. */
        public Builder rateLimitPerMinute(int perMinute) {
            if (perMinute <= 0) {
                throw new IllegalArgumentException("rate limit must be > 0 per minute: " + perMinute);
            }
            this.rateLimitPerMinute = perMinute;
            return this;
        }

        /** A bucket of one's own (shared with other clients, or on a fake clock); overrides the rate limit. */
        public Builder tokenBucket(TokenBucket bucket) {
            this.bucket = bucket;
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connect timeout");
            return this;
        }

        /** The longest wait for one complete answer. Default 60 s. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = positive(d, "request timeout");
            return this;
        }

        /** Attempts per request, first one included. Default 3. */
        public Builder maxAttempts(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("max attempts must be >= 1: " + n);
            }
            this.maxAttempts = n;
            return this;
        }

        /** The first backoff (doubled per retry, with jitter). Default 5 s. */
        public Builder backoffBase(Duration d) {
            this.backoffBase = Objects.requireNonNull(d);
            return this;
        }

        /** The longest single wait, also the cap on {@code Retry-After}. Default 2 min. */
        public Builder maxDelay(Duration d) {
            this.maxDelay = Objects.requireNonNull(d);
            return this;
        }

        public Builder sleeper(Sleeper s) {
            this.sleeper = Objects.requireNonNull(s);
            return this;
        }

        /** The source of jitter in [0, 1). */
        public Builder jitter(DoubleSupplier j) {
            this.jitter = Objects.requireNonNull(j);
            return this;
        }

        /** An HTTP client of one's own (its connect timeout is then its own). */
        public Builder httpClient(HttpClient c) {
            this.httpClient = c;
            return this;
        }

        /**
         * The nanosecond clock of the {@link AdaptiveRate} (its measured rate and the spacing of its cuts); default
         * {@link System#nanoTime}. Tests fix it so that what they assert does not depend on the machine's speed.
         */
        public Builder rateClock(LongSupplier nanoClock) {
            this.rateClock = Objects.requireNonNull(nanoClock);
            return this;
        }

        public AlphaVantageClient build() {
            return new AlphaVantageClient(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be > 0: " + d);
            }
            return d;
        }
    }
}
