package org.avpipeline.raw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The metadata record stored beside an answer ({@code .meta.json}), the same for every store:
 * <pre>{"fetchedAt":"2025-01-05T06:01:02.123Z","request":"function=EARNINGS&amp;symbol=AAPL","sha256":"9f86d0…"}</pre>
 * {@code fetchedAt} is ISO-8601 in UTC, {@code request} the request without the API key, {@code sha256} the hex
 * SHA-256 of the uncompressed body.
 */
public final class AnswerMetadataJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AnswerMetadataJson() {}

    public static byte[] toJson(AnswerMetadata metadata) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("fetchedAt", metadata.fetchedAt().toString());
        node.put("request", metadata.request());
        node.put("sha256", metadata.sha256());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing an in-memory JSON tree", e);
        }
    }

    /** Reads a metadata record; a malformed one is an {@link IOException} naming what is wrong. */
    public static AnswerMetadata fromJson(byte[] json) throws IOException {
        JsonNode node = MAPPER.readTree(json);
        if (node == null || !node.isObject()) {
            throw new IOException("answer metadata is not a JSON object: "
                    + new String(json, 0, Math.min(json.length, 80), StandardCharsets.UTF_8));
        }
        String fetchedAt = text(node, "fetchedAt");
        String request = text(node, "request");
        String sha256 = text(node, "sha256");
        try {
            return new AnswerMetadata(Instant.parse(fetchedAt), request, sha256);
        } catch (DateTimeParseException e) {
            throw new IOException("answer metadata has a fetchedAt that is not an ISO-8601 instant: " + fetchedAt, e);
        }
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("answer metadata lacks the text field '" + field + "'");
        }
        return value.asText();
    }
}
