package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;

/** The statement scanner gives exactly Jackson's reports where it answers, and steps aside for everything else. */
class StatementScannerTest {
    private static final AvFunction F = AvFunction.CASH_FLOW;

    private static final String STATEMENT = "{\n    \"symbol\": \"X\",\n    \"annualReports\": [\n        {\n"
            + "            \"fiscalDateEnding\": \"2023-12-31\",\n            \"netIncome\": \"5\"\n        }\n    ],\n"
            + "    \"quarterlyReports\": [\n"
            + "        {\"fiscalDateEnding\": \"2024-03-31\", \"reportedCurrency\": \"USD\", \"netIncome\": \"-12.5\","
            + " \"operatingCashflow\": \"None\", \"capitalExpenditures\": \"123456789012345678\", \"dividendPayout\": \"-\"},\r\n"
            + "\t{\"fiscalDateEnding\": \"2023-12-31\", \"reportedCurrency\": \"None\", \"operatingCashflow\": \"1e3\","
            + " \"netIncome\": \"7\"},\n"
            + "        {\"fiscalDateEnding\": \"2024-03-31\", \"netIncome\": \"99\"},\n"
            + "        {\"fiscalDateEnding\": \"2023-09-30\"}\n    ]\n}\n";

    @Test
    void readsTheUsualShapeLikeJackson() {
        byte[] body = utf8(STATEMENT);
        List<StatementReport> scanned = StatementScanner.scan(F, body);
        assertNotNull(scanned);
        assertEquals(3, scanned.size(), "a repeated fiscal date keeps its first row");
        assertEquals(LocalDate.of(2024, 3, 31), scanned.get(0).fiscalDateEnding());
        assertEquals("USD", scanned.get(0).reportedCurrency());
        assertNull(scanned.get(1).reportedCurrency());
        assertSame(StatementParser.parseWithJackson(F, body), scanned);
    }

    @Test
    void readsTheAnnualReportsBesideTheQuarterlyOnes() {
        byte[] body = utf8(STATEMENT);
        List<StatementReport> annual = StatementParser.parseAnnual(F, body);
        assertEquals(1, annual.size());
        assertEquals(LocalDate.of(2023, 12, 31), annual.get(0).fiscalDateEnding());
        assertEquals(5.0, annual.get(0).metric("netIncome.cf"), "the cash flow's netIncome is netIncome.cf");
        assertNotNull(StatementScanner.scanAnnual(F, body));
        assertSame(StatementParser.parseAnnualWithJackson(F, body), annual);
        assertSame(StatementParser.parseWithJackson(F, body), StatementParser.parse(F, body));
        assertEquals(3, StatementParser.parse(F, body).size(), "the quarters are read as before");

        byte[] quarterlyOnly = utf8(STATEMENT.replace("\"annualReports\"", "\"other\""));
        assertEquals(List.of(), StatementParser.parseAnnual(F, quarterlyOnly), "no annual reports: none");
        assertEquals(3, StatementParser.parse(F, quarterlyOnly).size());
        assertThrows(MalformedAnswerException.class, () -> StatementParser.parseAnnual(F,
                utf8("{\"annualReports\": \"x\", \"quarterlyReports\": []}")));
    }

    @Test
    void stepsAsideForWhatItDoesNotReadAndJacksonDecides() {
        String[] others = {
            STATEMENT.replace("\"-12.5\"", "-12.5"),                          // a JSON number
            STATEMENT.replace("\"None\", \"capital", "null, \"capital"),       // null
            STATEMENT.replace("\"symbol\": \"X\"", "\"symbol\": \"\\u0058\""), // an escape
            STATEMENT.replace("\"symbol\": \"X\"", "\"symbol\": \"Ä\""),       // non-ASCII
            STATEMENT.replace("\"symbol\": \"X\"", "\"symbol\": 1"),
            STATEMENT.replace("\"netIncome\": \"7\"", "\"netIncome\": \"7\", \"netIncome\": \"8\""), // repeated key
            STATEMENT.replace("\"2023-12-31\", \"reportedCurrency\"", "\" 2023-12-31\", \"reportedCurrency\""),
            STATEMENT + "trailing",
            "\uFEFF" + STATEMENT,
        };
        for (String text : others) {
            byte[] body = utf8(text);
            assertNull(StatementScanner.scan(F, body), text);
            agree(body);
        }
    }

