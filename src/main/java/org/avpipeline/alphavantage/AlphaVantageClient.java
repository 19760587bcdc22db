package org.avpipeline.alphavantage;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
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
 * leaves this class and its {@code RequestUrls}: URLs and messages are redacted.
 */
public final class AlphaVantageClient {
    private static final Logger LOG = LoggerFactory.getLogger(AlphaVantageClient.class);

    public static final URI DEFAULT_BASE_URL = Settings.DEFAULT_AV_URL;

    private final ApiKeyRedactor redactor;
    private final RequestUrls urls;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final TokenBucket bucket;
    private final AdaptiveRate adaptiveRate;
    private final int maxAttempts;
    private final Duration maxDelay;
    private final RetryDelays delays;
    private final Sleeper sleeper;

    /**
     * The first wait before another attempt to connect while Alpha Vantage has not answered yet (doubled per
     * attempt: with three attempts a request that cannot connect ends 1.5 s after it began).
     */
    public static final Duration UNREACHED_BACKOFF = Duration.ofMillis(500);

    /** Whether any request got an HTTP answer: until then a failure to connect is retried soon. */
    private volatile boolean reached;
    private final ClientCounters counters = new ClientCounters();

    private AlphaVantageClient(Builder b) {
        this.redactor = new ApiKeyRedactor(b.apiKey);
        this.urls = new RequestUrls(b.baseUrl, b.apiKey);
        this.requestTimeout = b.requestTimeout;
        this.http = b.httpClient != null ? b.httpClient
                : HttpClient.newBuilder().connectTimeout(b.connectTimeout)
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.bucket = b.bucket != null ? b.bucket
                : new TokenBucket(b.rateLimitPerMinute, 1, System::nanoTime, b.sleeper);
        this.adaptiveRate = new AdaptiveRate(b.bucket != null ? this.bucket.ratePerMinute() : b.rateLimitPerMinute,
                this.bucket, b.rateClock);
        this.maxAttempts = b.maxAttempts;
        this.maxDelay = b.maxDelay;
        this.delays = new RetryDelays(b.backoffBase, b.maxDelay, b.jitter);
        this.sleeper = b.sleeper;
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
        return fetch(function, symbol, urls.forSymbol(function, symbol));
    }

    /**
     * Fetches the market's EARNINGS_CALENDAR (CSV, every ticker) for a horizon ({@code 3month}, {@code 6month} or
     * {@code 12month}); the answer's symbol is {@code "MARKET"}. Retries and failures as {@link #fetch}.
     */
    public Answer fetchEarningsCalendar(String horizon) throws InterruptedException {
        Objects.requireNonNull(horizon, "horizon");
        return fetch(AvFunction.EARNINGS_CALENDAR, "MARKET", urls.earningsCalendar(horizon));
    }

    private Answer fetch(AvFunction function, String symbol, URI uri) throws InterruptedException {
        String shownRequest = redactor.redact(uri.toString());
        boolean permitUnused = false;
        for (int attempt = 1; ; attempt++) {
            if (!permitUnused) {
                bucket.acquire();
            }
            counters.request();
            long sequence = adaptiveRate.sending();
            RoundTrip ex = RoundTrip.send(http, uri, requestTimeout, maxDelay);
            if (ex.failure() == null) {
                reached = true;
            }
            AnswerClassification c = ex.classification(function, uri);
            adapt(c, ex, attempt, sequence);
            if (c.kind() == AnswerKind.DATA) {
                try {
                    AnswerParsers.check(function, symbol, ex.body());
                    return new Answer(function, symbol, AnswerKind.DATA, ex.body(), "", attempt, shownRequest);
                } catch (MalformedAnswerException e) {
                    c = new AnswerClassification(AnswerKind.MALFORMED, e.getMessage());
                }
            }
            String detail = redactor.redact(c.detail());
            if (c.kind() == AnswerKind.THROTTLED) {
                counters.throttled();
            }
            if (c.kind().fatal()) {
                counters.failure(c.kind());
                throw new FatalAnswerException(c.kind(), function, detail);
            }
            if (!c.kind().retryable() || attempt >= maxAttempts) {
                return failed(function, symbol, c.kind(), detail, attempt, shownRequest);
            }
            // Before Alpha Vantage ever answered, a failure to connect is retried soon, without a new permit (the
            // request never reached it): a host that cannot be reached is told within seconds, not minutes.
            permitUnused = !reached && ex.failure() != null && ConnectionFailure.cannotConnect(detail);
            Duration delay = permitUnused ? delays.unreached(attempt)
                    : ex.retryAfter().isPresent() ? ex.retryAfter().get() : delays.backoff(attempt);
            if (c.kind() == AnswerKind.THROTTLED || ex.status() == 429) {
                bucket.pauseFor(delay);
            }
            counters.retry();
            LOG.warn("{}: {} ({}), attempt {}/{}; retrying in {} ms", function.request(symbol),
                    c.kind().describe(), detail, attempt, maxAttempts, delay.toMillis());
            sleeper.sleep(delay);
        }
    }

    /** Tells the adaptive rate of a throttled answer after a backoff, or of an accepted request. */
    private void adapt(AnswerClassification c, RoundTrip ex, int attempt, long sequence) {
        if (c.kind() == AnswerKind.THROTTLED && attempt > 1) {
            adaptiveRate.throttledAfterBackoff(sequence);
        } else if (c.kind() != AnswerKind.THROTTLED && ex.failure() == null && ex.status() < 500) {
            adaptiveRate.accepted();
        }
    }

    /** The final failure of a request, counted and logged (an unknown symbol as Alpha Vantage's answer). */
    private Answer failed(AvFunction function, String symbol, AnswerKind kind, String detail, int attempt,
            String shownRequest) {
        counters.failure(kind);
        if (kind == AnswerKind.UNKNOWN_SYMBOL) {
            LOG.info("{}: {} (Alpha Vantage's answer): {}", function.request(symbol), kind.describe(), detail);
        } else {
            LOG.warn("{}: {} after {} attempt(s): {}", function.request(symbol), kind.describe(), attempt, detail);
        }
        return new Answer(function, symbol, kind, null, detail, attempt, shownRequest);
    }

    /** The counters so far (cumulative over the client's life). */
    public ClientStats stats() {
        return counters.stats();
    }

    /** The request for a function and symbol, with the key redacted, as it is shown and stored. */
    public String describeRequest(AvFunction function, String symbol) {
        return redactor.redact(urls.forSymbol(function, symbol).toString());
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
            this.apiKey = ClientSettingChecks.apiKey(apiKey);
        }

        /** Default {@code https://www.alphavantage.co/query}. */
        public Builder baseUrl(URI url) {
            this.baseUrl = Objects.requireNonNull(url);
            return this;
        }

        /** Requests per minute (a bucket of capacity 1 is made from it). Default 75. */
        public Builder rateLimitPerMinute(int perMinute) {
            this.rateLimitPerMinute = ClientSettingChecks.ratePerMinute(perMinute);
            return this;
        }

        /** A bucket of one's own (shared with other clients, or on a fake clock); overrides the rate limit. */
        public Builder tokenBucket(TokenBucket bucket) {
            this.bucket = bucket;
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = ClientSettingChecks.positive(d, "connect timeout");
            return this;
        }

        /** The longest wait for one complete answer. Default 60 s. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = ClientSettingChecks.positive(d, "request timeout");
            return this;
        }

        /** Attempts per request, first one included. Default 3. */
        public Builder maxAttempts(int n) {
            this.maxAttempts = ClientSettingChecks.attempts(n);
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
    }
}
