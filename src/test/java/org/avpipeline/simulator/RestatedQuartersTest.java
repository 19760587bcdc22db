package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;
import org.junit.jupiter.api.Test;

/** The simulator restates a seeded few percent of quarters, visible from the restatement day on (time travel). */
class RestatedQuartersTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 5, 18);

    @Test
    void aFewPercentOfQuartersChangeOneValueFromTheirRestatementDayOn() {
        SimulatedMarket market = SimulatedMarket.create(7, "QQQ", 40, AS_OF);
        MarketTimeline timeline = MarketTimeline.of(market);
        int rows = 0;
        int restated = 0;
        int checked = 0;
        for (String t : market.tickers()) {
            for (AvFunction f : AvFunction.STATEMENTS) {
                for (StatementRow row : market.financials(t).quarterly().get(f)) {
                    rows++;
                    RestatedQuarters.Restatement x = RestatedQuarters.restatement(market.seed(), t, f, row);
                    if (x == null) {
                        continue;
                    }
                    restated++;
                    if (checked < 20 && x.day().isAfter(AS_OF.minusYears(3)) && !x.day().isAfter(AS_OF)) {
                        String field = StatementFields.of(f).get(x.field());
                        double before = value(timeline, f, t, x.day().minusDays(1), row.fiscalDateEnding(), field);
                        double after = value(timeline, f, t, x.day(), row.fiscalDateEnding(), field);
                        if (!Double.isNaN(before)) {
                            assertEquals(x.value(), after, t + " " + f + " " + row.fiscalDateEnding() + " " + field);
                            assertTrue(before != after);
                            assertEquals(after, value(market, f, t, row.fiscalDateEnding(), field), "today's answer");
                            checked++;
                        }
                    }
                }
            }
        }
        double share = restated / (double) rows;
        assertTrue(share > 0.015 && share < 0.045, "a few percent: " + share);
        assertTrue(checked >= 5, "restatements seen through time travel: " + checked);
    }

    private static double value(MarketTimeline timeline, AvFunction f, String t, LocalDate view, LocalDate fiscal,
            String field) {
        return pick(AnswerParsers.parseStatement(f, timeline.answer(f, t, false, view)), fiscal, field);
    }

    private static double value(SimulatedMarket market, AvFunction f, String t, LocalDate fiscal, String field) {
        return pick(AnswerParsers.parseStatement(f, market.answer(f, t, false)), fiscal, field);
    }

    private static double pick(List<StatementReport> reports, LocalDate fiscal, String field) {
        String name = field.equals("netIncome") && reports.stream().anyMatch(r -> r.metrics().containsKey("netIncome.cf"))
                ? "netIncome.cf" : field;
        return reports.stream().filter(r -> r.fiscalDateEnding().equals(fiscal)).findFirst()
                .map(r -> r.metric(name)).orElse(Double.NaN);
    }
}
