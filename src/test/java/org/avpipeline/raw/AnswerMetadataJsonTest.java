package org.avpipeline.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnswerMetadataJsonTest {
    private static final AnswerMetadata METADATA = new AnswerMetadata(Instant.parse("2025-01-05T06:01:02.123Z"),
            "function=EARNINGS&symbol=AAPL",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");

    @Test
    void writesTheThreeFieldsWithAnIsoUtcInstantAndReadsThemBack() throws IOException {
        byte[] json = AnswerMetadataJson.toJson(METADATA);
        String text = new String(json, StandardCharsets.UTF_8);

        assertTrue(text.contains("\"fetchedAt\" : \"2025-01-05T06:01:02.123Z\""), text);
        assertTrue(text.contains("\"request\" : \"function=EARNINGS&symbol=AAPL\""), text);
        assertEquals(METADATA, AnswerMetadataJson.fromJson(json));
    }

    @Test
    void firstFetchedAtRoundTripsAndARecordWithoutItReadsItAsItsFetchedAt() throws IOException {
        AnswerMetadata kept = METADATA.withFirstFetchedAt(Instant.parse("2024-10-15T06:00:00Z"));
        assertEquals(kept, AnswerMetadataJson.fromJson(AnswerMetadataJson.toJson(kept)));
        assertTrue(new String(AnswerMetadataJson.toJson(kept), StandardCharsets.UTF_8)
                .contains("\"firstFetchedAt\" : \"2024-10-15T06:00:00Z\""));

        AnswerMetadata old = AnswerMetadataJson.fromJson(("{\"fetchedAt\":\"2025-01-05T06:01:02Z\",\"request\":\"r\","
                + "\"sha256\":\"ab\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(Instant.parse("2025-01-05T06:01:02Z"), old.firstFetchedAt());

        IOException bad = assertThrows(IOException.class, () -> AnswerMetadataJson.fromJson(
                ("{\"fetchedAt\":\"2025-01-05T06:01:02Z\",\"request\":\"r\",\"sha256\":\"ab\","
                        + "\"firstFetchedAt\":\"soon\"}").getBytes(StandardCharsets.UTF_8)));
        assertTrue(bad.getMessage().contains("firstFetchedAt"), bad.getMessage());
    }

    @Test
    void aRecordWithAMissingOrWrongFieldIsAnErrorNamingIt() {
        IOException missing = assertThrows(IOException.class, () -> AnswerMetadataJson.fromJson(
                "{\"fetchedAt\":\"2025-01-05T06:01:02Z\",\"request\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(missing.getMessage().contains("sha256"), missing.getMessage());

        IOException badInstant = assertThrows(IOException.class, () -> AnswerMetadataJson.fromJson(
                "{\"fetchedAt\":\"yesterday\",\"request\":\"x\",\"sha256\":\"ab\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(badInstant.getMessage().contains("yesterday"), badInstant.getMessage());

        assertThrows(IOException.class, () -> AnswerMetadataJson.fromJson("[1]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> AnswerMetadataJson.fromJson("{".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesWhatJacksonsObjectMapperWrote() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode node = mapper.createObjectNode();
        node.put("fetchedAt", METADATA.fetchedAt().toString());
        node.put("request", METADATA.request());
        node.put("sha256", METADATA.sha256());
        node.put("firstFetchedAt", METADATA.firstFetchedAt().toString());
        assertEquals(new String(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(node),
                StandardCharsets.UTF_8), new String(AnswerMetadataJson.toJson(METADATA), StandardCharsets.UTF_8));
    }

    @Test
    void otherFieldsAreIgnoredTheLastOfARepeatedFieldCountsAndANonTextFieldIsMissing() throws IOException {
        AnswerMetadata read = AnswerMetadataJson.fromJson(("{\"extra\":{\"a\":[1,{\"b\":2}]},"
                + "\"fetchedAt\":\"2024-01-01T00:00:00Z\",\"request\":\"r\",\"sha256\":\"ab\","
                + "\"fetchedAt\":\"2025-01-05T06:01:02.5Z\",\"more\":[true,null]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(new AnswerMetadata(Instant.parse("2025-01-05T06:01:02.5Z"), "r", "ab"), read);

        IOException notText = assertThrows(IOException.class, () -> AnswerMetadataJson.fromJson(
                "{\"fetchedAt\":\"2025-01-05T06:01:02Z\",\"request\":[\"x\"],\"sha256\":\"ab\"}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertTrue(notText.getMessage().contains("'request'"), notText.getMessage());
        assertThrows(IOException.class, () -> AnswerMetadataJson.fromJson(new byte[0]));
    }
}
