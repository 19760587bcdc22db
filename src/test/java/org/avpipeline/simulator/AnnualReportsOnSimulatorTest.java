package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.panel.AnnualCheck;
import org.avpipeline.panel.TickerBuild;
import org.avpipeline.panel.TickerData;
import org.avpipeline.panel.TickerResult;
import org.junit.jupiter.api.Test;

/**
 * The simulator's statements carry annualReports consistent with their quarters, a seeded few restated, so the
 * build's annual check (pipeline.md §4.1) finds most years matching and a few not; and annual values never enter
 * the panel.
 */
class AnnualReportsOnSimulatorTest {
    private static final SimulatedMarket MARKET = SimulatedMarket.create(7, "QQQ", 24, LocalDate.of(2025, 6, 30));

    @Test
    void mostFiscalYearsAddUpAndASeededFewDoNot() {
        Map<AvFunction, int[]> tally = new EnumMap<>(AvFunction.class);
        for (String ticker : MARKET.tickers()) {
            TickerResult r = SimulatedShareBasis.build(MARKET, ticker);
            String[] values = r.companions() == null || r.companions().quarters() == null ? new String[0]
                    : r.companions().quarters().strings(CompanionSchemas.ANNUAL_CHECK);
            long rowsChecked = java.util.Arrays.stream(values).filter(v -> v != null).count();
            for (AnnualCheck.FiscalYear y : r.facts().fiscalYears()) {
                int[] t = tally.computeIfAbsent(y.statement(), s -> new int[2]);
                t[0]++;
                t[1] += y.matched() ? 1 : 0;
            }
            assertTrue(rowsChecked <= r.facts().fiscalYears().size(), ticker);
        }
        for (AvFunction statement : AnnualCheck.STATEMENTS) {
            int[] t = tally.get(statement);
            assertTrue(t != null && t[0] >= 100, statement + " years checked: " + (t == null ? 0 : t[0]));
            assertTrue(t[1] >= 0.85 * t[0], statement + ": " + t[1] + " of " + t[0] + " matched");
            assertTrue(t[1] < t[0], statement + ": no restated year found among " + t[0]);
        }
    }

    @Test
    void theAnnualReportsCoverTheFiscalYearsAndNeverEnterThePanel() {
        String ticker = MARKET.tickers().get(0);
        List<StatementReport> annual = AnswerParsers.parseAnnualStatement(AvFunction.INCOME_STATEMENT,
                MARKET.answer(AvFunction.INCOME_STATEMENT, ticker));
        assertTrue(annual.size() >= 10 && annual.size() <= 20, annual.size() + " annual reports");
        TickerResult with = SimulatedShareBasis.build(MARKET, ticker);
        TickerData data = SimulatedShareBasis.data(MARKET, ticker);
        TickerResult without = TickerBuild.build(data.withAnnualStatements(Map.of()), SimulatedShareBasis.PARAMS);
        assertFalse(with.facts().fiscalYears().isEmpty());
        assertEquals(List.of(), without.facts().fiscalYears());
        for (org.avpipeline.artifact.Column column : org.avpipeline.artifact.ArtifactSchema.COLUMNS) {
            if (column.type() == org.avpipeline.artifact.ColumnType.DOUBLE) {
                assertArrayEquals(without.panel().doubles(column.name()), with.panel().doubles(column.name()), 0.0,
                        column.name());
            }
        }
        for (String column : CompanionSchemas.QUARTERLY_METRICS) {
            assertArrayEquals(without.companions().quarters().doubles(column),
                    with.companions().quarters().doubles(column), 0.0, column);
        }
    }
}
