package org.avpipeline.catalog;

import java.util.List;
import org.avpipeline.artifact.ArtifactParquetSchema;
import org.avpipeline.artifact.ArtifactSchema;

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

    public static final List<CatalogTable> ALL = List.of(PANEL);
}
