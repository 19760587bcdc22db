package org.avpipeline.alphavantage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** How Alpha Vantage writes values: numbers and dates as strings, with "None", "" and "-" for missing. */
final class AnswerValues {
    private AnswerValues() {}

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory JSON = MAPPER.getFactory();

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** Whether an answer string means "no value". */
    static boolean isMissing(String text) {
        String t = text.trim();
        return t.isEmpty() || t.equals("-") || t.equalsIgnoreCase("None");
    }

    /** A number field: NaN when absent, null or missing; malformed when it is not a plain decimal. */
    static double number(AvFunction function, String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Double.NaN;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (!node.isTextual()) {
            throw new MalformedAnswerException(function, "field " + field + " is not a number: " + shown(node.toString()));
        }
        return number(function, field, node.textValue());
    }

    static double number(AvFunction function, String field, String text) {
        if (text == null || isMissing(text)) {
            return Double.NaN;
        }
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) {
            throw new MalformedAnswerException(function, "field " + field + " has an unparseable number " + shown(text));
        }
        return Double.parseDouble(t);
    }

    /** A date field that must be present. */
    static LocalDate requiredDate(AvFunction function, String field, JsonNode node) {
        LocalDate d = optionalDate(function, field, node);
        if (d == null) {
            throw new MalformedAnswerException(function, "field " + field + " is missing");
        }
        return d;
    }

    /** A date field that may be missing (null). */
    static LocalDate optionalDate(AvFunction function, String field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedAnswerException(function, "field " + field + " is not a date: " + shown(node.toString()));
        }
        return date(function, field, node.textValue());
    }

    static LocalDate date(AvFunction function, String field, String text) {
        if (text == null || isMissing(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new MalformedAnswerException(function, "field " + field + " has an unparseable date " + shown(text));
        }
    }

    /** A text field: null when absent or missing. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        String t = node.isTextual() ? node.textValue() : node.toString();
        return isMissing(t) ? null : t;
    }

    /** The answer as a JSON tree; malformed when it is not JSON. */
    static JsonNode tree(AvFunction function, byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedAnswerException(function, "the answer is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException(function, "the answer is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new MalformedAnswerException(function, "the answer could not be read", e);
        }
    }

    /** The array under the function's data key; malformed when it is absent or not an array. */
    static JsonNode dataArray(AvFunction function, JsonNode root) {
        JsonNode array = root.get(function.dataKey());
        if (array == null || !array.isArray()) {
            throw new MalformedAnswerException(function, "the answer has no '" + function.dataKey() + "' list");
        }
        return array;
    }

    static JsonParser parser(byte[] body) throws IOException {
        return JSON.createParser(body);
    }

    /** A value as shown in a message: quoted and cut to a readable length. */
    static String shown(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "'" + v + "'";
    }
}
