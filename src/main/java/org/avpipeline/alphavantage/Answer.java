package org.avpipeline.alphavantage;

import java.util.Objects;

/**
 * The outcome of one logical request (after retries): the body as received when it is data (empty otherwise: a
 * non-data body may repeat the key), its kind, a redacted detail, how many attempts it took and the request URL with
 * the key redacted.
 */
public record Answer(AvFunction function, String symbol, AnswerKind kind, byte[] body, String detail, int attempts,
        String request) {
    public Answer {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(kind, "kind");
        body = body == null ? new byte[0] : body;
        detail = detail == null ? "" : detail;
    }

    public boolean isData() {
        return kind == AnswerKind.DATA;
    }
}
