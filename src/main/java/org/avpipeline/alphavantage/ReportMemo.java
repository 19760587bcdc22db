package org.avpipeline.alphavantage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports (quarterly and annual) already read from earlier answers of one statement function of one ticker, by
 * their bytes (pipeline.md §8a: a ticker's vintages of a statement). Answers of the same statement share most of
 * their reports byte for byte (a new answer adds a quarter, or restates a few), so a report whose bytes were parsed
 * before is not parsed again: the same {@link StatementReport} instance is given, which also makes comparing two
 * answers' rows cheap; and a report of the list not asked for is skipped by one comparison of its bytes. A report is a
 * pure function of its bytes (and the function), so the result is what parsing gives. Not thread-safe: one per ticker
 * and function, used by one thread.
 *
 * <p>Measured alone, with the values digests in place (answers equal in values are read once anyway): without it,
 * {@code bench build --tickers 1000 --vintages 13} took 7 % more CPU (median ratio of 4 alternated pairs, 1.00–1.15;
 * docs/benchmarks.md).
 */
public final class ReportMemo {
    /** How many bytes other than blanks at a report's start make its key (its fiscal date is among them). */
    private static final int KEY_BYTES = 48;

    private final AvFunction function;
    /** The known reports by the hash of their first {@link #KEY_BYTES} bytes other than blanks. */
    private final Map<Integer, List<Known>> known = new HashMap<>();
    private int size;

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
     * A report read before (a flat object, parsed or only skipped) whose bytes are those at {@code in[from...]}, or
     * null. Its bytes are compared whole, so a match is exactly that object: it ends where the known one ends.
     */
    Known find(byte[] in, int from) {
        List<Known> candidates = known.get(key(in, from));
        if (candidates == null) {
            return null;
        }
        for (Known k : candidates) {
            int to = from + k.length();
            if (to <= in.length && Arrays.equals(in, from, to, k.in, k.from, k.from + k.length())) {
                return k;
            }
        }
        return null;
    }

    /**
     * Remembers the flat object {@code in[from, to)} (the array is kept, never written to) and the report parsed from
     * it, or null when it was only skipped; a parsed report replaces a skipped one.
     */
    void put(byte[] in, int from, int to, StatementReport report) {
        List<Known> candidates = known.computeIfAbsent(key(in, from), k -> new ArrayList<>(1));
        for (int i = 0; i < candidates.size(); i++) {
            Known k = candidates.get(i);
            if (k.length() == to - from && Arrays.equals(in, from, to, k.in, k.from, k.from + k.length())) {
                if (k.report == null && report != null) {
                    candidates.set(i, new Known(in, from, to - from, report));
                }
                return;
            }
        }
        candidates.add(new Known(in, from, to - from, report));
        size++;
    }

    /** How many distinct reports were read. */
    public int size() {
        return size;
    }

    /** The hash of the first {@link #KEY_BYTES} bytes other than blanks from {@code from}. */
    private static int key(byte[] in, int from) {
        int h = 1;
        for (int i = from, taken = 0; i < in.length && taken < KEY_BYTES; i++) {
            byte b = in[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                h = 31 * h + b;
                taken++;
            }
        }
        return h;
    }

    /** A report's bytes {@code in[from, from + length)} and the report parsed from them (null: only skipped). */
    record Known(byte[] in, int from, int length, StatementReport report) {}
}
