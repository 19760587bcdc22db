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
import org.avpipeline.panel.Metrics;

/**
 * INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW: {@code quarterlyReports} only (never annual), in answer order; a
 * repeated fiscal date keeps its first row. Every field but the date and the currency is a metric; the cash flow's
 * {@code netIncome} becomes {@link Metrics#CASH_FLOW_NET_INCOME}.
 */
final class StatementParser {
    private StatementParser() {}

    static List<StatementReport> parse(AvFunction function, byte[] body) {
        if (!AvFunction.STATEMENTS.contains(function)) {
            throw new IllegalArgumentException(function + " is not a financial statement");
        }
        List<StatementReport> scanned = StatementScanner.scan(function, body);
        return scanned != null ? scanned : parseWithJackson(function, body);
    }

    /** The general path: any JSON, read as a tree, with the messages for what is wrong. */
    static List<StatementReport> parseWithJackson(AvFunction function, byte[] body) {
        JsonNode root = AnswerValues.tree(function, body);
        List<StatementReport> reports = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode row : AnswerValues.dataArray(function, root)) {
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
