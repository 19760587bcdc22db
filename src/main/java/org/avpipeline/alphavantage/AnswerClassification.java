package org.avpipeline.alphavantage;

import java.util.Objects;

/** The kind of an answer and a short human-readable detail (the message Alpha Vantage sent, the HTTP status, …). */
public record AnswerClassification(AnswerKind kind, String detail) {
    public AnswerClassification {
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    public static AnswerClassification data() {
        return new AnswerClassification(AnswerKind.DATA, "");
    }
}
