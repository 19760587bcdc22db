package org.avpipeline.alphavantage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@link DailySeriesParser}: a scanner for the one shape Alpha Vantage writes, straight over the
 * bytes. It reads a strict subset of JSON: a top-level object whose members are strings, flat objects of strings, or
 * the series; the series an object of objects whose values are strings; every string printable ASCII without
 * escapes. On anything else, or on any value the parser would reject, it gives up ({@code null}) and the caller
 * parses the answer with Jackson, which then decides, with its own messages. Where it succeeds it gives the bars
 * Jackson's path would give, in answer order.
 *
 * <p>Kept because it was measured alone (issue 22): without it, {@code bench build --tickers 1000} through the
 * launcher took 15 % more CPU (median ratio of 4 alternated pairs, 1.09–1.21; docs/benchmarks.md), above the 5 %
 * a hand-written substitute for a library must save.
 */
final class DailySeriesScanner extends AsciiJsonScanner {
    private static final AvFunction F = AvFunction.TIME_SERIES_DAILY_ADJUSTED;
    private static final byte[] DATA_KEY = F.dataKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private DailySeriesScanner(byte[] in) {
        super(in);
    }

    /** The bars in answer order, or null when the answer is not of the simple shape (then parse it with Jackson). */
    static List<DailyBar> scan(byte[] body) {
        try {
            return new DailySeriesScanner(body).answer();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<DailyBar> answer() {
        return answer(DATA_KEY, () -> take('{') ? series() : null, this::stringOrFlatObject);
    }

    /** After the series' '{': the bars up to and including its '}', or null. */
    private List<DailyBar> series() {
        List<DailyBar> bars = new ArrayList<>(8192);
        skipWhitespace();
        if (take('}')) {
            return bars;
        }
        do {
            skipWhitespace();
            if (!string()) {
                return null;
            }
            LocalDate date = PlainFields.plainDate(in, start, end - start);
            if (date == null) {
                date = AnswerValues.date(F, "date", new String(in, start, end - start,
                        java.nio.charset.StandardCharsets.US_ASCII));
            }
            colon();
            if (date == null || !take('{')) {
                return null;
            }
            DailyBar bar = bar(date);
            if (bar == null) {
                return null;
            }
            bars.add(bar);
            skipWhitespace();
        } while (take(','));
        return take('}') ? bars : null;
    }

    /** After a bar's '{': the bar up to and including its '}', or null. */
    private DailyBar bar(LocalDate date) {
        double[] v = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        skipWhitespace();
        if (!take('}')) {
            int expected = 0;
            do {
                skipWhitespace();
                int slot = expectedKey(expected);
                if (slot < 0) {
                    if (!string()) {
                        return null;
                    }
                    slot = slot(expected);
                }
                expected++;
                colon();
                if (!string()) {
                    return null;
                }
                if (slot >= 0) {
                    v[slot] = AnswerValues.number(F, FIELDS[slot], in, start, end - start);
                }
                skipWhitespace();
            } while (take(','));
            if (!take('}')) {
                return null;
            }
        }
        return new DailyBar(date, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    private static final String[] FIELDS = {"1. open", "2. high", "3. low", "4. close", "5. adjusted close",
        "6. volume", "7. dividend amount", "8. split coefficient"};
    private static final byte[][] FIELD_BYTES = java.util.Arrays.stream(FIELDS)
            .map(f -> f.getBytes(java.nio.charset.StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    /**
     * When the key at {@link #pos} is the {@code expected} one, written exactly (Alpha Vantage's order): its slot, with
     * the key read; else -1, nothing read. Saves checking the key's bytes one by one.
     */
    private int expectedKey(int expected) {
        if (expected >= FIELD_BYTES.length) {
            return -1;
        }
        byte[] key = FIELD_BYTES[expected];
        int from = pos + 1;
        int to = from + key.length;
        if (to < in.length && in[pos] == '"' && in[to] == '"'
                && java.util.Arrays.equals(in, from, to, key, 0, key.length)) {
            start = from;
            end = to;
            pos = to + 1;
            return expected;
        }
        return -1;
    }

    /**
     * The slot of the last string as a bar's key ("1. open" → 0 … "8. split coefficient" → 7), or -1; the
     * {@code expected} slot (the key's position in its bar, Alpha Vantage's order) is tried first.
     */
    private int slot(int expected) {
        if (expected < FIELD_BYTES.length && isLast(FIELD_BYTES[expected])) {
            return expected;
        }
        for (int s = 0; s < FIELD_BYTES.length; s++) {
            if (isLast(FIELD_BYTES[s])) {
                return s;
            }
        }
        return -1;
    }
}
