package org.avpipeline.run;

import java.io.IOException;
import java.time.Instant;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.Sha256;
import org.avpipeline.simulator.SimulatedMarket;

/** Test fixture: a raw store filled straight from the simulated market's answers, as a fetch would leave it. */
public final class SimulatedRawStores {
    private SimulatedRawStores() {}

    public static void fill(RawStore store, SimulatedMarket market) throws IOException {
        put(store, RawKey.etfProfile(market.etfSymbol()), market.answer(AvFunction.ETF_PROFILE, market.etfSymbol()));
        for (String ticker : market.tickers()) {
            for (AvFunction function : AvFunction.PER_TICKER) {
                put(store, RawKey.of(ticker, function), market.answer(function, ticker));
            }
        }
    }

    public static void put(RawStore store, RawKey key, byte[] body) throws IOException {
        store.write(key, body, new AnswerMetadata(Instant.now(), "function=" + key.function() + "&symbol="
                + key.symbol() + "&apikey=***", Sha256.hex(body)));
    }
}
