package org.avpipeline.artifact;

import java.util.ArrayList;
import java.util.List;
import org.avpipeline.metrics.Metrics;

/**
 * The four companion files beside the daily panel (artifact.md, "Companion artifacts"), their columns in order, as
 * data: the quarters, the prices, the companies and the restatements.
 */
public final class CompanionSchemas {
    private CompanionSchemas() {}

    public static final String AVAILABLE_DATE = "available_date";
    /**
     * The quarterly file's last column: the quarter's EARNINGS {@code reportTime} as served ({@code pre-market},
     * {@code post-market}; missing in older answers), which decides its {@link #AVAILABLE_DATE} (pipeline.md §8.2).
     */
    public static final String REPORT_TIME = "report_time";
    public static final String CLOSE = "close";
    public static final String FETCHED_AT = "fetched_at";
    /** The quarterly companion's check of the four quarters against the annual report (pipeline.md §4.1). */
    public static final String ANNUAL_CHECK = "annual_check";
    /** The quarterly companion's {@code (assets - liabilities - equity) / assets} (pipeline.md §4.1). */
    public static final String BALANCE_GAP = "balance_gap";
    public static final String VALID_FROM = "valid_from";
    public static final String VALID_TO = "valid_to";
    public static final String STATEMENT = "statement";
    public static final String METRIC = "metric";
    public static final String VALUE_BEFORE = "value_before";
    public static final String VALUE_AFTER = "value_after";
    public static final String VALID_FROM_BEFORE = "valid_from_before";
    public static final String VALID_FROM_AFTER = "valid_from_after";

    /** The daily bar's columns in the price artifact's order (after ticker and date). */
    public static final List<String> PRICE_COLUMNS = List.of("open", "high", "low", CLOSE, "adjusted_close",
            "volume", "dividend_amount", "split_coefficient");

    /**
     * The metric columns of the quarterly artifact in order: every balance-sheet metric, every flow metric and every
     * flow metric's TTM, in the order of the panel's per-share columns; {@code commonStockSharesOutstanding} is
     * not repeated among them (it is the sixth column, before the metrics).
     */
    public static final List<String> QUARTERLY_METRICS = quarterlyMetrics();

    /** The company profile's text columns after {@code ticker}, in order. */
    public static final List<String> PROFILE_TEXT = List.of("name", "cik", "exchange", "currency", "country",
            "sector", "industry", "fiscal_year_end");

    /** {@code ttm_quarterly_artifact.parquet}: one row per (ticker, fiscalDateEnding) of the continuous run. */
    public static final TableSchema QUARTERLY = new TableSchema("ttm_quarterly_artifact",
            "ttm_quarterly_artifact.parquet", quarterly());

    /** {@code price_artifact.parquet}: one row per (ticker, price day on or after START_DATE). */
    public static final TableSchema PRICES = new TableSchema("price_artifact", "price_artifact.parquet", prices());

    /** {@code company_profile.parquet}: one row per ticker with an OVERVIEW answer. */
    public static final TableSchema PROFILES = new TableSchema("company_profile", "company_profile.parquet",
            profiles());

    /**
     * {@code statement_restatements.parquet}: one row per value that changed between two consecutive vintages of a
     * statement answer (pipeline.md §8a).
     */
    public static final TableSchema RESTATEMENTS = new TableSchema("statement_restatements",
            "statement_restatements.parquet", restatements());

    /** The companions in the order they are written and listed. */
    public static final List<TableSchema> ALL = List.of(QUARTERLY, PRICES, PROFILES, RESTATEMENTS);

    /** Every published table: the panel, then the companions. */
    public static final List<TableSchema> WITH_PANEL = List.of(TableSchema.PANEL, QUARTERLY, PRICES, PROFILES,
            RESTATEMENTS);

    /** The table a file name belongs to, if any. */
    public static java.util.Optional<TableSchema> byFileName(String fileName) {
        return WITH_PANEL.stream().filter(t -> t.fileName().equals(fileName)).findFirst();
    }

    /**
     * Which published file a Parquet file is meant to be: the table its footer names ({@link TableWriter#META_TABLE}),
     * else the one with its file name, else the panel.
     */
    public static TableSchema recognize(java.nio.file.Path file, java.util.Map<String, String> footer) {
        String named = footer.get(TableWriter.META_TABLE);
        for (TableSchema t : WITH_PANEL) {
            if (t.name().equals(named)) {
                return t;
            }
        }
        java.nio.file.Path name = file.getFileName();
        return byFileName(name == null ? "" : name.toString()).orElse(TableSchema.PANEL);
    }

    private static List<String> quarterlyMetrics() {
        List<String> m = new ArrayList<>();
        for (String b : Metrics.BALANCE_SHEET) {
            if (!b.equals(Metrics.SHARES)) {
                m.add(b);
            }
        }
        m.addAll(Metrics.FLOW);
        for (String f : Metrics.FLOW) {
            m.add(Metrics.ttm(f));
        }
        return List.copyOf(m);
    }

    private static List<Column> quarterly() {
        List<Column> c = new ArrayList<>();
        c.add(new Column(ArtifactSchema.TICKER, ColumnType.STRING, true));
        c.add(new Column(ArtifactSchema.FISCAL_DATE_ENDING, ColumnType.DATE, false));
        c.add(new Column(ArtifactSchema.REPORTED_DATE, ColumnType.DATE, false));
        c.add(new Column(AVAILABLE_DATE, ColumnType.DATE, false));
        c.add(new Column(ArtifactSchema.CALENDAR_QUARTER_ENDING, ColumnType.DATE, false));
        c.add(new Column(Metrics.SHARES, ColumnType.DOUBLE, false));
        for (String m : QUARTERLY_METRICS) {
            c.add(new Column(m, ColumnType.DOUBLE, false));
        }
        c.add(new Column(ANNUAL_CHECK, ColumnType.STRING, false));
        c.add(new Column(BALANCE_GAP, ColumnType.DOUBLE, false));
        c.add(new Column(VALID_FROM, ColumnType.DATE, false));
        c.add(new Column(VALID_TO, ColumnType.DATE, false));
        c.add(new Column(REPORT_TIME, ColumnType.STRING, false));
        return c;
    }

    private static List<Column> restatements() {
        return List.of(new Column(ArtifactSchema.TICKER, ColumnType.STRING, true),
                new Column(STATEMENT, ColumnType.STRING, true),
                new Column(ArtifactSchema.FISCAL_DATE_ENDING, ColumnType.DATE, true),
                new Column(METRIC, ColumnType.STRING, true),
                new Column(VALUE_BEFORE, ColumnType.DOUBLE, false),
                new Column(VALUE_AFTER, ColumnType.DOUBLE, false),
                new Column(VALID_FROM_BEFORE, ColumnType.DATE, true),
                new Column(VALID_FROM_AFTER, ColumnType.DATE, true));
    }

    private static List<Column> prices() {
        List<Column> c = new ArrayList<>();
        c.add(new Column(ArtifactSchema.TICKER, ColumnType.STRING, true));
        c.add(new Column(ArtifactSchema.DATE, ColumnType.DATE, false));
        for (String p : PRICE_COLUMNS) {
            c.add(new Column(p, ColumnType.DOUBLE, false));
        }
        return c;
    }

    private static List<Column> profiles() {
        List<Column> c = new ArrayList<>();
        c.add(new Column(ArtifactSchema.TICKER, ColumnType.STRING, true));
        for (String t : PROFILE_TEXT) {
            c.add(new Column(t, ColumnType.STRING, false));
        }
        c.add(new Column(FETCHED_AT, ColumnType.TIMESTAMP, false));
        return c;
    }
}
