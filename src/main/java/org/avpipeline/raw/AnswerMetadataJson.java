package org.avpipeline.raw;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The metadata record stored beside an answer ({@code .meta.json}), the same for every store:
 * <pre>{"fetchedAt":"2025-01-05T06:01:02.123Z","request":"function=EARNINGS&amp;symbol=AAPL","sha256":"9f86d0…",
 *  "firstFetchedAt":"2024-10-13T06:01:00.456Z"}</pre>
 * {@code fetchedAt} and {@code firstFetchedAt} are ISO-8601 in UTC (a record without {@code firstFetchedAt}, written
 * before vintages were kept, reads it as its {@code fetchedAt}), {@code request} the request without the API key, {@code sha256} the hex
 * SHA-256 of the uncompressed body. Read and written with jackson-core's streaming parser and generator: a build
 * reads one record per stored answer, and needs no object mapper for them.
 */
public final class AnswerMetadataJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String FETCHED_AT = "fetchedAt";
    private static final String REQUEST = "request";
    private static final String SHA256 = "sha256";
    private static final String FIRST_FETCHED_AT = "firstFetchedAt";
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
        100_000_000, 1_000_000_000};

    private AnswerMetadataJson() {}

    /** The record, pretty-printed (Jackson's default printer). */
    public static byte[] toJson(AnswerMetadata metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField(FETCHED_AT, metadata.fetchedAt().toString());
            g.writeStringField(REQUEST, metadata.request());
            g.writeStringField(SHA256, metadata.sha256());
            g.writeStringField(FIRST_FETCHED_AT, metadata.firstFetchedAt().toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing JSON into memory", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a metadata record; a malformed one is an {@link IOException} naming what is wrong. Other fields are
     * ignored; of a field given twice, the last counts.
     */
    public static AnswerMetadata fromJson(byte[] json) throws IOException {
        String fetchedAt = null;
        String request = null;
        String sha256 = null;
        String firstFetchedAt = null;
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("answer metadata is not a JSON object: "
                        + new String(json, 0, Math.min(json.length, 80), StandardCharsets.UTF_8));
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                String field = p.currentName();
                String text = null;
                if (p.nextToken() == JsonToken.VALUE_STRING) {
                    text = p.getText();
                } else {
                    p.skipChildren();
                }
                switch (field) {
                    case FETCHED_AT -> fetchedAt = text;
                    case REQUEST -> request = text;
                    case SHA256 -> sha256 = text;
                    case FIRST_FETCHED_AT -> firstFetchedAt = text;
                    default -> { }
                }
            }
        }
        require(fetchedAt, FETCHED_AT);
        require(request, REQUEST);
        require(sha256, SHA256);
        Instant fetched;
        try {
            fetched = instant(fetchedAt);
        } catch (DateTimeParseException e) {
            throw new IOException("answer metadata has a fetchedAt that is not an ISO-8601 instant: " + fetchedAt, e);
        }
        try {
            return new AnswerMetadata(fetched, request, sha256,
                    firstFetchedAt == null ? fetched : instant(firstFetchedAt));
        } catch (DateTimeParseException e) {
            throw new IOException("answer metadata has a firstFetchedAt that is not an ISO-8601 instant: "
                    + firstFetchedAt, e);
        }
    }

    private static void require(String value, String field) throws IOException {
        if (value == null) {
            throw new IOException("answer metadata lacks the text field '" + field + "'");
        }
    }

    /**
     * {@link Instant#parse}, with its result, for every text it accepts; the form this store writes
     * ({@code 2025-01-05T06:01:02.123Z}: seconds, 0 to 9 fraction digits, {@code Z}) read directly, since the
     * JDK's formatter costs a build more than the rest of the record.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':'
                && (n == 20 || text.charAt(19) == '.' && n >= 22 && n <= 30)) {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = n == 20 ? 0 : digits(text, 20, n - 1);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60 && fraction >= 0) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    int nanos = fraction * POWERS_OF_TEN[n == 20 ? 9 : 9 - (n - 21)];
                    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
                } catch (DateTimeException e) {
                    // not a real date: the JDK's parser says why
                }
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, to)}; -1 when a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
