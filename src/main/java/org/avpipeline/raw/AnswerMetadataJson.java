package org.avpipeline.raw;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The metadata record stored beside an answer ({@code .meta.json}), the same for every store:
 * <pre>{"fetchedAt":"2025-01-05T06:01:02.123Z","request":"function=EARNINGS&amp;symbol=AAPL","sha256":"9f86d0…",
 *  "firstFetchedAt":"2024-10-13T06:01:00.456Z","valuesDigest":"1:5e884…"}</pre>
 * {@code fetchedAt} and {@code firstFetchedAt} are ISO-8601 in UTC (a record without {@code firstFetchedAt}, written
 * before vintages were kept, reads it as its {@code fetchedAt}), {@code request} the request without the API key, {@code sha256} the hex
 * SHA-256 of the uncompressed body, {@code valuesDigest} (only of the vintaged functions' answers) the
 * {@link ValuesDigest} of the values the build reads. Read and written with jackson-core's streaming parser and generator: a build
 * reads one record per stored answer, and needs no object mapper for them.
 */
public final class AnswerMetadataJson {
    private static final JsonFactory JSON = new JsonFactory();
    private static final String FETCHED_AT = "fetchedAt";
    private static final String REQUEST = "request";
    private static final String SHA256 = "sha256";
    private static final String FIRST_FETCHED_AT = "firstFetchedAt";
    private static final String VALUES_DIGEST = "valuesDigest";

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
            if (metadata.valuesDigest() != null) {
                g.writeStringField(VALUES_DIGEST, metadata.valuesDigest());
            }
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
        String valuesDigest = null;
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
                    case VALUES_DIGEST -> valuesDigest = text;
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
                    firstFetchedAt == null ? fetched : instant(firstFetchedAt), valuesDigest);
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

    /** An instant as stored ({@code 2025-01-05T06:01:02.123Z}); the JDK's message for any other text. */
    static Instant instant(String text) {
        return Instant.parse(text);
    }
}
