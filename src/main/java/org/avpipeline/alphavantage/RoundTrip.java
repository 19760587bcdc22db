package org.avpipeline.alphavantage;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.avpipeline.Version;

/**
 * One HTTP round trip to Alpha Vantage: a status, body and {@code Retry-After} (capped), or the failure to get them.
 *
 * @param status the HTTP status; -1 on failure
 * @param body the body; null on failure
 * @param failure why no answer came; null when one did
 */
record RoundTrip(int status, byte[] body, Optional<Duration> retryAfter, Throwable failure) {

    /** Sends a GET and waits for the complete answer, at most the request timeout (and one second for the body). */
    static RoundTrip send(HttpClient http, URI uri, Duration requestTimeout, Duration maxDelay)
            throws InterruptedException {
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
            return new RoundTrip(r.statusCode(), r.body(), retryAfter(r, maxDelay), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new RoundTrip(-1, null, Optional.empty(), new HttpTimeoutException("no complete answer within "
                    + requestTimeout.toSeconds() + " s"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return new RoundTrip(-1, null, Optional.empty(), cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /** The answer's kind: the HTTP answer classified, or the failure to connect. */
    AnswerClassification classification(AvFunction function, URI uri) {
        if (failure != null) {
            return ConnectionFailure.classify(failure, uri);
        }
        return AnswerClassifier.classify(function, status, body);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, at least zero and at most {@code maxDelay}. */
    private static Optional<Duration> retryAfter(HttpResponse<?> r, Duration maxDelay) {
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
}
