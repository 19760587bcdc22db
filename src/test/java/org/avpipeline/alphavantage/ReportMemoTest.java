package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A statement's later answers take the reports whose bytes an earlier answer parsed; the reports are the same. */
class ReportMemoTest {
    private static final AvFunction F = AvFunction.INCOME_STATEMENT;
    private static final String Q1 = "{\"fiscalDateEnding\": \"2024-03-31\", \"reportedCurrency\": \"USD\", "
            + "\"totalRevenue\": \"100\", \"netIncome\": \"10\"}";
    private static final String Q4 = "{\"fiscalDateEnding\": \"2023-12-31\", \"reportedCurrency\": \"USD\", "
            + "\"totalRevenue\": \"90\", \"netIncome\": \"None\"}";
    private static final String Q4_RESTATED = Q4.replace("\"90\"", "\"91\"");
    private static final String Q2 = "{\"fiscalDateEnding\": \"2024-06-30\", \"reportedCurrency\": \"USD\", "
            + "\"totalRevenue\": \"110\", \"netIncome\": \"12\"}";

    private static byte[] answer(String... quarters) {
        return ("{\"symbol\": \"X\", \"annualReports\": [], \"quarterlyReports\": [\n  " + String.join(",\n  ", quarters)
                + "\n]}\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aReportWithTheSameBytesIsTheSameInstanceAndEveryReportIsWhatParsingGives() {
        ReportMemo memo = new ReportMemo(F);
        List<StatementReport> older = AnswerParsers.parseStatement(F, answer(Q1, Q4), memo);
        List<StatementReport> newer = AnswerParsers.parseStatement(F, answer(Q2, Q1, Q4_RESTATED), memo);
        assertEquals(AnswerParsers.parseStatement(F, answer(Q1, Q4)), older);
        assertEquals(AnswerParsers.parseStatement(F, answer(Q2, Q1, Q4_RESTATED)), newer);
        assertSame(older.get(0), newer.get(1), "Q1's bytes are unchanged: parsed once");
        assertNotSame(older.get(1), newer.get(2), "Q4 was restated: parsed again");
        assertEquals(91.0, newer.get(2).metric("totalRevenue"));
        assertEquals(4, memo.size());
        List<StatementReport> again = AnswerParsers.parseStatement(F, answer(Q1, Q4), memo);
        assertSame(older.get(0), again.get(0));
        assertSame(older.get(1), again.get(1));
        assertEquals(older, again);
    }

    @Test
    void theAnnualReportsShareTheMemoAndTheListNotAskedForIsSkippedByItsBytes() {
        byte[] body = ("{\"symbol\": \"X\", \"annualReports\": [" + Q4.replace("2023-12-31", "2022-12-31") + ", " + Q4
                + "], \"quarterlyReports\": [" + Q1 + ", " + Q4 + "]}").getBytes(StandardCharsets.US_ASCII);
        ReportMemo memo = new ReportMemo(F);
        List<StatementReport> quarters = AnswerParsers.parseStatement(F, body, memo);
        assertEquals(3, memo.size(), "two annual reports skipped, two quarters parsed, Q4 in both lists: one");
        List<StatementReport> annual = AnswerParsers.parseAnnualStatement(F, body, memo);
        assertEquals(AnswerParsers.parseAnnualStatement(F, body), annual);
        assertEquals(AnswerParsers.parseStatement(F, body), quarters);
        assertSame(quarters.get(1), annual.get(1), "the same bytes in both lists: one report");
        assertEquals(List.of(AnswerParsers.parseStatement(F, body), annual),
                List.of(AnswerParsers.parseStatement(F, body, memo), AnswerParsers.parseAnnualStatement(F, body, memo)));
    }

    @Test
    void aValueHoldingABraceIsParsedEveryTimeAndStillRight() {
        ReportMemo memo = new ReportMemo(F);
        String braced = Q4.replace("\"USD\"", "\"U}SD\"");
        List<StatementReport> first = AnswerParsers.parseStatement(F, answer(Q1, braced), memo);
        List<StatementReport> second = AnswerParsers.parseStatement(F, answer(Q1, braced), memo);
        assertEquals(AnswerParsers.parseStatement(F, answer(Q1, braced)), second);
        assertEquals("U}SD", second.get(1).reportedCurrency());
        assertEquals(first, second);
    }

    @Test
    void anAnswerTheScannerLeavesToJacksonStillParsesAndAMemoIsForOneStatement() {
        ReportMemo memo = new ReportMemo(F);
        byte[] number = answer(Q1.replace("\"100\"", "100")); // a JSON number: Jackson's path
        assertEquals(AnswerParsers.parseStatement(F, number), AnswerParsers.parseStatement(F, number, memo));
        assertThrows(IllegalArgumentException.class, () -> AnswerParsers.parseStatement(AvFunction.CASH_FLOW,
                answer(Q1), memo));
        assertThrows(IllegalArgumentException.class, () -> new ReportMemo(AvFunction.EARNINGS));
    }
}
