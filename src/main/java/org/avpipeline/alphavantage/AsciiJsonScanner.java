package org.avpipeline.alphavantage;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The byte-level steps of the fast scanners over Alpha Vantage's answers ({@link DailySeriesScanner},
 * {@link StatementScanner}): a strict subset of JSON whose strings are printable ASCII without escapes. A scanner
 * that meets anything else gives up, and its caller parses the answer with Jackson, which then decides.
 */
abstract class AsciiJsonScanner {
    protected final byte[] in;
    protected int pos;
    /** The last string scanned: {@code in[start, end)}. */
    protected int start;
    protected int end;

    AsciiJsonScanner(byte[] in) {
        this.in = in;
    }

    /**
     * The answer: a top-level object with one member under {@code dataKey}, read by {@code data} (from the value's
     * first byte), and other members read by {@code other}; what {@code data} read, or null when the answer is not
     * so (no data member, two, or anything either reader or this one does not read).
     */
    protected final <T> T answer(byte[] dataKey, Supplier<T> data, BooleanSupplier other) {
        skipWhitespace();
        if (!take('{')) {
            return null;
        }
        T value = null;
        skipWhitespace();
        if (!take('}')) {
            do {
                skipWhitespace();
                if (!string()) {
                    return null;
                }
                boolean isData = isLast(dataKey);
                colon();
                if (isData) {
                    if (value != null) {
                        return null;
                    }
                    value = data.get();
                    if (value == null) {
                        return null;
                    }
                } else if (!other.getAsBoolean()) {
                    return null;
                }
                skipWhitespace();
            } while (take(','));
            if (!take('}')) {
                return null;
            }
        }
        return atEnd() ? value : null;
    }

    /** Whether only whitespace is left. */
    protected boolean atEnd() {
        skipWhitespace();
        return pos == in.length;
    }

    /** Whether the last string is {@code ascii}. */
    protected boolean isLast(byte[] ascii) {
        return end - start == ascii.length && java.util.Arrays.equals(in, start, end, ascii, 0, ascii.length);
    }

    /** A string value, or an object (such as "Meta Data") whose values are all strings. */
    protected boolean stringOrFlatObject() {
        if (peek() == '"') {
            return string();
        }
        if (!take('{')) {
            return false;
        }
        skipWhitespace();
        if (take('}')) {
            return true;
        }
        do {
            skipWhitespace();
            if (!string()) {
                return false;
            }
            colon();
            if (!string()) {
                return false;
            }
            skipWhitespace();
        } while (take(','));
        return take('}');
    }

    /** A string of printable ASCII without escapes at {@link #pos}: sets {@link #start}/{@link #end}. */
    protected boolean string() {
        byte[] a = in;
        int n = a.length;
        if (pos >= n || a[pos] != '"') {
            return false;
        }
        int i = pos + 1;
        start = i;
        while (i < n) {
            byte b = a[i];
            if (b == '"') {
                end = i;
                pos = i + 1;
                return true;
            }
            if (b < 0x20 || b > 0x7e || b == '\\') {
                return false;
            }
            i++;
        }
        return false;
    }

    /** Whitespace, ':', whitespace; throws (the scan gives up) when the colon is missing. */
    protected void colon() {
        skipWhitespace();
        if (!take(':')) {
            throw new IllegalStateException("no colon");
        }
        skipWhitespace();
    }

    protected boolean take(char c) {
        if (pos < in.length && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    protected int peek() {
        return pos < in.length ? in[pos] : -1;
    }

    /**
     * Past spaces, newlines, carriage returns and tabs. The loop keeps the array and position in locals (a fresh
     * JVM runs it as C1 code, which would load and store the fields on every byte of an answer's indentation).
     */
    protected void skipWhitespace() {
        byte[] a = in;
        int p = pos;
        int n = a.length;
        while (p < n) {
            byte b = a[p];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                break;
            }
            p++;
        }
        pos = p;
    }
}
