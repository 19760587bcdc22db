package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.avpipeline.alphavantage.EtfHolding;
import org.junit.jupiter.api.Test;

class UniverseTest {
    private static EtfHolding h(String symbol) {
        return new EtfHolding(symbol, "X", 0.01);
    }

    @Test
    void holdingsAreCleanedInFirstSeenOrder() {
        Universe u = Universe.fromHoldings("qqq", List.of(h("NVDA"), h("n/a"), h("aapl"), h(""), h("N/A"), h("-"),
                h("--"), h("null"), h("NULL"), h(" msft "), h("AAPL"), h("nvda"), h("BRK-B")));
        assertEquals(List.of("NVDA", "AAPL", "MSFT", "BRK-B"), u.tickers());
        assertEquals(Optional.of("QQQ"), u.etf());
        assertEquals(4, u.size());
    }

    @Test
    void explicitListIsCleanedTheSameWay() {
        Universe u = Universe.fromTickers(Arrays.asList("ibm", null, "  ", "IBM", "n/A", "Msft"));
        assertEquals(List.of("IBM", "MSFT"), u.tickers());
        assertEquals(Optional.empty(), u.etf());
    }

    @Test
    void nothingLeftIsAnEmptyUniverse() {
        assertTrue(Universe.clean(List.of("n/a", "-", "", "null")).isEmpty());
    }

    @Test
    void symbolsThatMerelyContainTheWordsAreKept() {
        assertEquals(List.of("NA", "NULLX", "-A"), Universe.clean(List.of("na", "nullx", "-a")));
    }
}
