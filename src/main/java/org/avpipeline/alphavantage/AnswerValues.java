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
            double fast = plainDecimal(text);
            if (!Double.isNaN(fast)) {
                return fast;
            }
        }
        return checkedNumber(function, field, text);
    }

    /** {@link #number(AvFunction, String, String)} of the text {@code chars[offset, offset + length)}. */
    static double number(AvFunction function, String field, char[] chars, int offset, int length) {
        byte[] ascii = asciiOrNull(chars, offset, length);
        return ascii != null ? number(function, field, ascii, 0, length)
                : checkedNumber(function, field, new String(chars, offset, length));
    }

    /** {@link #number(AvFunction, String, String)} of the ASCII text {@code bytes[offset, offset + length)}. */
    static double number(AvFunction function, String field, byte[] bytes, int offset, int length) {
        double fast = plainDecimal(bytes, offset, length);
        if (!Double.isNaN(fast) || isPlainMissing(bytes, offset, length)) {
            return fast;
        }
        String text = new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1);
        // A plain decimal with too many digits for the exact shortcut (a 17-digit adjusted close): parseDouble
        // directly, without the general path's trimming and pattern check, which it would pass.
        return isPlainDecimal(bytes, offset, length) ? Double.parseDouble(text) : checkedNumber(function, field, text);
    }

    /** "None", "-" or "": the usual spellings of a missing value (others, such as " none ", take the general path). */
    private static boolean isPlainMissing(byte[] b, int offset, int length) {
        return length == 0 || length == 1 && b[offset] == '-' || length == 4 && b[offset] == 'N'
                && b[offset + 1] == 'o' && b[offset + 2] == 'n' && b[offset + 3] == 'e';
    }

    /** The characters as bytes when they are all ASCII (then a shortcut may read them), else null. */
    private static byte[] asciiOrNull(char[] chars, int offset, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = chars[offset + i];
            if (c > 0x7f) {
                return null;
            }
            out[i] = (byte) c;
        }
        return out;
    }

    /** {@code -?\d*(\.\d*)?} with at least one digit: a text {@link #isDecimal} accepts, without blanks. */
    static boolean isPlainDecimal(byte[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        if (i < end && text[i] == '-') {
            i++;
        }
        boolean digit = false;
        boolean point = false;
        for (; i < end; i++) {
            byte c = text[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return false;
            }
        }
        return digit;
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

    /** Powers of ten that a double holds exactly. */
    private static final double[] EXACT_POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
            1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long EXACT_LONG_LIMIT = 1L << 53;

    /**
     * The value of a plain decimal such as {@code -12.345} (optional minus, digits, optional point and digits, no
     * blanks, no exponent) of at most 18 digits and 22 decimals, or NaN for any other text (the caller then takes the
     * general path). Exact: below 2^53 the integer and the power of ten are both exact doubles, and one IEEE division
     * rounds their quotient correctly, as {@link Double#parseDouble} does; above it (a 17-digit adjusted close),
     * {@link DecimalQuotient} finds the same nearest double.
     */
    static double plainDecimal(byte[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (; i < end; i++) {
            int c = text[i];
            if (c >= '0' && c <= '9') {
                digits = digits * 10 + (c - '0');
                if (++count > 18) {
                    return Double.NaN;
                }
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        int scale = Math.max(0, fraction);
        if (count == 0 || scale >= EXACT_POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value;
        if (digits <= EXACT_LONG_LIMIT) {
            value = scale == 0 ? (double) digits : digits / EXACT_POWERS_OF_TEN[scale];
        } else {
            value = DecimalQuotient.of(digits, scale); // NaN when it cannot tell: then the general path
        }
        return negative ? -value : value;
    }

    /** {@link #plainDecimal(byte[], int, int)} of {@code chars[offset, offset + length)}. */
    static double plainDecimal(char[] chars, int offset, int length) {
        byte[] ascii = asciiOrNull(chars, offset, length);
        return ascii == null ? Double.NaN : plainDecimal(ascii, 0, length);
    }

    private static double plainDecimal(String text) {
        // a character outside Latin-1 becomes '?', which no shortcut reads: such a text takes the general path
        return text.length() > 24 ? Double.NaN
                : plainDecimal(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, text.length());
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
        LocalDate plain = plainDate(text); // the usual shape first: a yyyy-mm-dd date is never "missing"
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

    /**
     * A date written exactly {@code yyyy-mm-dd} that exists, or null for any other text (the caller then takes the
     * general path): the same date {@link LocalDate#parse} gives, without the formatter's cost.
     */
    static LocalDate plainDate(String text) {
        return text.length() != 10 ? null
                : plainDate(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, 10);
    }

    /** {@link #plainDate(String)} of the ASCII text {@code bytes[offset, offset + length)}. */
    static LocalDate plainDate(byte[] text, int offset, int length) {
        if (length != 10 || text[offset + 4] != '-' || text[offset + 7] != '-') {
            return null;
        }
        int year = digits(text, offset, offset + 4);
        int month = digits(text, offset + 5, offset + 7);
        int day = digits(text, offset + 8, offset + 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** The decimal number of {@code text[from, to)}, or -1 when a character is not a digit. */
    private static int digits(byte[] text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int c = text[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
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
