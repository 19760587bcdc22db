package org.avpipeline.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.avpipeline.alphavantage.AvFunction;

/** Test helpers: the default market of the tests and plain-Jackson views of its answers. */
final class Answers {
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final ObjectMapper JSON = new ObjectMapper();

    private Answers() {}

    static SimulatedMarket defaultMarket() {
        return SimulatedMarket.create(42, "QQQ", 20, AS_OF);
    }

    static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode answer(SimulatedMarket m, AvFunction f, String symbol) {
        return parse(m.answer(f, symbol));
    }

    /** The daily bars of a ticker, oldest first, keyed by date. */
    static TreeMap<LocalDate, JsonNode> bars(SimulatedMarket m, String symbol) {
        TreeMap<LocalDate, JsonNode> bars = new TreeMap<>();
        answer(m, AvFunction.TIME_SERIES_DAILY_ADJUSTED, symbol).get("Time Series (Daily)").properties().iterator()
                .forEachRemaining(e -> bars.put(LocalDate.parse(e.getKey()), e.getValue()));
        return bars;
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static double num(JsonNode row, String field) {
        String s = row.get(field).asText();
        return s.equals("None") ? Double.NaN : Double.parseDouble(s);
    }

    static List<String> keys(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static Map.Entry<LocalDate, JsonNode> before(TreeMap<LocalDate, JsonNode> bars, LocalDate d) {
        return bars.lowerEntry(d);
    }
}
