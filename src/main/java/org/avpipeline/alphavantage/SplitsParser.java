package org.avpipeline.alphavantage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** SPLITS: {@code {"symbol": .., "data": [{"effective_date": .., "split_factor": ..}]}}, in answer order. */
final class SplitsParser {
    private SplitsParser() {}

    private static final AvFunction F = AvFunction.SPLITS;

    static List<Split> parse(byte[] body) {
        JsonNode root = AnswerValues.tree(F, body);
        List<Split> splits = new ArrayList<>();
        for (JsonNode row : AnswerValues.dataArray(F, root)) {
            splits.add(new Split(AnswerValues.requiredDate(F, "effective_date", row.get("effective_date")),
                    AnswerValues.number(F, "split_factor", row.get("split_factor"))));
        }
        return splits;
    }
}
