package org.avpipeline.simulator;

import static org.avpipeline.simulator.Answers.AS_OF;
import static org.avpipeline.simulator.Answers.answer;
import static org.avpipeline.simulator.Answers.bars;
import static org.avpipeline.simulator.Answers.keys;
import static org.avpipeline.simulator.Answers.list;
import static org.avpipeline.simulator.Answers.num;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Test;

class SimulatedMarketTest {
    private final SimulatedMarket market = Answers.defaultMarket();

    @Test
    void sameSeedGivesIdenticalBytes() {
        SimulatedMarket again = Answers.defaultMarket();
        assertArrayEquals(market.answer(AvFunction.ETF_PROFILE, "QQQ"), again.answer(AvFunction.ETF_PROFILE, "QQQ"));
        for (String t : List.of("ACMA", "NVLT", "MRDN", "ZPHR")) {
            for (AvFunction f : AvFunction.PER_TICKER) {
                assertArrayEquals(market.answer(f, t), again.answer(f, t), t + " " + f);
            }
        }
    }

    @Test
    void aTickersDataDoesNotDependOnTheSizeOfTheUniverse() {
        SimulatedMarket big = SimulatedMarket.create(42, "QQQ", 3000, AS_OF);
        for (AvFunction f : AvFunction.PER_TICKER) {
            assertArrayEquals(market.answer(f, "SPRK"), big.answer(f, "SPRK"), f.name());
        }
        assertEquals(3000, big.tickers().size());
        assertEquals(3000, big.tickers().stream().distinct().count());
    }

    @Test
    void anotherSeedGivesOtherNumbersForTheSameSymbols() {
        SimulatedMarket other = SimulatedMarket.create(43, "QQQ", 20, AS_OF);
        assertEquals(market.tickers(), other.tickers());
        for (AvFunction f : List.of(AvFunction.TIME_SERIES_DAILY_ADJUSTED, AvFunction.EARNINGS,
                AvFunction.INCOME_STATEMENT, AvFunction.BALANCE_SHEET, AvFunction.CASH_FLOW)) {
            assertFalse(Arrays.equals(market.answer(f, "ORBT"), other.answer(f, "ORBT")), f.name());
        }
        assertFalse(Arrays.equals(market.answer(AvFunction.ETF_PROFILE, "QQQ"),
                other.answer(AvFunction.ETF_PROFILE, "QQQ")));
    }

    @Test
    void etfProfileListsTheConstituentsWithTheOdditiesOfRealProfiles() {
        JsonNode profile = answer(market, AvFunction.ETF_PROFILE, "QQQ");
        List<String> symbols = new ArrayList<>();
        profile.get("holdings").forEach(h -> symbols.add(h.get("symbol").asText()));
        assertEquals(20 + 4, symbols.size());
        assertEquals(2, symbols.stream().filter("n/a"::equals).count());
        assertTrue(symbols.contains(market.unknownSymbol()));
        assertEquals(20, symbols.stream().filter(market::knows).distinct().count());
        assertEquals(21, symbols.stream().filter(market::knows).count(), "one constituent listed twice");
        assertEquals(market.holdings().stream().map(EtfHolding::symbol).toList(), symbols);
        for (JsonNode h : profile.get("holdings")) {
            assertEquals(List.of("symbol", "description", "weight"), keys(h));
        }
        assertEquals("{}", new String(market.answer(AvFunction.ETF_PROFILE, "ACMA")), "a stock has no ETF profile");
    }

    @Test
    void unknownSymbolsAnswerLikeTheRealApi() {
        String gone = market.unknownSymbol();
        assertFalse(market.knows(gone));
        for (AvFunction f : List.of(AvFunction.SPLITS, AvFunction.EARNINGS, AvFunction.INCOME_STATEMENT,
                AvFunction.BALANCE_SHEET, AvFunction.CASH_FLOW)) {
            assertEquals("{}", new String(market.answer(f, gone)), f.name());
        }
        JsonNode ts = answer(market, AvFunction.TIME_SERIES_DAILY_ADJUSTED, gone);
        assertEquals(List.of("Error Message"), keys(ts));
        assertTrue(ts.get("Error Message").asText().startsWith("Invalid API call."));
    }

