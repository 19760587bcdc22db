package org.avpipeline.simulator;

import static org.avpipeline.simulator.Answers.answer;
import static org.avpipeline.simulator.Answers.bars;
import static org.avpipeline.simulator.Answers.list;
import static org.avpipeline.simulator.Answers.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every scenario is carried by some ticker of the default market, and its data really shows it. */
class ScenarioTest {
    private static final SimulatedMarket MARKET = Answers.defaultMarket();

    @Test
    void tenTickersShowEveryScenario() {
        SimulatedMarket ten = SimulatedMarket.create(7, "QQQ", 10, Answers.AS_OF);
        Set<Scenario> seen = new HashSet<>();
        ten.tickers().forEach(t -> seen.addAll(ten.scenarios(t)));
        assertEquals(Set.of(Scenario.values()), seen);
    }

    @Test
    void theFirstTenPositionsHaveFixedScenarios() {
        assertEquals(List.of("ACMA", "NVLT", "BRKW", "QNTX", "SPRK", "HLDN", "GRWF", "MRDN", "PLTX", "CSTR"),
                MARKET.tickers().subList(0, 10));
        assertEquals(Set.of(Scenario.FISCAL_YEAR_JANUARY, Scenario.WEEK_52_53, Scenario.SPLITS,
                Scenario.AS_REPORTED_SHARES), MARKET.scenarios("NVLT"));
        assertEquals(List.of("QNTX"), MARKET.tickersWith(Scenario.SHORT_HISTORY).subList(0, 1));
        assertEquals(Set.of(), MARKET.scenarios(MARKET.unknownSymbol()));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void eachScenarioShowsInTheDataOfItsFirstTicker(Scenario scenario) {
        List<String> carriers = MARKET.tickersWith(scenario);
        assertFalse(carriers.isEmpty(), "no ticker shows " + scenario);
        String t = carriers.get(0);
        assertTrue(shows(scenario, t), t + " does not show " + scenario);
    }

    private static boolean shows(Scenario s, String t) {
        List<JsonNode> income = reports(AvFunction.INCOME_STATEMENT, t);
        List<JsonNode> balance = reports(AvFunction.BALANCE_SHEET, t);
        List<JsonNode> cash = reports(AvFunction.CASH_FLOW, t);
        List<JsonNode> earnings = list(answer(MARKET, AvFunction.EARNINGS, t).get("quarterlyEarnings"));
        return switch (s) {
            case WEEKEND_REPORTS -> earnings.stream().map(e -> e.get("reportedDate").asText())
                    .filter(d -> !d.equals("None")).anyMatch(d -> !TradingCalendar.isTradingDay(LocalDate.parse(d)));
            case FISCAL_YEAR_JANUARY -> allMonthEnds(income, m -> m % 3 == 1) && income.size() > 40;
            case FISCAL_YEAR_NOVEMBER -> allMonthEnds(income, m -> m % 3 == 2) && income.size() > 40;
            case WEEK_52_53 -> income.stream().map(ScenarioTest::date).anyMatch(d -> !isMonthEnd(d))
                    && isMonthEnd(date(income.get(0)));
            case MISSING_QUARTER -> balance.size() == income.size() - 1 && gapOverThreeMonths(balance);
            case SHORT_HISTORY -> income.size() > 0 && income.size() < 10
                    && bars(MARKET, t).firstKey().isAfter(Answers.AS_OF.minusYears(2));
            case LATE_LISTING -> bars(MARKET, t).firstKey().getYear() >= 2010 && income.size() >= 20;
            case SPIKE -> hasSpike(income, "totalRevenue") && hasSpike(balance, "totalAssets")
                    && hasSpike(cash, "operatingCashflow");
            case END_JUMP -> num(income.get(0), "operatingExpenses") > 5 * num(income.get(1), "operatingExpenses")
                    && num(balance.get(0), "totalLiabilities") < num(balance.get(1), "totalLiabilities") / 5;
            case ZERO_RUNS -> longestRun(income, "researchAndDevelopment", "0") >= 8
                    && longestRun(cash, "dividendPayout", "0") >= 12;
            case NONE_COLUMNS -> longestRun(balance, "inventory", "None") == balance.size()
                    && longestRun(income, "researchAndDevelopment", "None") == income.size();
            case DUPLICATE_ROWS -> hasDuplicate(income) && hasDuplicate(earnings);
            case FUND -> income.isEmpty() && balance.isEmpty() && cash.isEmpty() && earnings.isEmpty()
                    && bars(MARKET, t).size() > 1000;
            case MISSING_EARNINGS_ROWS -> {
                Set<String> withEarnings = new HashSet<>();
                earnings.forEach(e -> withEarnings.add(e.get("fiscalDateEnding").asText()));
                yield income.stream().filter(r -> !withEarnings.contains(r.get("fiscalDateEnding").asText()))
                        .count() >= 2;
            }
            case EARNINGS_WITHOUT_DATE -> earnings.stream().filter(e -> e.get("reportedDate").asText().equals("None"))
                    .count() == 2;
            case EMPTY_ROW -> cash.stream().anyMatch(ScenarioTest::everyMetricNone);
            case SPLITS -> list(answer(MARKET, AvFunction.SPLITS, t).get("data")).stream()
                    .anyMatch(x -> Double.parseDouble(x.get("split_factor").asText()) > 1);
            case REVERSE_SPLIT -> list(answer(MARKET, AvFunction.SPLITS, t).get("data")).stream()
                    .anyMatch(x -> x.get("split_factor").asText().equals("0.1000"));
            case DIVIDENDS -> bars(MARKET, t).values().stream().filter(b -> num(b, "7. dividend amount") > 0)
                    .count() > 20;
            case AS_REPORTED_SHARES -> shareJumps(t)[0] >= 1;
            case MIXED_SHARE_BASIS -> shareJumps(t)[0] >= 1 && shareJumps(t)[0] < shareJumps(t)[1];
            case LATE_SPLIT -> splitDates(t).stream().anyMatch(d -> !d.isAfter(bars(MARKET, t).lastKey())
                    && earnings.stream().map(e -> e.get("reportedDate").asText()).filter(x -> !x.equals("None"))
                            .map(LocalDate::parse).allMatch(x -> x.isBefore(d)));
            case ANNOUNCED_SPLIT -> splitDates(t).stream().anyMatch(d -> d.isAfter(bars(MARKET, t).lastKey()));
        };
    }

    private static List<JsonNode> reports(AvFunction f, String t) {
        return list(answer(MARKET, f, t).get("quarterlyReports"));
    }

    private static List<LocalDate> splitDates(String t) {
        return list(answer(MARKET, AvFunction.SPLITS, t).get("data")).stream()
                .map(x -> LocalDate.parse(x.get("effective_date").asText())).toList();
    }

    /**
     * {splits whose count jumps by about their factor between the quarters reported just before and just after them,
     * splits that have such quarters}.
     */
    private static int[] shareJumps(String t) {
        java.util.Map<String, LocalDate> reported = new java.util.HashMap<>();
        for (JsonNode e : list(answer(MARKET, AvFunction.EARNINGS, t).get("quarterlyEarnings"))) {
            String d = e.get("reportedDate").asText();
            if (!d.equals("None")) {
                reported.putIfAbsent(e.get("fiscalDateEnding").asText(), LocalDate.parse(d));
            }
        }
        List<JsonNode> sheets = reports(AvFunction.BALANCE_SHEET, t);
        int jumps = 0;
        int testable = 0;
        for (JsonNode split : list(answer(MARKET, AvFunction.SPLITS, t).get("data"))) {
            LocalDate day = LocalDate.parse(split.get("effective_date").asText());
            double k = Double.parseDouble(split.get("split_factor").asText());
            JsonNode before = null;
            JsonNode after = null;
            for (JsonNode q : sheets) {
                LocalDate r = reported.get(q.get("fiscalDateEnding").asText());
                if (r == null) {
                    continue;
                }
                if (r.isBefore(day) && (before == null || r.isAfter(reported.get(before.get("fiscalDateEnding")
                        .asText())))) {
                    before = q;
                } else if (!r.isBefore(day) && (after == null || r.isBefore(reported.get(after
                        .get("fiscalDateEnding").asText())))) {
                    after = q;
                }
            }
            if (before != null && after != null) {
                testable++;
                double ratio = num(after, "commonStockSharesOutstanding") / num(before, "commonStockSharesOutstanding");
                if (ratio > k / 1.2 && ratio < k * 1.2) {
                    jumps++;
                }
            }
        }
        return new int[] {jumps, testable};
    }

    private static LocalDate date(JsonNode row) {
        return LocalDate.parse(row.get("fiscalDateEnding").asText());
    }

    private static boolean isMonthEnd(LocalDate d) {
        return d.getDayOfMonth() == d.lengthOfMonth();
    }

    /** Every period ends at (or, for 52/53-week periods, within a week of) the end of a month that fits. */
    private static boolean allMonthEnds(List<JsonNode> rows, Predicate<Integer> month) {
        return rows.stream().map(ScenarioTest::date).map(ScenarioTest::nearestMonthEnd)
                .allMatch(d -> d != null && month.test(d.getMonthValue()));
    }

    private static LocalDate nearestMonthEnd(LocalDate d) {
        LocalDate e1 = d.withDayOfMonth(d.lengthOfMonth());
        LocalDate e0 = d.withDayOfMonth(1).minusDays(1);
        if (e1.toEpochDay() - d.toEpochDay() <= 7) {
            return e1;
        }
        return d.toEpochDay() - e0.toEpochDay() <= 7 ? e0 : null;
    }

    private static boolean gapOverThreeMonths(List<JsonNode> rows) {
        for (int i = 1; i < rows.size(); i++) {
            if (date(rows.get(i)).plusMonths(4).isBefore(date(rows.get(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasSpike(List<JsonNode> rows, String field) {
        for (int i = 3; i + 3 < rows.size(); i++) {
            List<Double> around = new ArrayList<>();
            for (int k = i - 3; k <= i + 3; k++) {
                if (k != i) {
                    around.add(num(rows.get(k), field));
                }
            }
            double max = around.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            if (num(rows.get(i), field) > 10 * max) {
                return true;
            }
        }
        return false;
    }

    private static int longestRun(List<JsonNode> rows, String field, String value) {
        int best = 0;
        int run = 0;
        for (JsonNode r : rows) {
            run = r.get(field).asText().equals(value) ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    private static boolean hasDuplicate(List<JsonNode> rows) {
        Set<String> seen = new HashSet<>();
        return rows.stream().anyMatch(r -> !seen.add(r.get("fiscalDateEnding").asText()));
    }

    private static boolean everyMetricNone(JsonNode row) {
        List<String> fields = Answers.keys(row);
        return fields.subList(2, fields.size()).stream().allMatch(f -> row.get(f).asText().equals("None"));
    }
}
