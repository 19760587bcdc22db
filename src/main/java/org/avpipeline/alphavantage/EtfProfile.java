package org.avpipeline.alphavantage;

import java.util.List;

/** An ETF_PROFILE answer: the ETF's symbol and its holdings in answer order. */
public record EtfProfile(String etfSymbol, List<EtfHolding> holdings) {
    public EtfProfile {
        holdings = List.copyOf(holdings);
    }
}
