package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trees read without an ObjectMapper are the ones ObjectMapper.readTree (the independent reference) reads. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyRealJsonAnswerReadsAsObjectMapperReadsIt() throws IOException {
        List<Path> files = RealAnswersTest.realFiles(p -> p.toString().endsWith(".json"));
        assertTrue(files.size() > 20, "real JSON answers: " + files.size());
        for (Path f : files) {
            byte[] body = Files.readAllBytes(f);
            JsonNode expected = MAPPER.readTree(body);
            assertSame(expected, JsonTrees.read(body), f.toString());
        }
    }

    @Test
    void nodeKindsRepeatedKeysAndNestingAreObjectMappers() throws IOException {
        for (String json : new String[] {
            "{\"a\": 1, \"b\": 3000000000, \"c\": 123456789012345678901234567890, \"d\": 1.5, \"e\": -2e-3,"
                    + " \"f\": \"x\", \"g\": null, \"h\": true, \"i\": false, \"j\": [], \"k\": {}}",
            "{\"a\": 1, \"b\": 2, \"a\": [3, {\"a\": \"x\", \"a\": null}]}",
            "[1, [2, [3, [4, {\"deep\": [[[]]]}]]]]",
            "\"text\"", "42", "-0", "0.0", "1E400", "null", "  {\"trailing\": 1} garbage",
            "{\"unicode\": \"\\u00e9\\ud83d\\ude00 caf\u00e9\", \"escapes\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
        }) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            assertSame(MAPPER.readTree(body), JsonTrees.read(body), json);
        }
    }

    @Test
    void randomDocumentsReadAsObjectMapperReadsThem() throws IOException {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String json = randomValue(random, 0);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            assertSame(MAPPER.readTree(body), JsonTrees.read(body), json);
        }
    }

    @Test
    void emptyInputIsNoTreeAndBrokenInputAnError() throws IOException {
        assertNull(JsonTrees.read(new byte[0]));
        assertNull(JsonTrees.read("  \n".getBytes(StandardCharsets.UTF_8)));
        for (String broken : new String[] {"{", "{\"a\": }", "[1, 2", "{\"a\" 1}", "nul", "{\"a\": 1,}"}) {
            assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(broken), broken);
            assertThrows(JsonProcessingException.class,
                    () -> JsonTrees.read(broken.getBytes(StandardCharsets.UTF_8)), broken);
        }
    }

    /** Equal trees, printed alike, with the same node class at every place. */
    private static void assertSame(JsonNode expected, JsonNode actual, String what) {
        assertEquals(expected, actual, what);
        assertEquals(expected.toString(), actual.toString(), what);
        assertKinds(expected, actual, what);
    }

    private static void assertKinds(JsonNode expected, JsonNode actual, String what) {
        assertEquals(expected.getClass(), actual.getClass(), what);
        assertEquals(expected.size(), actual.size(), what);
        if (expected.isObject()) {
            List<String> names = iterable(expected.fieldNames());
            assertEquals(names, iterable(actual.fieldNames()), what);
            for (String n : names) {
                assertKinds(expected.get(n), actual.get(n), what);
            }
        } else if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertKinds(expected.get(i), actual.get(i), what);
            }
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    private static String randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 4 ? 6 : 8);
        return switch (kind) {
            case 0 -> Integer.toString(r.nextInt());
            case 1 -> Long.toString(r.nextLong());
            case 2 -> r.nextDouble() * Math.pow(10, r.nextInt(40) - 20) + "";
            case 3 -> "\"" + List.of("None", "-", "", "12.50", "n/a", "2024-01-01", "a\\\"b").get(r.nextInt(7)) + "\"";
            case 4 -> List.of("true", "false", "null").get(r.nextInt(3));
            case 5 -> "123456789012345678901234567890";
            case 6 -> {
                StringBuilder b = new StringBuilder("[");
                for (int i = r.nextInt(4); i > 0; i--) {
                    b.append(randomValue(r, depth + 1)).append(i > 1 ? ", " : "");
                }
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                for (int i = r.nextInt(5); i > 0; i--) {
                    b.append("\"k").append(r.nextInt(4)).append("\": ").append(randomValue(r, depth + 1))
                            .append(i > 1 ? ", " : "");
                }
                yield b.append('}').toString();
            }
        };
    }
}
