package org.avpipeline.alphavantage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * EARNINGS: {@code quarterlyEarnings} only, in answer order; a repeated fiscal date keeps its first row. Streamed with
 * Jackson: of each row only the four fields read are kept as JSON values (a repeated key keeping its last value, as a
 * JSON tree does); the rest of the answer ({@code annualEarnings}, estimates, surprises) is checked as JSON and skipped.
 * The answer is read whole before any row is judged, so an answer that is not JSON says so first.
 */
final class EarningsParser {
    private EarningsParser() {}

    private static final AvFunction F = AvFunction.EARNINGS;
    private static final String FISCAL = "fiscalDateEnding";
    private static final String REPORTED = "reportedDate";
    private static final String TIME = "reportTime";
    private static final String EPS = "reportedEPS";

    static List<EarningsReport> parse(byte[] body) {
        List<JsonNode[]> rows = rows(body);
        List<EarningsReport> reports = new ArrayList<>(rows.size());
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode[] row : rows) {
            LocalDate fiscal = AnswerValues.requiredDate(F, FISCAL, row[0]);
            LocalDate reported = AnswerValues.optionalDate(F, REPORTED, row[1]);
            String reportTime = AnswerValues.text(row[2]);
            if (seen.add(fiscal)) {
                reports.add(new EarningsReport(fiscal, reported, reportTime, eps(row[3])));
            }
        }
        return reports;
    }

    /** The rows of the answer's (last) {@code quarterlyEarnings} list: their four fields' values, each null if absent. */
    private static List<JsonNode[]> rows(byte[] body) {
        try (JsonParser p = AnswerValues.parser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                AnswerValues.tree(F, body); // says what it is: not JSON, or not an object
                throw new MalformedAnswerException(F, "the answer is not a JSON object");
            }
            List<JsonNode[]> rows = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean data = p.currentName().equals(F.dataKey());
                JsonToken value = p.nextToken();
                if (data) {
                    rows = value == JsonToken.START_ARRAY ? list(p) : null; // a later key wins, as in a tree
                    if (value != JsonToken.START_ARRAY) {
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (rows == null) {
                throw new MalformedAnswerException(F, "the answer has no '" + F.dataKey() + "' list");
            }
            return rows;
        } catch (JsonProcessingException e) {
            throw new MalformedAnswerException(F, "the answer is not valid JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new MalformedAnswerException(F, "the answer could not be read", e);
        }
    }

    /** After a list's '[': its rows up to its ']' (a row that is not an object has none of the fields). */
    private static List<JsonNode[]> list(JsonParser p) throws IOException {
        List<JsonNode[]> rows = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonNode[] row = new JsonNode[4];
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    int field = field(p.currentName());
                    JsonToken value = p.nextToken();
                    if (field < 0) {
                        p.skipChildren();
                    } else {
                        row[field] = value == JsonToken.VALUE_STRING ? JsonNodeFactory.instance.textNode(p.getText())
                                : AnswerValues.readTree(p);
                    }
                }
            } else {
                p.skipChildren();
            }
            rows.add(row);
        }
        return rows;
    }

    private static int field(String name) {
        return switch (name) {
            case FISCAL -> 0;
            case REPORTED -> 1;
            case TIME -> 2;
            case EPS -> 3;
            default -> -1;
        };
    }

    /** The reported EPS, NaN when missing or not a number (it is only compared between vintages). */
    private static double eps(JsonNode node) {
        try {
            return node == null ? Double.NaN : AnswerValues.number(F, EPS, node);
        } catch (MalformedAnswerException e) {
            return Double.NaN;
        }
    }
}
