package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class AnswerParsersTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AnswerParsersTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void dailyBarsAscendingFirstDuplicateWinsMissingIsNaN() throws IOException {
        List<DailyBar> bars = AnswerParsers.parseDailyAdjusted(resource("daily-unordered.json"));
        assertEquals(List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), LocalDate.of(2024, 1, 4)),
                bars.stream().map(DailyBar::date).toList());
        DailyBar first = bars.get(0);
        assertEquals(new DailyBar(LocalDate.of(2024, 1, 2), 10.0, 11.0, 9.5, 10.5, 5.25, 1000, 0.1, 1.0), first);
        DailyBar gaps = bars.get(1);
        assertTrue(Double.isNaN(gaps.open()));
        assertTrue(Double.isNaN(gaps.high()));
        assertTrue(Double.isNaN(gaps.low()));
        assertEquals(11.0, gaps.close());
        assertEquals(2.0, bars.get(2).splitCoefficient());
    }

    @Test
    void statementKeepsQuarterlyOnlyInOrderFirstDuplicateAndRenamesCashFlowNetIncome() throws IOException {
        List<StatementReport> reports = AnswerParsers.parseStatement(AvFunction.CASH_FLOW, resource("cash-flow.json"));
        assertEquals(2, reports.size());
        StatementReport dec = reports.get(0);
        assertEquals(LocalDate.of(2023, 12, 31), dec.fiscalDateEnding());
        assertEquals("USD", dec.reportedCurrency());
        assertEquals(400.0, dec.metric("operatingCashflow"));
        assertEquals(150.0, dec.metric(Metrics.CASH_FLOW_NET_INCOME));
        assertFalse(dec.metrics().containsKey("netIncome"));
        assertFalse(dec.metrics().containsKey("fiscalDateEnding"));
        assertFalse(dec.metrics().containsKey("reportedCurrency"));
        assertTrue(Double.isNaN(dec.metric("capitalExpenditures")));
        assertTrue(Double.isNaN(dec.metric("changeInInventory")));
        assertTrue(Double.isNaN(dec.metric("dividendPayout")));
        assertEquals(List.of("operatingCashflow", "capitalExpenditures", "changeInInventory", "dividendPayout",
                Metrics.CASH_FLOW_NET_INCOME), List.copyOf(dec.metrics().keySet()));
        StatementReport sep = reports.get(1);
        assertEquals(LocalDate.of(2023, 9, 30), sep.fiscalDateEnding());
        assertEquals(-300.5, sep.metric("operatingCashflow"));
        assertEquals(1000.0, sep.metric("changeInInventory"));
    }

    @Test
    void incomeStatementKeepsNetIncomeName() throws IOException {
        List<StatementReport> reports = AnswerParsers.parseStatement(AvFunction.INCOME_STATEMENT,
                resource("cash-flow.json"));
        assertEquals(150.0, reports.get(0).metric("netIncome"));
        assertFalse(reports.get(0).metrics().containsKey(Metrics.CASH_FLOW_NET_INCOME));
    }

    @Test
    void statementOfANonStatementFunctionIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> AnswerParsers.parseStatement(AvFunction.EARNINGS, utf8("{\"quarterlyReports\": []}")));
    }

    @Test
    void emptyListsAreData() {
        assertEquals(List.of(), AnswerParsers.parseStatement(AvFunction.BALANCE_SHEET,
                utf8("{\"symbol\": \"X\", \"annualReports\": [], \"quarterlyReports\": []}")));
        assertEquals(List.of(), AnswerParsers.parseSplits(utf8("{\"symbol\": \"X\", \"data\": []}")));
        assertEquals(List.of(), AnswerParsers.parseEarnings(utf8("{\"symbol\": \"X\", \"quarterlyEarnings\": []}")));
    }

    @Test
    void earningsQuarterlyOnlyWithOptionalReportedDateAndTime() throws IOException {
        List<EarningsReport> e = AnswerParsers.parseEarnings(resource("earnings.json"));
        assertEquals(List.of(
                new EarningsReport(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 1, 25), "post-market", 1.1),
                new EarningsReport(LocalDate.of(2023, 9, 30), null, null, Double.NaN)), e);
    }

    @Test
    void splitsInAnswerOrder() throws IOException {
        List<Split> s = AnswerParsers.parseSplits(resource("splits.json"));
        assertEquals(3, s.size());
        assertEquals(new Split(LocalDate.of(2024, 6, 10), 10.0), s.get(0));
        assertEquals(new Split(LocalDate.of(2021, 7, 20), 4.0), s.get(1));
        assertTrue(Double.isNaN(s.get(2).factor()));
    }

    @Test
    void etfProfileHoldingsAsAnswered() throws IOException {
        EtfProfile p = AnswerParsers.parseEtfProfile("TEST", resource("etf-profile.json"));
        assertEquals("TEST", p.etfSymbol());
        assertEquals(List.of("MSFT", "n/a", "", "aapl"), p.holdings().stream().map(EtfHolding::symbol).toList());
        assertEquals(0.08, p.holdings().get(0).weight());
        assertTrue(Double.isNaN(p.holdings().get(2).weight()));
    }

    @Test
    void unparseableNumberNamesFunctionFieldAndValue() {
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
                () -> AnswerParsers.parseStatement(AvFunction.BALANCE_SHEET, utf8("{\"quarterlyReports\": ["
                        + "{\"fiscalDateEnding\": \"2023-12-31\", \"totalAssets\": \"12a4\"}]}")));
        assertTrue(e.getMessage().contains("BALANCE_SHEET"), e.getMessage());
        assertTrue(e.getMessage().contains("totalAssets"), e.getMessage());
        assertTrue(e.getMessage().contains("12a4"), e.getMessage());
        assertEquals(AvFunction.BALANCE_SHEET, e.function());
    }

    @Test
    void numbersThatJavaWouldAcceptButAreNotDecimalsAreMalformed() {
        for (String bad : List.of("NaN", "Infinity", "0x10", "1.5d", "1,000")) {
            assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseSplits(
                    utf8("{\"data\": [{\"effective_date\": \"2020-01-01\", \"split_factor\": \"" + bad + "\"}]}")),
                    bad);
        }
    }

    @Test
    void unparseableDatesAreMalformed() {
        MalformedAnswerException e = assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseEarnings(
                utf8("{\"quarterlyEarnings\": [{\"fiscalDateEnding\": \"2023-13-45\", \"reportedDate\": \"x\"}]}")));
        assertTrue(e.getMessage().contains("EARNINGS") && e.getMessage().contains("fiscalDateEnding")
                && e.getMessage().contains("2023-13-45"), e.getMessage());
        MalformedAnswerException daily = assertThrows(MalformedAnswerException.class,
                () -> AnswerParsers.parseDailyAdjusted(utf8("{\"Time Series (Daily)\": {\"yesterday\": {}}}")));
        assertTrue(daily.getMessage().contains("yesterday"), daily.getMessage());
    }

    @Test
    void missingFiscalDateIsMalformed() {
        assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseStatement(AvFunction.INCOME_STATEMENT,
                utf8("{\"quarterlyReports\": [{\"fiscalDateEnding\": \"None\", \"netIncome\": \"1\"}]}")));
    }

    @Test
    void nonDataAndBrokenBodiesAreMalformedForParsers() {
        assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseStatement(AvFunction.INCOME_STATEMENT,
                utf8("{}")));
        assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseDailyAdjusted(utf8("{}")));
        assertThrows(MalformedAnswerException.class,
                () -> AnswerParsers.parseDailyAdjusted(utf8("{\"Time Series (Daily)\": {\"2024-01-02\": {\"1. op")));
        assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseSplits(utf8("not json")));
        assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseEarnings(utf8("[1,2]")));
        for (String empty : new String[] {"", "  \n"}) {
            assertTrue(assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseSplits(utf8(empty)))
                    .getMessage().contains("not a JSON object"), empty);
        }
        assertTrue(assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseSplits(utf8("{\"data\": [")))
                .getMessage().contains("not valid JSON"));
    }

    @Test
    void checkAcceptsEveryFunctionsValidBody() {
        for (AvFunction f : AvFunction.values()) {
            AnswerParsers.check(f, "X", utf8(Bodies.of(f, "X")));
        }
        assertThrows(MalformedAnswerException.class,
                () -> AnswerParsers.check(AvFunction.SPLITS, "X", utf8(Bodies.of(AvFunction.EARNINGS, "X"))));
    }
}
