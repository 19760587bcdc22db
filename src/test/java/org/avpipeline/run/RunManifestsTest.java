package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.report.DroppedSymbol;
import org.junit.jupiter.api.Test;

class RunManifestsTest {

    private static EtfHolding h(String symbol) {
        return new EtfHolding(symbol, "x", 0.01);
    }

    @Test
    void namesTheHoldingsThatAreNotTickersAndTheDuplicates() {
        List<DroppedSymbol> dropped = RunManifests.droppedSymbols(List.of(h("AAPL"), h("n/a"), h("MSFT"), h("N/A"),
                h(""), h("aapl"), h("--"), h("MSFT"), h("MSFT")));
        assertEquals(List.of(
                new DroppedSymbol("n/a", "not a ticker symbol", 2),
                new DroppedSymbol("(empty)", "not a ticker symbol", 1),
                new DroppedSymbol("--", "not a ticker symbol", 1),
                new DroppedSymbol("AAPL", "duplicate", 1),
                new DroppedSymbol("MSFT", "duplicate", 2)), dropped);
    }
}
