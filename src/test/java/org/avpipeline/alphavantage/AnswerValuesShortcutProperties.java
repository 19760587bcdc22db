package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The parsers' shortcuts give exactly what the general path gives, and step aside for everything else. */
class AnswerValuesShortcutProperties {
    private static final AvFunction F = AvFunction.TIME_SERIES_DAILY_ADJUSTED;

    @Property(tries = 3000)
    void plainDecimalsAreExactlyWhatParseDoubleGives(@ForAll("decimals") String text) {
        double expected = Double.parseDouble(text);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(AnswerValues.number(F, "x", text)),
                text);
        char[] padded = ("ab" + text + "cd").toCharArray();
        assertEquals(Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(AnswerValues.number(F, "x", padded, 2, text.length())), text);
        byte[] bytes = ("ab" + text + "cd").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(AnswerValues.number(F, "x", bytes, 2, text.length())), text);
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        Arbitrary<String> whole = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(19);
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(24);
        Arbitrary<String> exponent = Arbitraries.of("", "", "", "e5", "E-3");
        return Combinators.combine(sign, whole, Arbitraries.of(true, false), fraction, exponent)
                .as((s, w, point, f, e) -> s + w + (point ? "." + f : "") + e)
                .filter(t -> t.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?"));
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    @Property(tries = 5000)
    void isDecimalIsTheDecimalPattern(@ForAll("numberLike") String text) {
        assertEquals(DECIMAL.matcher(text).matches(), AnswerValues.isDecimal(text), text);
    }

    /** The long-number shortcut takes only texts the general path accepts, and gives what it gives. */
    @Property(tries = 5000)
    void aPlainDecimalIsADecimalAndParsesTheSame(@ForAll("numberLike") String text) {
        char[] chars = text.toCharArray();
        byte[] bytes = ("ab" + text).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (PlainFields.isPlainDecimal(bytes, 2, text.length())) {
            assertTrue(AnswerValues.isDecimal(text), text);
            assertEquals(Double.doubleToLongBits(Double.parseDouble(text)),
                    Double.doubleToLongBits(AnswerValues.number(F, "x", chars, 0, chars.length)), text);
            assertEquals(Double.doubleToLongBits(Double.parseDouble(text)),
                    Double.doubleToLongBits(AnswerValues.number(F, "x", bytes, 2, text.length())), text);
        }
    }

    @Provide
    Arbitrary<String> numberLike() {
        return Arbitraries.strings().withChars("0123456789.-+eEx ").ofMinLength(0).ofMaxLength(8);
    }

    @Test
    void examplesOfTheShortcutAndOfTheGeneralPath() {
        assertEquals(14.26, PlainFields.plainDecimal("14.26".toCharArray(), 0, 5));
        assertEquals(-0.0, PlainFields.plainDecimal("-0.00".toCharArray(), 0, 5));
        assertEquals(1336738.0, PlainFields.plainDecimal("1336738".toCharArray(), 0, 7));
        assertEquals(5.0, PlainFields.plainDecimal("5.".toCharArray(), 0, 2));
        assertEquals(0.5, PlainFields.plainDecimal(".5".toCharArray(), 0, 2));
        for (String general : new String[] {"", "-", ".", "1e5", " 1", "None", "1.2.3", "12345678901234567890"}) {
            assertTrue(Double.isNaN(PlainFields.plainDecimal(general.toCharArray(), 0, general.length())), general);
        }
        assertEquals(1e5, AnswerValues.number(F, "x", "1e5".toCharArray(), 0, 3));
        assertEquals(289.62962886152513, AnswerValues.number(F, "x", "289.62962886152513".toCharArray(), 0, 18));
        assertEquals(7.0, AnswerValues.number(F, "x", " 7 "));
        assertTrue(Double.isNaN(AnswerValues.number(F, "x", "None".toCharArray(), 0, 4)));
        assertTrue(Double.isNaN(AnswerValues.number(F, "x", "-".toCharArray(), 0, 1)));
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
                () -> AnswerValues.number(F, "4. close", "1.2.3".toCharArray(), 0, 5));
        assertTrue(e.getMessage().contains("4. close") && e.getMessage().contains("'1.2.3'"), e.getMessage());
    }

    @Property(tries = 3000)
    void plainDatesAreWhatLocalDateParseGives(@ForAll("dateLike") String text) {
        LocalDate expected;
        try {
            expected = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            expected = null;
        }
        assertEquals(expected, PlainFields.plainDate(text), text);
    }

    @Provide
    Arbitrary<String> dateLike() {
        return Combinators.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32))
                .as((y, m, d) -> String.format("%04d-%02d-%02d", y, m, d));
    }

    @Test
    void datesOtherThanPlainTakeTheGeneralPath() {
        assertNull(PlainFields.plainDate(" 2024-01-02"));
        assertNull(PlainFields.plainDate("2024/01/02"));
        assertNull(PlainFields.plainDate("2023-02-29"));
        assertEquals(LocalDate.of(2024, 2, 29), PlainFields.plainDate("2024-02-29"));
        assertEquals(LocalDate.of(2024, 1, 2), AnswerValues.date(F, "date", " 2024-01-02 "));
        assertThrows(MalformedAnswerException.class, () -> AnswerValues.date(F, "date", "2023-02-29"));
    }
}
