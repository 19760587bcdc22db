package org.avpipeline.catalog;

import java.util.List;
import org.avpipeline.artifact.ArtifactParquetSchema;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;

/**
 * Every artifact that Athena can query, each from the same Parquet schema its writer uses. A new artifact becomes a
 * table by one entry here and a regeneration of {@code deploy/terraform/glue_tables.tf} ({@link GlueTablesTerraform}).
 */
public final class CatalogTables {
    private CatalogTables() {}

    /** The daily panel of TTM per-share fundamentals (docs/artifact.md). */
    public static final CatalogTable PANEL = new CatalogTable("ttm_per_share_financial_artifact",
            ArtifactSchema.FILE_NAME,
            "Daily point-in-time panel of TTM per-share fundamentals, one row per (ticker, date); one file per run",
            ArtifactParquetSchema.messageType());

    /** The quarters of every ticker's continuous run, with their TTMs (a companion file). */
    public static final CatalogTable QUARTERLY = new CatalogTable("ttm_quarterly_artifact",
            CompanionSchemas.QUARTERLY.fileName(),
            "One row per (ticker, fiscalDateEnding, valid_from): the quarter's own values and TTMs, with the day it became "
                    + "available and the days this version of it was current",
            CompanionSchemas.QUARTERLY.messageType());

    /** The daily bars with the raw close (a companion file). */
    public static final CatalogTable PRICES = new CatalogTable("price_artifact", CompanionSchemas.PRICES.fileName(),
            "One row per (ticker, trading day on or after the start date): the daily bar as Alpha Vantage gives it",
            CompanionSchemas.PRICES.messageType());

    /** Sector, industry, exchange, ... of each company (a companion file). */
    public static final CatalogTable PROFILES = new CatalogTable("company_profile",
            CompanionSchemas.PROFILES.fileName(),
            "One row per ticker with an OVERVIEW answer: name, CIK, exchange, currency, country, sector, industry",
            CompanionSchemas.PROFILES.messageType());

    /** The values restated between two vintages of a statement answer (a companion file). */
    public static final CatalogTable RESTATEMENTS = new CatalogTable("statement_restatements",
            CompanionSchemas.RESTATEMENTS.fileName(),
            "One row per value that changed between two consecutive vintages of a statement answer: before, after, "
                    + "and the days each was first fetched",
            CompanionSchemas.RESTATEMENTS.messageType());

    public static final List<CatalogTable> ALL = List.of(PANEL, QUARTERLY, PRICES, PROFILES, RESTATEMENTS);
}
