package org.avpipeline.artifact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.metrics.Metrics;

/**
 * The artifact's 160 columns (artifact.md), names, order and types, derived from the metric lists of
 * {@link Metrics}: the reference's 159, then {@link #SPLIT_ADJUSTED_CLOSE} appended. The writer, the reader, inspect
 * and the tests all use this one list.
 */
public final class ArtifactSchema {
    private ArtifactSchema() {}

    public static final String FILE_NAME = "ttm_per_share_financial_artifact.parquet";

    public static final String TICKER = "ticker";
    public static final String DATE = "date";
    public static final String FISCAL_DATE_ENDING = "fiscalDateEnding";
    public static final String REPORTED_DATE = "reportedDate";
    public static final String CALENDAR_QUARTER_ENDING = "calendar_quarter_ending";
    public static final String HAS_COMPLETE_FINANCIAL_DATA = "has_complete_financial_data";
    /** The 160th column: the day's close on the current split basis (pipeline.md §9). */
    public static final String SPLIT_ADJUSTED_CLOSE = "split_adjusted_close";

    /** Key-value metadata keys in the Parquet footer. */
    public static final String META_VERSION = "avpipeline.version";
    public static final String META_RUN_ID = "avpipeline.run_id";
    public static final String META_ETF_SYMBOL = "avpipeline.etf_symbol";
    public static final String META_START_DATE = "avpipeline.start_date";
    public static final String META_CREATED_AT = "avpipeline.created_at";
    /** The mode of statement values the artifact was built in: {@code as-served} or {@code reference}. */
    public static final String META_CLEANING = "avpipeline.cleaning";

    public static final List<Column> COLUMNS = build();

    private static final Map<String, Integer> INDEX = index(COLUMNS);

    /** The position (0-based) of a column, or an exception when the name is not an artifact column. */
    public static int indexOf(String name) {
        Integer i = INDEX.get(name);
        if (i == null) {
            throw new IllegalArgumentException("not an artifact column: " + name);
        }
        return i;
    }

    public static boolean contains(String name) {
        return INDEX.containsKey(name);
    }

    private static List<Column> build() {
        List<Column> c = new ArrayList<>();
        c.add(new Column(TICKER, ColumnType.STRING, true));
        c.add(new Column(DATE, ColumnType.DATE, false));
        c.add(new Column(FISCAL_DATE_ENDING, ColumnType.DATE, false));
        c.add(new Column(REPORTED_DATE, ColumnType.DATE, false));
        c.add(new Column(CALENDAR_QUARTER_ENDING, ColumnType.DATE, false));
        for (String price : List.of("open", "high", "low", "adjusted_close", "volume", "dividend_amount",
                "split_coefficient", "post_filing_split_multiplier", "effective_shares_outstanding",
                Metrics.SHARES, "market_cap")) {
            c.add(new Column(price, ColumnType.DOUBLE, false));
        }
        c.add(new Column(HAS_COMPLETE_FINANCIAL_DATA, ColumnType.BOOLEAN, true));
        for (String m : Metrics.BALANCE_SHEET) {
            c.add(new Column(Metrics.perShare(m), ColumnType.DOUBLE, false));
        }
        for (String m : Metrics.FLOW) {
            c.add(new Column(Metrics.perShare(m), ColumnType.DOUBLE, false));
        }
        for (String m : Metrics.FLOW) {
            c.add(new Column(Metrics.perShare(Metrics.ttm(m)), ColumnType.DOUBLE, false));
        }
        for (String derived : List.of("fcf_ttm_per_share", "nopat_ttm_per_share", "enterprise_value_per_share",
                "invested_capital_per_share")) {
            c.add(new Column(derived, ColumnType.DOUBLE, false));
        }
        c.add(new Column(SPLIT_ADJUSTED_CLOSE, ColumnType.DOUBLE, false));
        return Collections.unmodifiableList(c);
    }

    private static Map<String, Integer> index(List<Column> columns) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            if (m.put(columns.get(i).name(), i) != null) {
                throw new IllegalStateException("duplicate column " + columns.get(i).name());
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