    @Test
    void everySplitIsOnTheDailySeriesWithItsFactorAndAMatchingPriceJump() {
        int splitsSeen = 0;
        for (String t : market.tickers()) {
            TreeMap<LocalDate, JsonNode> bars = bars(market, t);
            JsonNode splits = answer(market, AvFunction.SPLITS, t);
            assertEquals(List.of("symbol", "data"), keys(splits));
            Map<LocalDate, Double> factors = new HashMap<>();
            for (JsonNode s : splits.get("data")) {
                LocalDate day = LocalDate.parse(s.get("effective_date").asText());
                double factor = Double.parseDouble(s.get("split_factor").asText());
                if (day.isAfter(bars.lastKey())) {
                    assertTrue(market.scenarios(t).contains(Scenario.ANNOUNCED_SPLIT), t + " " + day);
                    continue; // announced, not in the prices yet
                }
                factors.put(day, factor);
                JsonNode bar = bars.get(day);
                assertEquals(factor, num(bar, "8. split coefficient"), 1e-12, t + " " + day);
                double before = num(bars.lowerEntry(day).getValue(), "4. close");
                double ratio = before / num(bar, "4. close");
                assertTrue(ratio > factor / 1.3 && ratio < factor * 1.3, t + " raw close ratio " + ratio);
                double adjusted = num(bars.lowerEntry(day).getValue(), "5. adjusted close")
                        / num(bar, "5. adjusted close");
                assertTrue(Math.abs(Math.log(adjusted)) < 0.25, t + " adjusted close jumps at the split: " + adjusted);
                splitsSeen++;
            }
            for (Map.Entry<LocalDate, JsonNode> e : bars.entrySet()) {
                if (num(e.getValue(), "8. split coefficient") != 1.0) {
                    assertTrue(factors.containsKey(e.getKey()), t + " coefficient without a split " + e.getKey());
                }
            }
        }
        assertTrue(splitsSeen >= 7, "splits in the default market: " + splitsSeen);
    }

    @Test
    void adjustedCloseIsTheCloseBackAdjustedForLaterSplitsAndDividends() {
        for (String t : List.of("ACMA", "NVLT", "BRKW", "PLTX", "GRWF", "CSTR")) {
            List<JsonNode> bars = new ArrayList<>(bars(market, t).values());
            int n = bars.size();
            double factor = 1;
            for (int i = n - 1; i >= 0; i--) {
                JsonNode bar = bars.get(i);
                double expected = num(bar, "4. close") * factor;
                assertEquals(expected, num(bar, "5. adjusted close"), Math.abs(expected) * 1e-9, t + " bar " + i);
                assertTrue(num(bar, "3. low") <= Math.min(num(bar, "1. open"), num(bar, "4. close")));
                assertTrue(num(bar, "2. high") >= Math.max(num(bar, "1. open"), num(bar, "4. close")));
                if (i > 0) {
                    double div = num(bar, "7. dividend amount");
                    factor *= (1 - div / num(bars.get(i - 1), "4. close")) / num(bar, "8. split coefficient");
                }
            }
        }
    }

    @Test
    void pricesAreOnTradingDaysNewestFirstUpToTheAsOfDate() {
        JsonNode ts = answer(market, AvFunction.TIME_SERIES_DAILY_ADJUSTED, "ORBT");
        List<String> days = keys(ts.get("Time Series (Daily)"));
        assertEquals("2025-06-30", days.get(0));
        assertEquals("1999-11-01", days.get(days.size() - 1));
        for (int i = 1; i < days.size(); i++) {
            assertTrue(days.get(i).compareTo(days.get(i - 1)) < 0);
            assertTrue(TradingCalendar.isTradingDay(LocalDate.parse(days.get(i))), days.get(i));
        }
        assertFalse(days.contains("2024-12-25"));
        assertFalse(days.contains("2024-07-04"));
        assertTrue(days.contains("2024-07-05"));
        assertEquals(List.of("1. open", "2. high", "3. low", "4. close", "5. adjusted close", "6. volume",
                "7. dividend amount", "8. split coefficient"), keys(ts.get("Time Series (Daily)").get(days.get(0))));
    }

