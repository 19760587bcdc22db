package org.avpipeline.alphavantage;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fast path of {@link StatementParser}: a scanner for the shape Alpha Vantage writes its statements in, straight
 * over the bytes: a top-level object whose members are strings or lists of flat objects of strings
 * ({@code annualReports}, {@code quarterlyReports}). On anything else (another shape, a repeated key, a value the
 * parser would reject) it gives up ({@code null}) and the caller parses the answer with Jackson, which then decides,
 * with its own messages. Where it succeeds it gives the reports Jackson's path gives.
 *
 * <p>Kept because it was measured alone (issue 22): with every statement through Jackson's tree instead,
 * {@code bench build --tickers 1000} through the launcher took 8 % more CPU (median ratio of 4 alternated pairs,
 * 0.99–1.09; docs/benchmarks.md), above the 5 % bar; and a statement's vintages share its reports through it
 * ({@link ReportMemo}).
 */
final class StatementScanner extends AsciiJsonScanner {
    private static final byte[] FISCAL_DATE = "fiscalDateEnding".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CURRENCY = "reportedCurrency".getBytes(StandardCharsets.US_ASCII);

    private final AvFunction function;
    private final byte[] dataKey;
    /** The reports of earlier answers of this statement, by their bytes; null: parse every report. */
    private final ReportMemo memo;
    /** The metric names of the last row, by position: rows repeat their keys in one order, so most are reused. */
    private String[] names = new String[64];
    private byte[][] nameBytes = new byte[64][];

    private StatementScanner(AvFunction function, byte[] in, String dataKey, ReportMemo memo) {
        super(in);
        this.function = function;
        this.dataKey = dataKey.getBytes(StandardCharsets.US_ASCII);
        this.memo = memo;
    }

    /** The quarterly reports as {@link StatementParser} gives them, or null when the answer is not of this shape. */
    static List<StatementReport> scan(AvFunction function, byte[] body) {
        return scan(function, body, null);
    }

    /**
     * The same, a report whose bytes are in {@code memo} taken from there, and every other one parsed and added to it
     * ({@code memo} null: every report parsed).
     */
    static List<StatementReport> scan(AvFunction function, byte[] body, ReportMemo memo) {
        try {
            return new StatementScanner(function, body, function.dataKey(), memo).answer();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The {@code annualReports} as {@link StatementParser#parseAnnual} gives them, or null when the answer is not of
     * this shape or has no such list (the caller then asks Jackson).
     */
    static List<StatementReport> scanAnnual(AvFunction function, byte[] body) {
        return scanAnnual(function, body, null);
    }

    /** The same with a {@link ReportMemo}, as {@link #scan(AvFunction, byte[], ReportMemo)}. */
    static List<StatementReport> scanAnnual(AvFunction function, byte[] body, ReportMemo memo) {
        try {
            return new StatementScanner(function, body, StatementParser.ANNUAL_KEY, memo).answer();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private List<StatementReport> answer() {
        return answer(dataKey, () -> take('[') ? reports() : null,
                () -> peek() == '[' ? take('[') && flatObjects() : stringOrFlatObject());
    }

    /** After the list's '[': the reports up to and including its ']' (a repeated fiscal date keeps its first), or null. */
    private List<StatementReport> reports() {
        List<StatementReport> reports = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        skipWhitespace();
        if (take(']')) {
            return reports;
        }
        do {
            skipWhitespace();
            int from = pos;
            if (!take('{')) {
                return null;
            }
            StatementReport report = memo == null ? report() : remembered(from);
            if (report == null) {
                return null;
            }
            if (seen.add(report.fiscalDateEnding())) {
                reports.add(report);
            }
            skipWhitespace();
        } while (take(','));
        return take(']') ? reports : null;
    }

    /**
     * After a report's '{' (at {@code from}): the report up to and including its '}' from the memo when its bytes are
     * there, else parsed and remembered; null when it does not parse.
     */
    private StatementReport remembered(int from) {
        ReportMemo.Known known = memo.find(in, from);
        if (known != null && known.report() != null) {
            pos = from + known.length();
            return known.report();
        }
        StatementReport report = report();
        if (report != null) {
            memo.put(in, from, pos, report);
        }
        return report;
    }

    /** After a report's '{': the report up to and including its '}', or null. */
    private StatementReport report() {
        LocalDate fiscal = null;
        String currency = null;
        boolean currencySeen = false;
        Map<String, Double> metrics = new LinkedHashMap<>();
        skipWhitespace();
        int position = 0;
        if (!take('}')) {
            do {
                skipWhitespace();
                if (!string()) {
                    return null;
                }
                int keyStart = start;
                int keyEnd = end;
                colon();
                if (!string()) {
                    return null;
                }
                if (isKey(keyStart, keyEnd, FISCAL_DATE)) {
                    if (fiscal != null) {
                        return null;
                    }
                    fiscal = PlainFields.plainDate(in, start, end - start);
                    if (fiscal == null) {
                        return null; // a missing or unusual date: Jackson's path says what is wrong
                    }
                } else if (isKey(keyStart, keyEnd, CURRENCY)) {
                    if (currencySeen) {
                        return null;
                    }
                    currencySeen = true;
                    currency = AnswerValues.text(new String(in, start, end - start, StandardCharsets.US_ASCII));
                } else {
                    String name = name(position++, keyStart, keyEnd);
                    double value = AnswerValues.number(function, name, in, start, end - start);
                    if (metrics.put(StatementParser.metricName(function, name), value) != null) {
                        return null;
                    }
                }
                skipWhitespace();
            } while (take(','));
            if (!take('}')) {
                return null;
            }
        }
        return fiscal == null ? null : new StatementReport(fiscal, currency, metrics);
    }

    /** A list's flat objects of strings (the reports of the list not asked for), after its '['. */
    private boolean flatObjects() {
        skipWhitespace();
        if (take(']')) {
            return true;
        }
        do {
            skipWhitespace();
            if (peek() != '{' || !skipped()) {
                return false;
            }
            skipWhitespace();
        } while (take(','));
        return take(']');
    }

    /** A flat object of strings at {@link #pos} skipped (by its bytes, when the memo knows them), or false. */
    private boolean skipped() {
        int from = pos;
        if (memo != null) {
            ReportMemo.Known known = memo.find(in, from);
            if (known != null) {
                pos = from + known.length();
                return true;
            }
        }
        if (!stringOrFlatObject()) {
            return false;
        }
        if (memo != null) {
            memo.put(in, from, pos, null);
        }
        return true;
    }

    private boolean isKey(int from, int to, byte[] ascii) {
        return to - from == ascii.length && Arrays.equals(in, from, to, ascii, 0, ascii.length);
    }

    /** The metric name {@code in[from, to)}, the same String as the last row's at this position when equal. */
    private String name(int position, int from, int to) {
        if (position >= names.length) {
            names = Arrays.copyOf(names, position * 2);
            nameBytes = Arrays.copyOf(nameBytes, position * 2);
        }
        byte[] known = nameBytes[position];
        if (known != null && isKey(from, to, known)) {
            return names[position];
        }
        byte[] bytes = Arrays.copyOfRange(in, from, to);
        String name = new String(bytes, StandardCharsets.US_ASCII);
        nameBytes[position] = bytes;
        names[position] = name;
        return name;
    }
}
