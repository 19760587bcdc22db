package org.avpipeline.alphavantage;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The quarterly reports already parsed from earlier answers of one statement function of one ticker, by their bytes
 * (pipeline.md §8a: a ticker's vintages of a statement). Answers of the same statement share most of their reports
 * byte for byte (a new answer adds a quarter, or restates a few), so a report whose bytes were parsed before is not
 * parsed again: the same {@link StatementReport} instance is given, which also makes comparing two answers' rows cheap.
 * A report is a pure function of its bytes (and the function), so the result is what parsing gives. Not thread-safe:
 * one per ticker and function, used by one thread.
 */
public final class ReportMemo {
    private final AvFunction function;
    private final Map<Span, StatementReport> reports = new HashMap<>();

    public ReportMemo(AvFunction function) {
        if (!AvFunction.STATEMENTS.contains(function)) {
            throw new IllegalArgumentException(function + " is not a financial statement");
        }
        this.function = function;
    }

    AvFunction function() {
        return function;
    }

    /**
     * The report parsed before from the bytes {@code in[from, to)}, where {@code to} is just after the first '}' from
     * {@code from} (a report is a flat object: its first '}' ends it unless a value holds one, and then no remembered
     * report has these bytes), or null; {@link #end} tells {@code to}.
     */
    StatementReport find(byte[] in, int from) {
        int close = from;
        while (close < in.length && in[close] != '}') {
            close++;
        }
        if (close == in.length) {
            return null;
        }
        lastEnd = close + 1;
        return reports.get(new Span(in, from, lastEnd));
    }

    /** Just after the bytes of the report {@link #find} gave. */
    int end() {
        return lastEnd;
    }

    private int lastEnd;

    /** Remembers the report parsed from {@code in[from, to)} (the array is kept, never written to). */
    void put(byte[] in, int from, int to, StatementReport report) {
        reports.put(new Span(in, from, to), report);
    }

    /** How many distinct reports were parsed. */
    public int size() {
        return reports.size();
    }

    /**
     * Bytes {@code in[from, to)} as a key. The hash reads the length and the first {@value #HASHED} bytes other than
     * blanks (a report's fiscal date is among them: it is the first field Alpha Vantage writes; where it is not, equal
     * hashes only cost comparisons); equality compares every byte.
     */
    private static final class Span {
        private static final int HASHED = 48;
        private final byte[] in;
        private final int from;
        private final int to;
        private final int hash;

        Span(byte[] in, int from, int to) {
            this.in = in;
            this.from = from;
            this.to = to;
            int h = to - from;
            for (int i = from, hashed = 0; i < to && hashed < HASHED; i++) {
                byte b = in[i];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    h = 31 * h + b;
                    hashed++;
                }
            }
            this.hash = h;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Span s && s.hash == hash && Arrays.equals(in, from, to, s.in, s.from, s.to);
        }
    }
}
