package org.avpipeline.fetch;

/**
 * A ticker that lacks one data type after the fetch.
 *
 * @param ticker the ticker
 * @param reason a short code: an {@link org.avpipeline.alphavantage.AnswerKind} name, or {@code STORE_ERROR}
 * @param detail what happened, in words (redacted)
 */
public record TickerFailure(String ticker, String reason, String detail) {
    public static final String STORE_ERROR = "STORE_ERROR";
}