    @Test
    void everyStatementReportHasEveryMetricOfSection10AsStrings() {
        Map<AvFunction, List<String>> metrics = Map.of(
                AvFunction.INCOME_STATEMENT, Metrics.INCOME_STATEMENT,
                AvFunction.BALANCE_SHEET, Metrics.BALANCE_SHEET,
                AvFunction.CASH_FLOW, Metrics.CASH_FLOW.stream()
                        .map(m -> m.equals(Metrics.CASH_FLOW_NET_INCOME) ? "netIncome" : m).toList());
        for (String t : market.tickers()) {
            for (AvFunction f : AvFunction.STATEMENTS) {
                JsonNode answer = answer(market, f, t);
                assertEquals(List.of("symbol", "annualReports", "quarterlyReports"), keys(answer));
                assertEquals(t, answer.get("symbol").asText());
                for (String part : List.of("annualReports", "quarterlyReports")) {
                    for (JsonNode report : answer.get(part)) {
                        List<String> fields = keys(report);
                        assertEquals(List.of("fiscalDateEnding", "reportedCurrency"), fields.subList(0, 2));
                        assertTrue(fields.containsAll(metrics.get(f)), t + " " + f + " lacks a metric");
                        assertFalse(fields.contains(Metrics.CASH_FLOW_NET_INCOME));
                        for (String m : metrics.get(f)) {
                            assertTrue(report.get(m).isTextual(), m);
                            String v = report.get(m).asText();
                            assertTrue(v.equals("None") || v.matches("-?\\d+"), t + " " + m + " = " + v);
                        }
                    }
                }
            }
        }
    }

    @Test
    void statementsAreNewestFirstWithSomeAnnualReports() {
        JsonNode income = answer(market, AvFunction.INCOME_STATEMENT, "ORBT");
        List<JsonNode> q = list(income.get("quarterlyReports"));
        assertTrue(q.size() >= 80, "about 20 years of quarters: " + q.size());
        for (int i = 1; i < q.size(); i++) {
            assertTrue(q.get(i).get("fiscalDateEnding").asText().compareTo(q.get(i - 1).get("fiscalDateEnding").asText())
                    < 0);
        }
        assertTrue(income.get("annualReports").size() >= 3);
    }

    @Test
    void figuresArePlausibleAndTheBalanceSheetAddsUp() {
        for (String t : List.of("ACMA", "ORBT", "VRDA", "LMNR", "TDWY")) {
            java.util.Set<String> restatedIncome = restated(t, AvFunction.INCOME_STATEMENT);
            java.util.Set<String> restatedBalance = restated(t, AvFunction.BALANCE_SHEET);
            for (JsonNode r : answer(market, AvFunction.INCOME_STATEMENT, t).get("quarterlyReports")) {
                double revenue = num(r, "totalRevenue");
                assertTrue(revenue > 0);
                if (!Double.isNaN(num(r, "costOfRevenue")) && !Double.isNaN(num(r, "grossProfit"))
                        && !restatedIncome.contains(r.get("fiscalDateEnding").asText())) {
                    assertTrue(num(r, "costOfRevenue") < revenue, t);
                    assertEquals(revenue - num(r, "costOfRevenue"), num(r, "grossProfit"), 2.0, t);
                }
            }
            for (JsonNode r : answer(market, AvFunction.BALANCE_SHEET, t).get("quarterlyReports")) {
                double assets = num(r, "totalAssets");
                double sum = num(r, "totalLiabilities") + num(r, "totalShareholderEquity");
                if (!Double.isNaN(sum) && !restatedBalance.contains(r.get("fiscalDateEnding").asText())) {
                    assertEquals(assets, sum, assets * 1e-6, t + " " + r.get("fiscalDateEnding"));
                }
                assertTrue(num(r, "commonStockSharesOutstanding") > 0);
            }
        }
    }

