package org.avpipeline.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.avpipeline.metrics.Metrics;

/**
 * INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW: {@code quarterlyReports} ({@link #parse}), the values of the panel, and
 * apart from them {@code annualReports} ({@link #parseAnnual}), read only to check the quarters (pipeline.md §2,
 * §4.1: annual values never enter a panel value); each in answer order, a repeated fiscal date keeping its first row.
 * Every field but the date and the currency is a metric; the cash flow's {@code netIncome} becomes
 * {@link Metrics#CASH_FLOW_NET_INCOME}.
 */
final class StatementParser {
    private StatementParser() {}

    static List<StatementReport> parse(AvFunction function, byte[] body) {
        return parse(function, body, null);
    }

    /** The same, with the reports of the statement's earlier answers ({@link ReportMemo}; null: none). */
    static List<StatementReport> parse(AvFunction function, byte[] body, ReportMemo memo) {
        requireStatement(function, memo);
        List<StatementReport> scanned = StatementScanner.scan(function, body, memo);
        return scanned != null ? scanned : parseWithJackson(function, body);
    }

    /** Refuses a function that is not a statement, or a memo of another statement. */
    private static void requireStatement(AvFunction function, ReportMemo memo) {
        if (!AvFunction.STATEMENTS.contains(function)) {
            throw new IllegalArgumentException(function + " is not a financial statement");
        }
        if (memo != null && memo.function() != function) {
            throw new IllegalArgumentException("a memo of " + memo.function() + " for " + function);
        }
    }

    /** The key of the annual reports in a statement answer. */
    static final String ANNUAL_KEY = "annualReports";

    /** The {@code annualReports}, empty when the answer has none (older answers, the simulator's before them). */
    static List<StatementReport> parseAnnual(AvFunction function, byte[] body) {
        return parseAnnual(function, body, null);
    }

    /** The same, with the reports of the statement's earlier answers ({@link ReportMemo}; null: none). */
    static List<StatementReport> parseAnnual(AvFunction function, byte[] body, ReportMemo memo) {
        requireStatement(function, memo);
        List<StatementReport> scanned = StatementScanner.scanAnnual(function, body, memo);
        return scanned != null ? scanned : parseAnnualWithJackson(function, body);
    }

    /** The general path of {@link #parseAnnual}. */
    static List<StatementReport> parseAnnualWithJackson(AvFunction function, byte[] body) {
        JsonNode annual = AnswerValues.tree(function, body).get(ANNUAL_KEY);
        if (annual == null || annual.isNull()) {
            return List.of();
        }
        if (!annual.isArray()) {
            throw new MalformedAnswerException(function, "'" + ANNUAL_KEY + "' is not a list");
        }
        return reports(function, annual);
    }

    /** The general path: any JSON, read as a tree, with the messages for what is wrong. */
    static List<StatementReport> parseWithJackson(AvFunction function, byte[] body) {
        JsonNode root = AnswerValues.tree(function, body);
        return reports(function, AnswerValues.dataArray(function, root));
    }

    /** The rows of a list of reports, in order, the first per fiscal date. */
    private static List<StatementReport> reports(AvFunction function, JsonNode rows) {
        List<StatementReport> reports = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode row : rows) {
            LocalDate fiscal = AnswerValues.requiredDate(function, "fiscalDateEnding", row.get("fiscalDateEnding"));
            String currency = AnswerValues.text(row.get("reportedCurrency"));
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                if (name.equals("fiscalDateEnding") || name.equals("reportedCurrency")) {
                    continue;
                }
                double value = AnswerValues.number(function, name, field.getValue());
                metrics.put(metricName(function, name), value);
            }
            if (seen.add(fiscal)) {
                reports.add(new StatementReport(fiscal, currency, metrics));
            }
        }
        return reports;
    }

    static String metricName(AvFunction function, String field) {
        return function == AvFunction.CASH_FLOW && field.equals("netIncome") ? Metrics.CASH_FLOW_NET_INCOME : field;
    }
}
