package org.avpipeline.simulator;

import static org.avpipeline.simulator.Answers.keys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulated answers parse with plain Jackson and have the structure of real Alpha Vantage answers (the real
 * files under {@code ../shared/fixtures/alpha-vantage/real}, skipped when absent): same top-level keys, same fields
 * in the same order; and the writer reproduces the byte-exact real files byte for byte.
 */
class RealLayoutTest {
    private static final Path REAL = Path.of("..", "shared", "fixtures", "alpha-vantage", "real");
    private final SimulatedMarket market = Answers.defaultMarket();

    private static JsonNode real(String file) throws IOException {
        Path p = REAL.resolve(file);
        assumeTrue(Files.isRegularFile(p), "real Alpha Vantage answers not present at " + p.toAbsolutePath());
        return Answers.JSON.readTree(p.toFile());
    }

    private JsonNode simulated(AvFunction f, String symbol) {
        return Answers.answer(market, f, symbol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INCOME_STATEMENT", "BALANCE_SHEET", "CASH_FLOW"})
    void statementsHaveTheRealFieldsInTheRealOrder(String function) throws IOException {
        JsonNode real = real("IBM/" + function + ".json");
        JsonNode sim = simulated(AvFunction.valueOf(function), "ACMA");
        assertEquals(keys(real), keys(sim));
        for (String part : List.of("annualReports", "quarterlyReports")) {
            assertEquals(keys(real.get(part).get(0)), keys(sim.get(part).get(0)), part);
            assertEquals(keys(real.get(part).get(0)), keys(sim.get(part).get(sim.get(part).size() - 1)), part);
        }
    }

    @Test
    void earningsHaveTheRealFields() throws IOException {
        JsonNode real = real("IBM/EARNINGS.json");
        JsonNode sim = simulated(AvFunction.EARNINGS, "ACMA");
        assertEquals(keys(real), keys(sim));
        assertEquals(keys(real.get("annualEarnings").get(0)), keys(sim.get("annualEarnings").get(0)));
        assertEquals(keys(real.get("quarterlyEarnings").get(0)), keys(sim.get("quarterlyEarnings").get(0)));
    }

    @Test
    void theDailySeriesHasTheRealMetaDataAndBarFields() throws IOException {
        JsonNode real = real("IBM/TIME_SERIES_DAILY_ADJUSTED@2021-03.full.json");
        JsonNode sim = simulated(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "ACMA");
        assertEquals(keys(real), keys(sim));
        assertEquals(keys(real.get("Meta Data")), keys(sim.get("Meta Data")));
        for (String k : List.of("1. Information", "4. Output Size", "5. Time Zone")) {
            assertEquals(real.get("Meta Data").get(k), sim.get("Meta Data").get(k), k);
        }
        JsonNode realBar = real.get("Time Series (Daily)").elements().next();
        JsonNode simBar = sim.get("Time Series (Daily)").elements().next();
        assertEquals(keys(realBar), keys(simBar));
        assertEquals(realBar.get("7. dividend amount").asText(), simBar.get("7. dividend amount").asText());
        assertEquals(realBar.get("8. split coefficient").asText(), simBar.get("8. split coefficient").asText());
    }

    @Test
    void theEtfProfileHasTheRealFields() throws IOException {
        JsonNode real = real("QQQ/ETF_PROFILE.json");
        JsonNode sim = simulated(AvFunction.ETF_PROFILE, "QQQ");
        assertEquals(keys(real), keys(sim));
        assertEquals(keys(real.get("holdings").get(0)), keys(sim.get("holdings").get(0)));
        assertEquals(keys(real.get("sectors").get(0)), keys(sim.get("sectors").get(0)));
    }

    @Test
    void anUnknownSymbolAnswersLikeTheRealOne() throws IOException {
        Path p = REAL.resolve("_errors/INCOME_STATEMENT_unknown_symbol_GRG.json");
        assumeTrue(Files.isRegularFile(p), "real Alpha Vantage answers not present at " + p.toAbsolutePath());
        assertEquals(Files.readString(p).trim(),
                new String(market.answer(AvFunction.INCOME_STATEMENT, market.unknownSymbol()), StandardCharsets.UTF_8));
    }

    /** The files that SOURCES.md calls byte-exact in Alpha Vantage's own layout. */
    @ParameterizedTest
    @ValueSource(strings = {"IBM/INCOME_STATEMENT.json", "IBM/BALANCE_SHEET.json", "IBM/CASH_FLOW.json",
            "IBM/EARNINGS.json", "QQQ/ETF_PROFILE.json"})
    void theWriterReproducesRealAnswersByteForByte(String file) throws IOException {
        JsonNode real = real(file);
        JsonOut out = new JsonOut();
        write(out, real);
        assertEquals(Files.readString(REAL.resolve(file)), out.toString());
    }

    private static void write(JsonOut out, JsonNode node) {
        if (node.isObject()) {
            out.beginObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.name(e.getKey());
                write(out, e.getValue());
            }
            out.endObject();
        } else if (node.isArray()) {
            out.beginArray();
            node.forEach(n -> write(out, n));
            out.endArray();
        } else {
            out.value(node.asText());
        }
    }
}
