package org.avpipeline.fetch;

import java.util.Objects;
import java.util.Optional;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.ConnectionFailure;

/**
 * The early stop of a fetch that cannot reach Alpha Vantage. Before any request got an answer from Alpha Vantage:
 * the first request that could not connect at all (a refused connection, an unresolvable host, a TLS failure; the
 * client tried it three times within 1.5 s, {@link AlphaVantageClient#UNREACHED_BACKOFF}) stops the fetch; other
 * failures (an HTTP status) stop it when the first {@link #EVIDENCE} requests, each after the client's retries, all
 * failed the same way. The rest would fail the same way: the fetch stops with one message instead of retrying each
 * request. Any answer from the API (data, or a message such as "unknown symbol" or a throttle) proves it reachable,
 * and so do failures that differ: then the run never stops early. Thread-safe.
 */
public final class Reachability {
    /** How many requests must have failed the same way (with an HTTP status) before the fetch stops. */
    public static final int EVIDENCE = 3;

    private boolean reached;
    private String firstFailure;
    private int sameFailures;
    private final int evidence;

    public Reachability() {
        this(EVIDENCE);
    }

    Reachability(int evidence) {
        this.evidence = evidence;
    }

    /** An answer came from the API (data or a message): it is reachable. */
    public synchronized void answered() {
        reached = true;
    }

    /**
     * A request failed for good with {@code kind} and {@code detail}. Returns the message to stop with when it could
     * not connect, or when this is the {@link #EVIDENCE}th failure in a row, all alike, before any answer came.
     */
    public synchronized Optional<String> failed(AnswerKind kind, String detail) {
        if (kind != AnswerKind.TRANSIENT && kind != AnswerKind.PERMANENT) {
            reached = true;
            return Optional.empty();
        }
        if (reached) {
            return Optional.empty();
        }
        String way = kind + ": " + detail;
        if (firstFailure == null) {
            firstFailure = way;
        }
        if (!Objects.equals(firstFailure, way)) {
            reached = true; // failures that differ are no proof that nothing can work
            return Optional.empty();
        }
        sameFailures++;
        boolean cannotConnect = ConnectionFailure.cannotConnect(detail);
        if (!cannotConnect && sameFailures < evidence) {
            return Optional.empty();
        }
        return Optional.of("Alpha Vantage is unreachable: " + (sameFailures == 1 ? "the first request" : "the first "
                + sameFailures + " requests all") + " failed the same way after " + (sameFailures == 1 ? "its"
                : "their") + " retries (" + kind.describe() + ": " + detail
                + "); the fetch stopped without trying the others. Check --av-url / AV_BASE_URL and the network.");
    }
}
