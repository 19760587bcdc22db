package org.avpipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.avpipeline.artifact.ArtifactReader;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.RowQuery;
import org.avpipeline.artifact.RowTable;

/** A few recent rows of an artifact, for the demo: the first ticker with complete financial data. */
public final class ArtifactPreview {
    private ArtifactPreview() {}

    static final List<String> COLUMNS = List.of(ArtifactSchema.TICKER, ArtifactSchema.DATE, "adjusted_close",
            ArtifactSchema.SPLIT_ADJUSTED_CLOSE, "market_cap", "totalRevenue_ttm_per_share", "netIncome_ttm_per_share", "fcf_ttm_per_share",
            "enterprise_value_per_share", ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA);

    /** The last {@code rows} rows of the first ticker that has complete financial data, as an aligned table. */
    public static String of(Path artifact, int rows) throws IOException {
        ArtifactReader reader = ArtifactReader.open(artifact);
        AtomicReference<String> ticker = new AtomicReference<>();
        reader.scan(RowQuery.all().withColumns(List.of(ArtifactSchema.TICKER,
                ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA)), row -> {
                    if (ticker.get() == null && Boolean.TRUE.equals(row.get(1))) {
                        ticker.set((String) row.get(0));
                    }
                });
        if (ticker.get() == null) {
            return "(no ticker has complete financial data)\n";
        }
        List<List<Object>> all = reader.read(RowQuery.all().withColumns(COLUMNS).withTicker(ticker.get()));
        return RowTable.aligned(COLUMNS, all.subList(Math.max(0, all.size() - rows), all.size()));
    }
}
