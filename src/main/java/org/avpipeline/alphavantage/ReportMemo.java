package org.avpipeline.alphavantage;

import java.nio.ByteBuffer;
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
    private final Map<ByteBuffer, StatementReport> reports = new HashMap<>();

    public ReportMemo(AvFunction function) {
        if (!AvFunction.STATEMENTS.contains(function)) {
            throw new IllegalArgumentException(function + " is not a financial statement");
        }
        this.function = function;
    }

    AvFunction function() {
        return function;
    }

    /** The report parsed before from the bytes {@code in[from, to)}, or null. */
    StatementReport get(byte[] in, int from, int to) {
        return reports.get(ByteBuffer.wrap(in, from, to - from));
    }

    /** Remembers the report parsed from {@code in[from, to)} (the array is kept, never written to). */
    void put(byte[] in, int from, int to, StatementReport report) {
        reports.put(ByteBuffer.wrap(in, from, to - from).slice(), report);
    }

    /** How many distinct reports were parsed. */
    public int size() {
        return reports.size();
    }
}
