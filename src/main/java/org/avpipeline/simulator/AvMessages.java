package org.avpipeline.simulator;

/**
 * The non-data answers, in Alpha Vantage's wording and layout (HTTP 200, one key, two-space indent as in the real
 * throttling answer), as bodies.
 */
public final class AvMessages {
    private AvMessages() {}

    /** An answer with nothing in it: what the real API sends for fundamentals of an unknown symbol. */
    public static final String EMPTY = "{}";

    /** The per-minute limit of a key was exceeded (retryable). */
    public static String throttled(int requestsPerMinute) {
        return message("Information", "Thank you for using Alpha Vantage! Please contact premium@alphavantage.co if you"
                + " are targeting a higher API call volume. Our standard API rate limit is " + requestsPerMinute
                + " requests per minute.");
    }

    /** The key's plan lacks a premium function such as TIME_SERIES_DAILY_ADJUSTED (not retryable). */
    public static String premium() {
        return message("Information", "Thank you for using Alpha Vantage! This is a premium endpoint. You may"
                + " subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock"
                + " all premium endpoints");
    }

    /** A missing or invalid key (not retryable). */
    public static String badKey() {
        return message("Error Message", "the parameter apikey is invalid or missing. Please claim your free API key"
                + " on (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds.");
    }

    /** A call the API cannot answer, e.g. an unknown symbol for a time series (not retryable for this ticker). */
    public static String invalidCall(String function) {
        return message("Error Message", "Invalid API call. Please retry or visit the documentation"
                + " (https://www.alphavantage.co/documentation/) for " + function + ".");
    }

    /** A function name the API does not have. */
    public static String unknownFunction(String function) {
        return message("Error Message", "This API function (" + function + ") does not exist.");
    }

    private static String message(String key, String text) {
        return new JsonOut(256, "  ").beginObject().field(key, text).endObject().toString();
    }
}
