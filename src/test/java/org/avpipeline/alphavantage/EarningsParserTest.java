package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;

/**
 * The streamed EARNINGS parser gives what reading the whole answer as a JSON tree gives ({@link #asTree}, the parser
 * it replaced, kept here as the reference): the same rows, or the same message for an answer it refuses.
 */
class EarningsParserTest {
    private static final AvFunction F = AvFunction.EARNINGS;

    private static final String ANSWER = "{\"symbol\": \"X\",\n \"annualEarnings\": [{\"fiscalDateEnding\": \"2023-12-31\","
            + " \"reportedEPS\": \"4.1\"}],\n \"quarterlyEarnings\": [\n"
            + "  {\"fiscalDateEnding\": \"2024-03-31\", \"reportedDate\": \"2024-04-25\", \"reportedEPS\": \"1.05\","
            + " \"estimatedEPS\": \"1.0\", \"surprise\": \"0.05\", \"surprisePercentage\": \"5\","
            + " \"reportTime\": \"post-market\"},\n"
            + "  {\"fiscalDateEnding\": \"2023-12-31\", \"reportedDate\": \"None\", \"reportedEPS\": \"None\","
            + " \"reportTime\": \"pre-market\", \"reportedEPS\": \"0.9\"},\n"
            + "  {\"fiscalDateEnding\": \"2024-03-31\", \"reportedDate\": \"2024-04-26\", \"reportedEPS\": 2},\n"
            + "  {\"fiscalDateEnding\": \"2023-09-30\", \"reportedEPS\": \"-\", \"reportTime\": null, \"x\": {\"y\": [1]}}\n"
            + " ]}\n";

    @Test
    void readsTheRowsAsTheTreeDoes() {
        List<EarningsReport> rows = EarningsParser.parse(utf8(ANSWER));
        assertEquals(List.of(
                new EarningsReport(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 4, 25), "post-market", 1.05),
                new EarningsReport(LocalDate.of(2023, 12, 31), null, "pre-market", 0.9),
                new EarningsReport(LocalDate.of(2023, 9, 30), null, null, Double.NaN)), rows,
                "a repeated date keeps its first row, a repeated key its last value");
        agree(utf8(ANSWER));
    }

    @Test
    void agreesWithTheTreeOnEveryByteDeletedOrChanged() {
        Bodies.eachByteDeletedOrChanged(utf8(ANSWER), " \"{}[]:,.0-9xn\\E\t", 17, EarningsParserTest::agree);
    }

    @Test
    void agreesWithTheTreeOnOddShapes() {
        String[] odd = {"[1,2]", "", "{", "{}", "nul", "{\"quarterlyEarnings\": {}}", "{\"quarterlyEarnings\": [1, []]}",
            "{\"quarterlyEarnings\": [], \"quarterlyEarnings\": 3}", "{\"quarterlyEarnings\": 3, \"quarterlyEarnings\": []}",
            "{\"quarterlyEarnings\": [{\"fiscalDateEnding\": 20240331}]}",
            "{\"quarterlyEarnings\": [{\"fiscalDateEnding\": \"2024-03-31\", \"reportTime\": {\"a\": 1}}]}",
            "{\"quarterlyEarnings\": [{\"fiscalDateEnding\": \"2024-03-31\", \"reportedDate\": 5}]}",
            "{\"quarterlyEarnings\": [{\"fiscalDateEnding\": \"2024-03-31\"}]} trailing", "\uFEFF" + ANSWER};
        for (String body : odd) {
            agree(utf8(body));
        }
    }

    @Test
    void agreesWithTheTreeOnSimulatedAndRealAnswers() throws IOException {
        SimulatedMarket market = SimulatedMarket.create(42, "QQQ", 12, LocalDate.of(2025, 6, 30));
        for (String ticker : market.tickers()) {
            agree(market.answer(F, ticker));
        }
        int real = 0;
        for (Path f : RealAnswersTest.realFiles(p -> p.getFileName().toString().startsWith("EARNINGS"))) {
            agree(Files.readAllBytes(f));
            real++;
        }
        assertTrue(real > 0, "no real EARNINGS answers among the fixtures");
    }

    private static void agree(byte[] body) {
        String expected;
        try {
            expected = asTree(body).toString();
        } catch (MalformedAnswerException e) {
            expected = "refused: " + e.getMessage();
        }
        String actual;
        try {
            actual = EarningsParser.parse(body).toString();
        } catch (MalformedAnswerException e) {
            actual = "refused: " + e.getMessage();
        }
        assertEquals(expected, actual, new String(body, StandardCharsets.UTF_8));
    }

    /** The parser before it was streamed: the answer read whole as a tree. */
    private static List<EarningsReport> asTree(byte[] body) {
        JsonNode root = AnswerValues.tree(F, body);
        List<EarningsReport> reports = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (JsonNode row : AnswerValues.dataArray(F, root)) {
            LocalDate fiscal = AnswerValues.requiredDate(F, "fiscalDateEnding", row.get("fiscalDateEnding"));
            LocalDate reported = AnswerValues.optionalDate(F, "reportedDate", row.get("reportedDate"));
            String reportTime = AnswerValues.text(row.get("reportTime"));
            if (seen.add(fiscal)) {
                double eps;
                try {
                    JsonNode node = row.get("reportedEPS");
                    eps = node == null ? Double.NaN : AnswerValues.number(F, "reportedEPS", node);
                } catch (MalformedAnswerException e) {
                    eps = Double.NaN;
                }
                reports.add(new EarningsReport(fiscal, reported, reportTime, eps));
            }
        }
        return reports;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
