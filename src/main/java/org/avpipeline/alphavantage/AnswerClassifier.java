package org.avpipeline.alphavantage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tells data from the answers that are not data (alpha-vantage.md, "Answers that are not data"), by HTTP status,
 * by top-level key and by the words of the message, because Alpha Vantage has changed both keys and wording over
 * the years. The body is streamed once to the end, so a truncated answer is recognised as malformed.
 */
public final class AnswerClassifier {
    private AnswerClassifier() {}

    private static final int MAX_DETAIL = 240;

    private static final Pattern PREMIUM_ENDPOINT = Pattern.compile(
            "is a premium (endpoint|function|feature)|requires? a premium|premium[- ]only"
            + "|premium (plan|key|subscription) (is )?required|only available (to|for|with) premium");
    private static final Pattern KEY_WORDS = Pattern.compile("api ?key|api_key");
    private static final Pattern KEY_REJECTED = Pattern.compile(
            "invalid|missing|not valid|incorrect|not recogni[sz]ed|revoked|disabled|expired");
    private static final Pattern THROTTLE_WORDS = Pattern.compile(
            "frequency|rate limit|calls per|requests per|per minute|per second|per day|too many|spread(ing)? out|burst|throttl");

    /** Classifies an HTTP answer of {@code function}. */
    public static AnswerClassification classify(AvFunction function, int httpStatus, byte[] body) {
        if (httpStatus == 429 || httpStatus == 408 || httpStatus >= 500) {
            return new AnswerClassification(AnswerKind.TRANSIENT, "HTTP " + httpStatus);
        }
        if (httpStatus < 200 || httpStatus >= 300) {
            return new AnswerClassification(AnswerKind.PERMANENT, "HTTP " + httpStatus);
        }
        return classifyBody(function, body);
    }

    /** Classifies the failure to get any answer (timeout, refused or reset connection, …): always transient. */
    public static AnswerClassification classifyFailure(Throwable failure) {
        String what = failure instanceof HttpTimeoutException ? "timeout" : failure.getClass().getSimpleName();
        String message = failure.getMessage();
        return new AnswerClassification(AnswerKind.TRANSIENT,
                message == null || message.isBlank() ? what : what + ": " + cut(message));
    }

    /** Classifies a body received with HTTP 2xx. */
    public static AnswerClassification classifyBody(AvFunction function, byte[] body) {
        if (body == null || body.length == 0) {
            return new AnswerClassification(AnswerKind.MALFORMED, "empty answer");
        }
        if (function.csv() && EarningsCalendarParser.looksLikeCsv(body)) {
            return AnswerClassification.data();
        }
        TopLevel top;
        try {
            top = TopLevel.read(function, body);
        } catch (JsonProcessingException e) {
            return new AnswerClassification(AnswerKind.MALFORMED, "not JSON or truncated: " + cut(e.getOriginalMessage()));
        } catch (IOException e) {
            return new AnswerClassification(AnswerKind.MALFORMED, "unreadable answer: " + cut(String.valueOf(e.getMessage())));
        }
        if (!top.isObject) {
            return new AnswerClassification(AnswerKind.MALFORMED, "not a JSON object");
        }
        if (top.dataKeyFound) {
            return top.dataKeyWellFormed ? AnswerClassification.data()
                    : new AnswerClassification(AnswerKind.MALFORMED, "'" + function.dataKey() + "' has the wrong shape");
        }
        if (top.keyCount == 0) {
            // OVERVIEW answers {} for every fund and ETF (it describes companies only): no profile, not a failure.
            return function == AvFunction.OVERVIEW ? AnswerClassification.data()
                    : new AnswerClassification(AnswerKind.UNKNOWN_SYMBOL, "empty answer {} (unknown symbol)");
        }
        if (top.messages.isEmpty()) {
            return new AnswerClassification(AnswerKind.MALFORMED, "no '" + function.dataKey() + "' in the answer");
        }
        return classifyMessages(function, top.messages);
    }

    private static AnswerClassification classifyMessages(AvFunction function, Map<String, String> messages) {
        String all = String.join(" ", messages.values());
        String words = all.toLowerCase(Locale.ROOT);
        String detail = cut(messages.entrySet().iterator().next().getKey() + ": " + all);
        if (PREMIUM_ENDPOINT.matcher(words).find()) {
            return new AnswerClassification(AnswerKind.PREMIUM_REQUIRED, detail);
        }
        if (KEY_WORDS.matcher(words).find() && KEY_REJECTED.matcher(words).find()) {
            return new AnswerClassification(AnswerKind.BAD_API_KEY, detail);
        }
        if (THROTTLE_WORDS.matcher(words).find()) {
            return new AnswerClassification(AnswerKind.THROTTLED, detail);
        }
        if (words.contains("premium")) {
            return new AnswerClassification(AnswerKind.PREMIUM_REQUIRED, detail);
        }
        if (KEY_WORDS.matcher(words).find()) {
            return new AnswerClassification(AnswerKind.BAD_API_KEY, detail);
        }
        if (messages.containsKey("error message")) {
            return new AnswerClassification(AnswerKind.UNKNOWN_SYMBOL, detail);
        }
        // A Note or Information we do not recognise: retried a bounded number of times.
        return new AnswerClassification(AnswerKind.MALFORMED, "unrecognised message " + detail);
    }

    private static String cut(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > MAX_DETAIL ? one.substring(0, MAX_DETAIL) + "…" : one;
    }

    /** The top-level keys of an answer, read to the end of the body. */
    private static final class TopLevel {
        boolean isObject;
        int keyCount;
        boolean dataKeyFound;
        boolean dataKeyWellFormed;
        final Map<String, String> messages = new LinkedHashMap<>();

        static TopLevel read(AvFunction function, byte[] body) throws IOException {
            TopLevel top = new TopLevel();
            try (JsonParser p = AnswerValues.parser(body)) {
                JsonToken first = p.nextToken();
                if (first == null) {
                    throw new IOException("no JSON value");
                }
                top.isObject = first == JsonToken.START_OBJECT;
                if (!top.isObject) {
                    p.skipChildren();
                } else {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        JsonToken value = p.nextToken();
                        top.keyCount++;
                        if (name.equals(function.dataKey())) {
                            top.dataKeyFound = true;
                            JsonToken expected = function == AvFunction.TIME_SERIES_DAILY_ADJUSTED
                                    ? JsonToken.START_OBJECT
                                    : function == AvFunction.OVERVIEW ? JsonToken.VALUE_STRING : JsonToken.START_ARRAY;
                            top.dataKeyWellFormed = value == expected;
                        }
                        String lower = name.toLowerCase(Locale.ROOT);
                        if ((lower.equals("note") || lower.equals("information") || lower.equals("error message"))
                                && value == JsonToken.VALUE_STRING) {
                            top.messages.put(lower, p.getText());
                        }
                        p.skipChildren();
                    }
                }
                if (p.nextToken() != null) {
                    throw new IOException("content after the JSON value");
                }
            }
            return top;
        }
    }
}
