package org.avpipeline.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.DailyBar;
import org.avpipeline.alphavantage.EarningsReport;
import org.avpipeline.alphavantage.Split;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The build on IBM's real Alpha Vantage answers (shared fixtures, skipped when absent). The answers are read by a
 * minimal converter in this test, not by the project's parsers.
 */
class RealDataBuildTest {
    static final Path REAL = Path.of("..", "shared", "fixtures", "alpha-vantage", "real");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ibm() throws IOException {
        Path dir = REAL.resolve("IBM");
        Assumptions.assumeTrue(Files.isDirectory(dir), "real fixtures not found at " + REAL.toAbsolutePath());

        Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
        statements.put(AvFunction.INCOME_STATEMENT, statement(dir.resolve("INCOME_STATEMENT.json"), false));
        statements.put(AvFunction.BALANCE_SHEET, statement(dir.resolve("BALANCE_SHEET.json"), false));
        statements.put(AvFunction.CASH_FLOW, statement(dir.resolve("CASH_FLOW.json"), true));
        TickerData data = new TickerData("IBM", bars(dir.resolve("TIME_SERIES_DAILY_ADJUSTED@2021-03.full.json")),
                List.of(new Split(LocalDate.of(2021, 11, 4), 1.046), new Split(LocalDate.of(1999, 5, 27), 2)),
                earnings(dir.resolve("EARNINGS.json")), statements);

        TickerResult result = TickerBuild.build(data, BuildParameters.of(LocalDate.of(2005, 1, 1)));

        TickerFacts facts = result.facts();
        assertTrue(facts.dropouts().isEmpty(), facts.dropouts().toString());
        assertEquals(81, facts.continuousQuarters(), "every quarter 2006-03-31 .. 2026-03-31 is a month end");
        TickerPanel p = result.panel();
        assertNotNull(p);
        int last = p.rows() - 1;
        assertEquals(LocalDate.of(2021, 3, 19).toEpochDay(), p.dates(ArtifactSchema.DATE)[last]);
        assertEquals(LocalDate.of(2020, 12, 31).toEpochDay(), p.dates(ArtifactSchema.FISCAL_DATE_ENDING)[last]);
        // IBM's market cap in March 2021 was about 115 billion USD (128.9 USD × ~893 million shares)
        double marketCap = p.doubles("market_cap")[last];
        assertTrue(marketCap > 100_000 && marketCap < 130_000, "market cap " + marketCap);
        double revenuePerShare = p.doubles("totalRevenue_ttm_per_share")[last];
        assertTrue(revenuePerShare > 70 && revenuePerShare < 90, "TTM revenue per share " + revenuePerShare);
        assertTrue(p.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA)[last]);
        // every row has a value from 2006 on: the first quarter is reported in April 2006
        int firstWithData = 0;
        while (p.dates(ArtifactSchema.REPORTED_DATE)[firstWithData] == TickerPanel.NO_DATE) {
            firstWithData++;
        }
        assertTrue(p.dates(ArtifactSchema.DATE)[firstWithData] < LocalDate.of(2006, 5, 1).toEpochDay());
    }

    static List<StatementReport> statement(Path file, boolean cashFlow) throws IOException {
        List<StatementReport> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(file.toFile()).get("quarterlyReports")) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.properties().iterator(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                String name = f.getKey();
                if (name.equals("fiscalDateEnding") || name.equals("reportedCurrency")) {
                    continue;
                }
                metrics.put(cashFlow && name.equals("netIncome") ? Metrics.CASH_FLOW_NET_INCOME : name,
                        number(f.getValue().asText()));
            }
            out.add(new StatementReport(LocalDate.parse(r.get("fiscalDateEnding").asText()),
                    r.get("reportedCurrency").asText(), metrics));
        }
        return out;
    }

    static List<EarningsReport> earnings(Path file) throws IOException {
        List<EarningsReport> out = new ArrayList<>();
        for (JsonNode r : JSON.readTree(file.toFile()).get("quarterlyEarnings")) {
            String reported = r.path("reportedDate").asText("");
            out.add(new EarningsReport(LocalDate.parse(r.get("fiscalDateEnding").asText()),
                    reported.isEmpty() || reported.equals("None") ? null : LocalDate.parse(reported),
                    r.path("reportTime").asText(null)));
        }
        return out;
    }

    static List<DailyBar> bars(Path file) throws IOException {
        JsonNode series = JSON.readTree(file.toFile()).get("Time Series (Daily)");
        List<DailyBar> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = series.properties().iterator(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode b = e.getValue();
            out.add(new DailyBar(LocalDate.parse(e.getKey()), number(b, "1. open"), number(b, "2. high"),
                    number(b, "3. low"), number(b, "4. close"), number(b, "5. adjusted close"),
                    number(b, "6. volume"), number(b, "7. dividend amount"), number(b, "8. split coefficient")));
        }
        out.sort(java.util.Comparator.comparing(DailyBar::date));
        return out;
    }

    private static double number(JsonNode n, String field) {
        return number(n.path(field).asText(""));
    }

    private static double number(String s) {
        if (s.isEmpty() || s.equals("None") || s.equals("-")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
