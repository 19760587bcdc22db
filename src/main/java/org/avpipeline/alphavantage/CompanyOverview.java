package org.avpipeline.alphavantage;

import java.time.Instant;

/**
 * What the pipeline keeps of an {@code OVERVIEW} answer: the company's identity and classification, as Alpha Vantage
 * spells them ({@code null} where the answer says "None", "" or "-"), and when the answer was fetched (from the raw
 * store; {@code null} for a freshly parsed answer).
 */
public record CompanyOverview(String symbol, String assetType, String name, String cik, String exchange,
        String currency, String country, String sector, String industry, String fiscalYearEnd, Instant fetchedAt) {

    /** The same overview, fetched at {@code when}. */
    public CompanyOverview withFetchedAt(Instant when) {
        return new CompanyOverview(symbol, assetType, name, cik, exchange, currency, country, sector, industry,
                fiscalYearEnd, when);
    }
}
