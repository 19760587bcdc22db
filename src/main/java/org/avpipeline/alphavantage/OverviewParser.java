package org.avpipeline.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OVERVIEW: one flat object of strings ({@code "Symbol": "IBM", "AssetType": "Common Stock", "Name": ..., "CIK": ...,
 * "Exchange": ..., "Currency": ..., "Country": ..., "Sector": ..., "Industry": ..., "FiscalYearEnd": "December", ...
 * then dozens of valuation numbers, which are not kept). A fund or ETF answers {@code {}}: no company to describe,
 * which is data (stored, so it is not asked again for 30 days) and parses to no profile ({@code null}).
 */
final class OverviewParser {
    private OverviewParser() {}

    private static final AvFunction F = AvFunction.OVERVIEW;

    static CompanyOverview parse(byte[] body) {
        JsonNode root = AnswerValues.tree(F, body);
        if (root.isObject() && root.isEmpty()) {
            return null;
        }
        String symbol = AnswerValues.text(root.get("Symbol"));
        if (symbol == null) {
            throw new MalformedAnswerException(F, "the answer has no 'Symbol'");
        }
        return new CompanyOverview(symbol, text(root, "AssetType"), text(root, "Name"), text(root, "CIK"),
                text(root, "Exchange"), text(root, "Currency"), text(root, "Country"), text(root, "Sector"),
                text(root, "Industry"), text(root, "FiscalYearEnd"), null);
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node != null && !node.isNull() && !node.isValueNode()) {
            throw new MalformedAnswerException(F, "field " + field + " is not a string: "
                    + AnswerValues.shown(node.toString()));
        }
        String t = AnswerValues.text(node);
        return t == null ? null : t.trim();
    }
}
