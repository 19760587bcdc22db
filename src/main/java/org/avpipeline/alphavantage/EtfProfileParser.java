package org.avpipeline.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** ETF_PROFILE: the holdings, in answer order, as answered (symbols are cleaned by the universe, not here). */
final class EtfProfileParser {
    private EtfProfileParser() {}

    private static final AvFunction F = AvFunction.ETF_PROFILE;

    static EtfProfile parse(String etf, byte[] body) {
        JsonNode root = AnswerValues.tree(F, body);
        List<EtfHolding> holdings = new ArrayList<>();
        for (JsonNode h : AnswerValues.dataArray(F, root)) {
            String symbol = h.path("symbol").isTextual() ? h.path("symbol").textValue() : "";
            String description = h.path("description").isTextual() ? h.path("description").textValue() : "";
            JsonNode w = h.get("weight");
            // ETF profiles write "n/a" where other functions write "None".
            double weight = w != null && w.isTextual() && w.textValue().trim().equalsIgnoreCase("n/a")
                    ? Double.NaN : AnswerValues.number(F, "holdings.weight", w);
            holdings.add(new EtfHolding(symbol, description, weight));
        }
        return new EtfProfile(etf, holdings);
    }
}