    /**
     * The fiscal dates of a ticker's rows the simulator restates by today (one value changed, {@link RestatedQuarters}):
     * a restated value need not keep the statement's identities, as a real restatement of one line would not.
     */
    private java.util.Set<String> restated(String ticker, AvFunction statement) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (StatementRow row : market.financials(ticker).quarterly().get(statement)) {
            if (RestatedQuarters.restatement(market.seed(), ticker, statement, row) != null) {
                out.add(row.fiscalDateEnding().toString());
            }
        }
        return out;
    }

    @Test
    void sharesAreAsReportedAndJumpByTheSplitFactorAtTheFirstReportAfterTheSplit() {
        Map<String, LocalDate> reported = new HashMap<>();
        for (JsonNode e : answer(market, AvFunction.EARNINGS, "NVLT").get("quarterlyEarnings")) {
            reported.put(e.get("fiscalDateEnding").asText(), LocalDate.parse(e.get("reportedDate").asText()));
        }
        List<JsonNode> sheets = list(answer(market, AvFunction.BALANCE_SHEET, "NVLT").get("quarterlyReports"));
        int jumps = 0;
        for (JsonNode s : answer(market, AvFunction.SPLITS, "NVLT").get("data")) {
            LocalDate day = LocalDate.parse(s.get("effective_date").asText());
            double factor = Double.parseDouble(s.get("split_factor").asText());
            for (int i = 0; i + 1 < sheets.size(); i++) {
                LocalDate newer = reported.get(sheets.get(i).get("fiscalDateEnding").asText());
                LocalDate older = reported.get(sheets.get(i + 1).get("fiscalDateEnding").asText());
                if (!newer.isBefore(day) && older.isBefore(day)) {
                    double ratio = num(sheets.get(i), "commonStockSharesOutstanding")
                            / num(sheets.get(i + 1), "commonStockSharesOutstanding");
                    assertEquals(factor, ratio, factor * 0.05, "shares jump at the report after " + day);
                    jumps++;
                }
            }
        }
        assertEquals(3, jumps);
    }

    @Test
    void earningsAreReportedFifteenToSixtyDaysAfterTheQuarter() {
        int rows = 0;
        for (String t : market.tickers()) {
            JsonNode earnings = answer(market, AvFunction.EARNINGS, t);
            assertEquals(List.of("symbol", "annualEarnings", "quarterlyEarnings"), keys(earnings));
            boolean withTime = earnings.get("quarterlyEarnings").isEmpty()
                    || earnings.get("quarterlyEarnings").get(0).has("reportTime");
            for (JsonNode e : earnings.get("quarterlyEarnings")) {
                List<String> fields = new java.util.ArrayList<>(List.of("fiscalDateEnding", "reportedDate",
                        "reportedEPS", "estimatedEPS", "surprise", "surprisePercentage"));
                if (withTime) { // a ticker answers with reportTime on every row or, as before 2022, on none
                    fields.add("reportTime");
                    assertTrue(List.of("pre-market", "post-market").contains(e.get("reportTime").asText()));
                }
                assertEquals(fields, keys(e));
                String reported = e.get("reportedDate").asText();
                if (!reported.equals("None")) {
                    long lag = ChronoUnit.DAYS.between(LocalDate.parse(e.get("fiscalDateEnding").asText()),
                            LocalDate.parse(reported));
                    assertTrue(lag >= 15 && lag <= 60, t + " lag " + lag);
                    assertFalse(LocalDate.parse(reported).isAfter(AS_OF));
                    rows++;
                }
            }
        }
        assertTrue(rows > 1000);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2001-01-01", "2004-07-04", "2010-02-28", "2031-12-31"})
    void everyAnswerParsesForOtherAsOfDates(String date) {
        LocalDate asOf = LocalDate.parse(date);
        SimulatedMarket m = SimulatedMarket.create(5, "SPY", 40, asOf);
        assertEquals(44, Answers.answer(m, AvFunction.ETF_PROFILE, "SPY").get("holdings").size());
        for (String t : m.tickers()) {
            for (AvFunction f : AvFunction.PER_TICKER) {
                JsonNode a = Answers.answer(m, f, t);
                assertTrue(a.has(f.dataKey()), t + " " + f);
            }
            TreeMap<LocalDate, JsonNode> bars = bars(m, t);
            if (!bars.isEmpty()) {
                assertFalse(bars.lastKey().isAfter(asOf));
            }
        }
    }

    @Test
    void reportTimesAreAMixMostlyPostMarketSomePreMarketAndSomeTickersWithout() {
        int post = 0;
        int pre = 0;
        int tickersWithout = 0;
        for (String t : market.tickers()) {
            JsonNode rows = answer(market, AvFunction.EARNINGS, t).get("quarterlyEarnings");
            if (!rows.isEmpty() && !rows.get(0).has("reportTime")) {
                tickersWithout++;
            }
            for (JsonNode e : rows) {
                post += "post-market".equals(e.path("reportTime").asText()) ? 1 : 0;
                pre += "pre-market".equals(e.path("reportTime").asText()) ? 1 : 0;
            }
        }
        assertTrue(post > 2 * pre && pre > 0, "post-market " + post + ", pre-market " + pre);
        assertTrue(tickersWithout >= 1 && tickersWithout <= market.tickers().size() / 3,
                "tickers without reportTime: " + tickersWithout + " of " + market.tickers().size());
    }
}
