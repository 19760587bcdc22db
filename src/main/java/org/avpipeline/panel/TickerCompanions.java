package org.avpipeline.panel;

import org.avpipeline.artifact.TableRows;

/**
 * One ticker's rows of the companion files (artifact.md, "Companion artifacts"), made by the same build as its panel;
 * each is {@code null} when the ticker has no row there.
 *
 * @param quarters its rows of {@code ttm_quarterly_artifact.parquet}: the continuous run of quarters
 * @param prices its rows of {@code price_artifact.parquet}: the price days on or after START_DATE
 * @param profile its row of {@code company_profile.parquet}: its OVERVIEW, when there is one
 * @param restatements its rows of {@code statement_restatements.parquet}: the values its statement vintages changed
 */
public record TickerCompanions(TableRows quarters, TableRows prices, TableRows profile, TableRows restatements) {
    public static final TickerCompanions NONE = new TickerCompanions(null, null, null, null);

    /** Without restatements. */
    public TickerCompanions(TableRows quarters, TableRows prices, TableRows profile) {
        this(quarters, prices, profile, null);
    }
}
