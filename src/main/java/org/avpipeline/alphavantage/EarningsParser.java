package org.avpipeline.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** EARNINGS: {@code quarterlyEarnings} only, in answer order; a repeated fiscal date keeps its first row. */
final class EarningsParser {
    private EarningsParser() {}

    private static final AvFunction F = AvFunction.EARNINGS;

    static List<EarningsReport> parse(byte[] body) {
        JsonNode root = AnswerValues.tree(F, body);
        List<EarningsReport> reports = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode row : AnswerValues.dataArray(F, root)) {
            LocalDate fiscal = AnswerValues.requiredDate(F, "fiscalDateEnding", row.get("fiscalDateEnding"));
            LocalDate reported = AnswerValues.optionalDate(F, "reportedDate", row.get("reportedDate"));
            String reportTime = AnswerValues.text(row.get("reportTime"));
            if (seen.add(fiscal)) {
                reports.add(new EarningsReport(fiscal, reported, reportTime, eps(row.get("reportedEPS"))));
            }
        }
        return reports;
    }

    /** The reported EPS, NaN when missing or not a number (it is only compared between vintages). */
    private static double eps(JsonNode node) {
        try {
            return node == null ? Double.NaN : AnswerValues.number(F, "reportedEPS", node);
        } catch (MalformedAnswerException e) {
            return Double.NaN;
        }
    }
}
