package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every real Alpha Vantage answer of the shared fixtures, parsed or classified, and facts from SOURCES.md. */
class RealAnswersTest {
    static final Path REAL = Path.of("..", "shared", "fixtures", "alpha-vantage", "real");

    /**
     * The real answers' files that {@code keep} selects, sorted by path; the calling test is skipped (with a message
     * saying where they were looked for) when the fixtures are absent.
     */
    static List<Path> realFiles(java.util.function.Predicate<Path> keep) throws IOException {
        assumeTrue(Files.isDirectory(REAL), "real Alpha Vantage fixtures absent at " + REAL.toAbsolutePath());
        try (Stream<Path> all = Files.walk(REAL)) {
            return all.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }

    static Path real(String relative) {
        assumeTrue(Files.isDirectory(REAL), "real Alpha Vantage fixtures absent at " + REAL.toAbsolutePath()
                + "; skipping");
        Path p = REAL.resolve(relative);
        assumeTrue(Files.exists(p), p + " absent; skipping");
        return p;
    }

    static byte[] bytes(String relative) throws IOException {
        return Files.readAllBytes(real(relative));
    }

    /** The function a fixture holds: the file name up to '@' or '.'. */
    static AvFunction functionOf(Path file) {
        String name = file.getFileName().toString();
        int end = name.length();
        for (char c : new char[] {'@', '.'}) {
            int i = name.indexOf(c);
            if (i >= 0) {
                end = Math.min(end, i);
            }
        }
        return AvFunction.valueOf(name.substring(0, end));
    }

    @TestFactory
    Stream<DynamicTest> everyRealJsonAnswerIsDataAndParses() throws IOException {
        List<Path> files = realFiles(p -> p.toString().endsWith(".json")
                && !p.getParent().getFileName().toString().equals("_errors"));
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(REAL.relativize(file).toString(), () -> {
            AvFunction f = functionOf(file);
            byte[] body = Files.readAllBytes(file);
            assertEquals(AnswerKind.DATA, AnswerClassifier.classify(f, 200, body).kind());
            String symbol = file.getParent().getFileName().toString();
            switch (f) {
                case ETF_PROFILE:
                    assertFalse(AnswerParsers.parseEtfProfile(symbol, body).holdings().isEmpty());
                    break;
                case TIME_SERIES_DAILY_ADJUSTED:
                    assertFalse(AnswerParsers.parseDailyAdjusted(body).isEmpty());
                    break;
                case SPLITS:
                    AnswerParsers.parseSplits(body);
                    break;
                case EARNINGS:
                    assertFalse(AnswerParsers.parseEarnings(body).isEmpty());
                    break;
                default:
                    List<StatementReport> reports = AnswerParsers.parseStatement(f, body);
                    assertFalse(reports.isEmpty());
                    assertTrue(reports.stream().noneMatch(r -> r.metrics().isEmpty()));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRealErrorBodyIsClassifiedNotData() throws IOException {
        Path errors = REAL.resolve("_errors");
        assumeTrue(Files.isDirectory(errors), "real error fixtures absent at " + errors.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> all = Files.list(errors)) {
            files = all.sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            AnswerKind kind = AnswerClassifier.classify(AvFunction.INCOME_STATEMENT, 200, Files.readAllBytes(file))
                    .kind();
            assertNotEquals(AnswerKind.DATA, kind);
        }));
    }

    @Test
    void ibmIncomeStatementHas81QuarterlyRows() throws IOException {
        List<StatementReport> r = AnswerParsers.parseStatement(AvFunction.INCOME_STATEMENT,
                bytes("IBM/INCOME_STATEMENT.json"));
        assertEquals(81, r.size());
        LocalDate min = r.stream().map(StatementReport::fiscalDateEnding).min(LocalDate::compareTo).orElseThrow();
        LocalDate max = r.stream().map(StatementReport::fiscalDateEnding).max(LocalDate::compareTo).orElseThrow();
        assertEquals(LocalDate.of(2006, 3, 31), min);
        assertEquals(LocalDate.of(2026, 3, 31), max);
        assertEquals(LocalDate.of(2026, 3, 31), r.get(0).fiscalDateEnding(), "answer order: newest first");
        assertTrue(r.get(0).metrics().keySet().containsAll(Metrics.INCOME_STATEMENT));
    }

    @Test
    void ibmCashFlowRenamesNetIncomeAndHasManyMissingValues() throws IOException {
        List<StatementReport> r = AnswerParsers.parseStatement(AvFunction.CASH_FLOW, bytes("IBM/CASH_FLOW.json"));
        assertEquals(81, r.size());
        assertTrue(r.get(0).metrics().containsKey(Metrics.CASH_FLOW_NET_INCOME));
        assertFalse(r.get(0).metrics().containsKey("netIncome"));
        long nan = r.stream().flatMap(x -> x.metrics().values().stream()).filter(v -> v.isNaN()).count();
        assertTrue(nan > 500, "IBM cash flow has many None values: " + nan);
    }

    @Test
    void ibmBalanceSheetHas81QuarterlyRows() throws IOException {
        assertEquals(81, AnswerParsers.parseStatement(AvFunction.BALANCE_SHEET, bytes("IBM/BALANCE_SHEET.json"))
                .size());
    }

    @Test
    void legacyIncomeStatementStillParses() throws IOException {
        List<StatementReport> r = AnswerParsers.parseStatement(AvFunction.INCOME_STATEMENT,
                bytes("IBM/INCOME_STATEMENT@2020-09.legacy.json"));
        assertEquals(20, r.size());
        assertEquals(LocalDate.of(2020, 6, 30), r.get(0).fiscalDateEnding());
        assertTrue(r.get(0).metrics().containsKey("totalOperatingExpense"));
    }

    @Test
    void qqqProfileHas103HoldingsThreeOfThemNa() throws IOException {
        EtfProfile p = AnswerParsers.parseEtfProfile("QQQ", bytes("QQQ/ETF_PROFILE.json"));
        assertEquals(103, p.holdings().size());
        assertEquals(3, p.holdings().stream().filter(h -> h.symbol().equals("n/a")).count());
        assertEquals("NVDA", p.holdings().get(0).symbol());
        double sum = p.holdings().stream().mapToDouble(EtfHolding::weight).sum();
        assertEquals(1.0, sum, 0.01);
    }

    @Test
    void ibmFullDailySeriesHas5380AscendingBars() throws IOException {
        List<DailyBar> bars = AnswerParsers.parseDailyAdjusted(bytes("IBM/TIME_SERIES_DAILY_ADJUSTED@2021-03.full.json"));
        assertEquals(5380, bars.size());
        assertEquals(LocalDate.of(1999, 11, 1), bars.get(0).date());
        assertEquals(LocalDate.of(2021, 3, 19), bars.get(bars.size() - 1).date());
        for (int i = 1; i < bars.size(); i++) {
            assertTrue(bars.get(i - 1).date().isBefore(bars.get(i).date()));
        }
        DailyBar last = bars.get(bars.size() - 1);
        assertEquals(new DailyBar(LocalDate.of(2021, 3, 19), 130.02, 130.44, 128.53, 128.9, 128.9, 9692786, 0, 1.0),
                last);
        assertEquals(86, bars.stream().filter(b -> b.dividendAmount() > 0).count());
    }

    @Test
    void ibmEarningsHave121QuarterlyRowsWithReportTime() throws IOException {
        List<EarningsReport> e = AnswerParsers.parseEarnings(bytes("IBM/EARNINGS.json"));
        assertEquals(121, e.size());
        assertEquals(100, e.stream().filter(x -> "post-market".equals(x.reportTime())).count());
        assertEquals(21, e.stream().filter(x -> "pre-market".equals(x.reportTime())).count());
        assertEquals(new EarningsReport(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 22), "post-market", 1.91),
                e.get(0));
    }

    @Test
    void legacyEarningsHaveNoReportTime() throws IOException {
        List<EarningsReport> e = AnswerParsers.parseEarnings(bytes("IBM/EARNINGS@2021-07.legacy.json"));
        assertEquals(102, e.size());
        assertTrue(e.stream().allMatch(x -> x.reportTime() == null));
    }

    @Test
    void unknownSymbolEmptyObjectAndDailyLimitAreClassified() throws IOException {
        assertEquals(AnswerKind.UNKNOWN_SYMBOL, AnswerClassifier.classify(AvFunction.INCOME_STATEMENT, 200,
                bytes("_errors/INCOME_STATEMENT_unknown_symbol_GRG.json")).kind());
        assertEquals(AnswerKind.THROTTLED, AnswerClassifier.classify(AvFunction.INCOME_STATEMENT, 200,
                bytes("_errors/Information_daily_limit_25.json")).kind());
    }
}
