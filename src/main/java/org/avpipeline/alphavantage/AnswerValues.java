package org.avpipeline.alphavantage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** How Alpha Vantage writes values: numbers and dates as strings, with "None", "" and "-" for missing. */
final class AnswerValues {
    private AnswerValues() {}

    static final JsonFactory JSON = new JsonFactory();
    /** Reads the answers' JSON trees: a repeated key keeps its last value, anything after the first value unread. */
    private static final ObjectMapper TREES = new ObjectMapper(JSON);


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
        if (text != null) {
            double fast = PlainFields.plainDecimal(text);
            if (!Double.isNaN(fast)) {
                return fast;
            }
        }
        return checkedNumber(function, field, text);
    }

    /** {@link #number(AvFunction, String, String)} of the text {@code chars[offset, offset + length)}. */
    static double number(AvFunction function, String field, char[] chars, int offset, int length) {
        byte[] ascii = PlainFields.asciiOrNull(chars, offset, length);
        return ascii != null ? number(function, field, ascii, 0, length)
                : checkedNumber(function, field, new String(chars, offset, length));
    }

    /** {@link #number(AvFunction, String, String)} of the ASCII text {@code bytes[offset, offset + length)}. */
    static double number(AvFunction function, String field, byte[] bytes, int offset, int length) {
        double fast = PlainFields.plainDecimal(bytes, offset, length);
        if (!Double.isNaN(fast) || PlainFields.isPlainMissing(bytes, offset, length)) {
            return fast;
        }
        String text = new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        // A plain decimal with too many digits for the exact shortcut (a 17-digit adjusted close): parseDouble
        // directly, without the general path's trimming and pattern check, which it would pass.
        return PlainFields.isPlainDecimal(bytes, offset, length) ? Double.parseDouble(text)
                : checkedNumber(function, field, text);
    }

    /**
     * Whether a text is a plain decimal with an optional exponent, {@code [-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?}
     * (what Alpha Vantage writes; Java's {@code parseDouble} would also take "NaN", "Infinity", "0x1p3", "1d").
     */
    static boolean isDecimal(String t) {
        int i = 0;
        int n = t.length();
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        int whole = 0;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
            whole++;
        }
        int fraction = 0;
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                fraction++;
            }
        }
        if (whole == 0 && fraction == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static double checkedNumber(AvFunction function, String field, String text) {
        if (text == null || isMissing(text)) {
            return Double.NaN;
        }
        String t = text.trim();
        if (!isDecimal(t)) {
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
        if (text == null) {
            return null;
        }
        LocalDate plain = PlainFields.plainDate(text); // the usual shape first: a yyyy-mm-dd date is never "missing"
        if (plain != null) {
            return plain;
        }
        if (isMissing(text)) {
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
        return text(node.isTextual() ? node.textValue() : node.toString());
    }

    /** A text value: null when missing. */
    static String text(String t) {
        return isMissing(t) ? null : t;
    }

    /** The answer as a JSON tree; malformed when it is not JSON. */
    static JsonNode tree(AvFunction function, byte[] body) {
        try {
            JsonNode root = TREES.readTree(body);
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

    /** The JSON value at the parser's current token, as a tree. */
    static JsonNode readTree(JsonParser p) throws IOException {
        return TREES.readTree(p);
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
