package org.avpipeline.alphavantage;

import java.time.LocalDate;

/**
 * The exact shortcuts for values written the plain way (a decimal such as {@code -12.345}, a date {@code yyyy-mm-dd}):
 * the value the general path of {@link AnswerValues} gives, or NaN / null to send the caller there.
 */
final class PlainFields {
    private PlainFields() {}

    /** "None", "-" or "": the usual spellings of a missing value (others, such as " none ", take the general path). */
    static boolean isPlainMissing(byte[] b, int offset, int length) {
        return length == 0 || length == 1 && b[offset] == '-' || length == 4 && b[offset] == 'N'
                && b[offset + 1] == 'o' && b[offset + 2] == 'n' && b[offset + 3] == 'e';
    }

    /** The characters as bytes when they are all ASCII (then a shortcut may read them), else null. */
    static byte[] asciiOrNull(char[] chars, int offset, int length) {
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

    /** {@code -?\d*(\.\d*)?} with at least one digit: a text {@link AnswerValues#isDecimal} accepts, without blanks. */
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

    static double plainDecimal(String text) {
        // a character outside Latin-1 becomes '?', which no shortcut reads: such a text takes the general path
        return text.length() > 24 ? Double.NaN
                : plainDecimal(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, text.length());
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
}