    @Test
    void invalidAnswersFailAsBefore() {
        String[] bad = {
            "", "[]", "{}", "{\"Information\": \"rate limit\"}", "{\"quarterlyReports\": {}}",
            STATEMENT.replace("2024-03-31", "last March"), STATEMENT.replace("\"-12.5\"", "\"-12,5\""),
            STATEMENT.substring(0, STATEMENT.length() / 2), STATEMENT.replace("{\"fiscalDateEnding\": \"2023-09-30\"}",
                    "{\"netIncome\": \"1\"}"),
        };
        for (String text : bad) {
            byte[] body = utf8(text);
            assertNull(StatementScanner.scan(F, body), text);
            MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
                    () -> StatementParser.parse(F, body), text);
            assertEquals(assertThrows(MalformedAnswerException.class,
                    () -> StatementParser.parseWithJackson(F, body)).getMessage(), e.getMessage());
        }
    }

    @Test
    void agreesWithJacksonOnEveryByteDeletedOrChanged() {
        Bodies.eachByteDeletedOrChanged(utf8(STATEMENT), " \"{}[]:,.0-9x\\nE\t", 11, StatementScannerTest::agree);
    }

    @Test
    void agreesWithJacksonOnSimulatedStatements() {
        SimulatedMarket market = SimulatedMarket.create(42, "QQQ", 12, LocalDate.of(2025, 6, 30));
        int scanned = 0;
        for (String ticker : market.tickers()) {
            for (AvFunction f : AvFunction.STATEMENTS) {
                byte[] body = market.answer(f, ticker);
                if (StatementScanner.scan(f, body) != null) {
                    scanned++;
                }
                agree(f, body);
            }
        }
        assertTrue(scanned > 0, "the scanner read none of the simulated statements");
    }

    @Test
    void agreesWithJacksonOnTheRealAnswers() throws IOException {
        List<Path> files = RealAnswersTest.realFiles(f -> true);
        int scanned = 0;
        for (Path f : files) {
            String name = f.getFileName().toString();
            for (AvFunction function : AvFunction.STATEMENTS) {
                if (name.startsWith(function.name())) {
                    byte[] body = Files.readAllBytes(f);
                    if (StatementScanner.scan(function, body) != null) {
                        scanned++;
                    }
                    agree(function, body);
                    assertSame(StatementParser.parseAnnualWithJackson(function, body),
                            StatementParser.parseAnnual(function, body));
                }
            }
        }
        assumeTrue(scanned > 0 || files.isEmpty(), "no statements among the real answers");
        assertTrue(scanned > 0, "the scanner read none of the real statements");
    }

    private static void agree(byte[] body) {
        agree(F, body);
    }

    private static void agree(AvFunction function, byte[] body) {
        List<StatementReport> expected;
        try {
            expected = StatementParser.parseWithJackson(function, body);
        } catch (MalformedAnswerException e) {
            assertNull(StatementScanner.scan(function, body), new String(body, StandardCharsets.UTF_8));
            assertNull(StatementScanner.scan(function, body, primed(function)), "with a memo");
            return;
        }
        assertSame(expected, StatementParser.parse(function, body));
        ReportMemo memo = primed(function);
        assertSame(expected, StatementParser.parse(function, body, memo));
        assertSame(expected, StatementParser.parse(function, body, memo)); // now every report from the memo
    }

    /**
     * A memo that knows the reports of {@link #STATEMENT} (quarterly parsed, annual skipped), so a changed answer is
     * read partly from it.
     */
    private static ReportMemo primed(AvFunction function) {
        ReportMemo memo = new ReportMemo(function);
        if (function == F) {
            StatementParser.parse(F, utf8(STATEMENT), memo);
        }
        return memo;
    }

    /** The same reports: dates, currencies, and every metric's name, order and raw bits. */
    private static void assertSame(List<StatementReport> expected, List<StatementReport> actual) {
        assertEquals(fields(expected), fields(actual));
    }

    private static List<Object> fields(List<StatementReport> reports) {
        List<Object> out = new ArrayList<>();
        for (StatementReport r : reports) {
            out.add(r.fiscalDateEnding());
            out.add(r.reportedCurrency());
            for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
                out.add(m.getKey());
                out.add(Double.doubleToRawLongBits(m.getValue()));
            }
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
