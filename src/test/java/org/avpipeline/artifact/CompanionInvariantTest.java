package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.bench.SimulatedRawStore;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.metrics.Metrics;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.Sha256;
import org.avpipeline.raw.StoredAnswer;
import org.avpipeline.run.ArtifactBuild;
import org.avpipeline.run.BuildProgress;
import org.avpipeline.simulator.Scenario;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invariant of artifact.md, "Companion artifacts", checked independently of the build's code: DuckDB reads the
 * quarterly and price artifacts, carries each quarter's columns forward over the earlier available quarters
 * (ordered by available_date, then fiscalDateEnding), takes per price day the latest available quarter with an
 * {@code ASOF JOIN}, divides by the shares in SQL, and the result must equal the panel's columns on every row of a
 * simulated universe. The universe has the simulator's scenarios (weekend report dates, earnings rows without a
 * reportedDate, funds, short histories, splits, ...) and one ticker edited further: its previous quarter is reported
 * on the same day as its latest (two quarters available on one day), the quarter before that on a Saturday, an older
 * one without a reportedDate, and the latest quarter lacks totalRevenue and totalCurrentAssets.
 */
class CompanionInvariantTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final LocalDate START = LocalDate.of(2012, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Weekly statement vintages per ticker: the simulator restates some values among them (pipeline.md §8a). */
    private static final int VINTAGES = 13;

    @TempDir
    static Path dir;

    static Path panel;
    static Path quarterly;
    static Path prices;
    static Path profiles;
    static String edited;
    static ArtifactBuild.Result result;

    @BeforeAll
    static void build() throws Exception {
        SimulatedMarket market = SimulatedMarket.create(11, "QQQ", 14, AS_OF);
        Clock clock = Clock.fixed(Instant.parse("2025-07-01T06:00:00Z"), ZoneOffset.UTC);
        SimulatedRawStore.ensure(dir.resolve("data"), market, 2, clock, VINTAGES);
        LocalRawStore store = new LocalRawStore(dir.resolve("data"));
        java.util.Set<Scenario> plain = java.util.EnumSet.of(Scenario.SPIKE, Scenario.END_JUMP, Scenario.ZERO_RUNS,
                Scenario.NONE_COLUMNS, Scenario.SPLITS, Scenario.REVERSE_SPLIT, Scenario.DIVIDENDS,
                Scenario.WEEKEND_REPORTS, Scenario.FISCAL_YEAR_JANUARY, Scenario.FISCAL_YEAR_NOVEMBER);
        edited = market.tickers().stream().filter(t -> plain.containsAll(market.scenarios(t))).findFirst()
                .orElseThrow();
        editEarnings(store, edited);
        blankLatest(store, edited, AvFunction.INCOME_STATEMENT, "totalRevenue");
        blankLatest(store, edited, AvFunction.BALANCE_SHEET, "totalCurrentAssets");

        panel = dir.resolve("out").resolve(ArtifactSchema.FILE_NAME);
        ArtifactMetadata meta = new ArtifactMetadata("test", "run-1", "QQQ", START, clock.instant());
        List<String> tickers = new ArrayList<>(market.tickers());
        tickers.sort(null);
        result = ArtifactBuild.run(tickers, store, BuildParameters.of(START), panel, meta, 2, BuildProgress.silent());
        quarterly = panel.resolveSibling(CompanionSchemas.QUARTERLY.fileName());
        prices = panel.resolveSibling(CompanionSchemas.PRICES.fileName());
        profiles = panel.resolveSibling(CompanionSchemas.PROFILES.fileName());
    }

    /** Latest quarter's report date also for the previous quarter; a Saturday for the one before; none for one. */
    private static void editEarnings(LocalRawStore store, String ticker) throws Exception {
        RawKey key = RawKey.of(ticker, AvFunction.EARNINGS);
        ObjectNode root = (ObjectNode) JSON.readTree(store.read(key).orElseThrow().body());
        ArrayNode q = (ArrayNode) root.get("quarterlyEarnings");
        ((ObjectNode) q.get(1)).put("reportedDate", q.get(0).get("reportedDate").asText());
        LocalDate third = LocalDate.parse(q.get(2).get("reportedDate").asText());
        ((ObjectNode) q.get(2)).put("reportedDate", third.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY))
                .toString());
        ((ObjectNode) q.get(6)).put("reportedDate", "None");
        rewrite(store, key, JSON.writeValueAsBytes(root));
    }

    private static void blankLatest(LocalRawStore store, String ticker, AvFunction statement, String field)
            throws Exception {
        RawKey key = RawKey.of(ticker, statement);
        ObjectNode root = (ObjectNode) JSON.readTree(store.read(key).orElseThrow().body());
        ((ObjectNode) root.get("quarterlyReports").get(0)).put(field, "None");
        rewrite(store, key, JSON.writeValueAsBytes(root));
    }

    private static void rewrite(LocalRawStore store, RawKey key, byte[] body) throws Exception {
        StoredAnswer old = store.read(key).orElseThrow();
        // a second later than the answer it edits: the later vintage of the same day
        store.write(key, body, new AnswerMetadata(old.metadata().fetchedAt().plusSeconds(1), old.metadata().request(),
                Sha256.hex(body)));
    }

    private static String q(String name) {
        return "\"" + name + "\"";
    }

    /** The join of artifact.md in SQL, then every compared column side by side with the panel's. */
    private static void loadJoined(DuckDb db) throws Exception {
        db.execute("CREATE TABLE q AS SELECT * FROM read_parquet(" + DuckDb.literal(quarterly) + ")");
        db.execute("CREATE TABLE p AS SELECT * FROM read_parquet(" + DuckDb.literal(prices) + ")");
        db.execute("CREATE TABLE panel AS SELECT * FROM read_parquet(" + DuckDb.literal(panel) + ")");
        List<String> carried = new ArrayList<>();
        carried.add(Metrics.SHARES);
        carried.addAll(CompanionSchemas.QUARTERLY_METRICS);
        String window = carried.stream()
                .map(c -> "last_value(" + q(c) + " IGNORE NULLS) OVER w AS " + q(c))
                .collect(Collectors.joining(", "));
        // the days a quarter's version changes cut each ticker's time into epochs; in each, one version of every
        // quarter holds (valid_from <= date < valid_to, a missing bound holds)
        db.execute("CREATE TABLE epochs AS SELECT ticker, b AS epoch_from FROM (SELECT ticker, DATE '0001-01-01' AS b "
                + "FROM q UNION SELECT ticker, valid_from FROM q UNION SELECT ticker, valid_to FROM q) WHERE b IS NOT NULL");
        db.execute("CREATE TABLE qe AS SELECT e.epoch_from, q.* FROM q JOIN epochs e ON q.ticker = e.ticker "
                + "AND (q.valid_from IS NULL OR q.valid_from <= e.epoch_from) "
                + "AND (q.valid_to IS NULL OR e.epoch_from < q.valid_to)");
        db.execute("CREATE TABLE carried AS SELECT ticker, epoch_from, available_date, fiscalDateEnding, reportedDate, "
                + "calendar_quarter_ending, " + window + " FROM qe WHERE available_date IS NOT NULL "
                + "WINDOW w AS (PARTITION BY ticker, epoch_from ORDER BY available_date, fiscalDateEnding "
                + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)");
        // on a day with several quarters, the later fiscal quarter (with what it carried from the earlier ones)
        db.execute("CREATE TABLE latest AS SELECT * FROM carried QUALIFY row_number() OVER "
                + "(PARTITION BY ticker, epoch_from, available_date ORDER BY fiscalDateEnding DESC) = 1");
        db.execute("CREATE TABLE pe AS SELECT p.*, e.epoch_from FROM p ASOF LEFT JOIN epochs e "
                + "ON p.ticker = e.ticker AND p.date >= e.epoch_from");
        StringBuilder perShare = new StringBuilder();
        for (String m : carried) {
            perShare.append(", CASE WHEN l.").append(q(Metrics.SHARES)).append(" > 0 THEN l.").append(q(m))
                    .append(" / l.").append(q(Metrics.SHARES)).append(" END AS ").append(q(Metrics.perShare(m)));
        }
        db.execute("CREATE TABLE joined AS SELECT p.*, l.fiscalDateEnding, l.reportedDate, l.calendar_quarter_ending, "
                + "l." + q(Metrics.SHARES) + perShare
                + " FROM pe p ASOF LEFT JOIN latest l ON p.ticker = l.ticker AND p.epoch_from = l.epoch_from "
                + "AND p.date >= l.available_date");
    }

    private static List<String> comparedColumns() {
        List<String> columns = new ArrayList<>(List.of(ArtifactSchema.FISCAL_DATE_ENDING, ArtifactSchema.REPORTED_DATE,
                ArtifactSchema.CALENDAR_QUARTER_ENDING, Metrics.SHARES, "open", "high", "low", "adjusted_close",
                "volume", "dividend_amount", "split_coefficient"));
        columns.add(Metrics.perShare(Metrics.SHARES));
        for (String m : CompanionSchemas.QUARTERLY_METRICS) {
            columns.add(Metrics.perShare(m));
        }
        return columns;
    }

    @Test
    void theAsOfJoinOfTheQuarterlyAndPriceArtifactsRebuildsThePanelOnEveryRow() throws Exception {
        try (DuckDb db = new DuckDb()) {
            loadJoined(db);
            long panelRows = ((Number) db.value("SELECT count(*) FROM panel")).longValue();
            long joinedRows = ((Number) db.value("SELECT count(*) FROM joined")).longValue();
            assertEquals(panelRows, joinedRows, "one price row per panel row");
            assertEquals(panelRows, ((Number) db.value("SELECT count(*) FROM panel x JOIN joined j "
                    + "USING (ticker, date)")).longValue(), "the same (ticker, date) keys");
            assertTrue(panelRows > 10_000, "a universe, not a toy: " + panelRows);
            long versioned = ((Number) db.value("SELECT count(*) FROM q WHERE valid_from IS NOT NULL")).longValue();
            long epochs = ((Number) db.value("SELECT count(*) FROM epochs WHERE epoch_from > DATE '0001-01-01'"))
                    .longValue();
            assertTrue(versioned > 0 && epochs > 0, "a universe with restated quarters: " + versioned + " versions, "
                    + epochs + " breakpoints");
            List<String> differences = new ArrayList<>();
            for (String c : comparedColumns()) {
                long differ = ((Number) db.value("SELECT count(*) FROM panel x JOIN joined j USING (ticker, date) "
                        + "WHERE x." + q(c) + " IS DISTINCT FROM j." + q(c))).longValue();
                if (differ > 0) {
                    differences.add(c + ": " + differ + " rows, e.g. " + db.query("SELECT ticker, date, x." + q(c)
                            + ", j." + q(c) + " FROM panel x JOIN joined j USING (ticker, date) WHERE x." + q(c)
                            + " IS DISTINCT FROM j." + q(c) + " ORDER BY ticker, date LIMIT 2"));
                }
            }
            assertEquals(List.of(), differences);
            long withValues = ((Number) db.value("SELECT count(*) FROM panel WHERE "
                    + q(Metrics.perShare("totalRevenue_ttm")) + " IS NOT NULL")).longValue();
            assertTrue(withValues > panelRows / 3, "most rows have fundamentals: " + withValues);
        }
    }

    @Test
    void theSplitAdjustedCloseIsThePriceFilesCloseOverTheLaterSplitCoefficients() throws Exception {
        try (DuckDb db = new DuckDb()) {
            loadJoined(db);
            // K(d) = the product of the split coefficients of the price days after d (the last price day has none)
            db.execute("CREATE TABLE k AS SELECT ticker, date, close, coalesce(exp(sum(ln(split_coefficient)) OVER "
                    + "(PARTITION BY ticker ORDER BY date ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)), 1) AS k "
                    + "FROM p");
            String differ = "SELECT count(*) FROM panel x JOIN k USING (ticker, date) WHERE "
                    + "(k.close > 0) IS DISTINCT FROM (x.split_adjusted_close IS NOT NULL) "
                    + "OR abs(x.split_adjusted_close - k.close / k.k) > 1e-9 * k.close / k.k";
            assertEquals(0L, ((Number) db.value(differ)).longValue(), db.query(differ.replace("count(*)",
                    "ticker, date, x.split_adjusted_close, k.close, k.k") + " LIMIT 3").toString());
            long adjusted = ((Number) db.value("SELECT count(*) FROM k WHERE k <> 1 AND close > 0")).longValue();
            assertTrue(adjusted > 1_000, "days before a split: " + adjusted);
        }
    }

    @Test
    void quartersBecomeAvailableOnTheirReportDayOrTheNextPriceDay() throws Exception {
        try (DuckDb db = new DuckDb()) {
            loadJoined(db);
            // every available_date is on or after the report day; on a report day with prices, the same day
            // (pre-market) or the next price day (post-market or no reportTime), both present in the universe
            db.execute("CREATE TABLE onPriceDays AS SELECT q.ticker, q.reportedDate, q.available_date, "
                    + "(SELECT min(p.date) FROM p WHERE p.ticker = q.ticker AND p.date > q.reportedDate) AS next "
                    + "FROM q WHERE available_date IS NOT NULL AND reportedDate >= DATE '" + START + "' "
                    + "AND EXISTS (SELECT 1 FROM p WHERE p.ticker = q.ticker AND p.date = q.reportedDate)");
            assertEquals(0L, ((Number) db.value("SELECT count(*) FROM q WHERE available_date < reportedDate"))
                    .longValue());
            assertEquals(0L, ((Number) db.value("SELECT count(*) FROM onPriceDays WHERE available_date "
                    + "NOT IN (reportedDate, next)")).longValue());
            long sameDay = ((Number) db.value("SELECT count(*) FROM onPriceDays WHERE available_date = reportedDate"))
                    .longValue();
            long nextDay = ((Number) db.value("SELECT count(*) FROM onPriceDays WHERE available_date = next"))
                    .longValue();
            assertTrue(sameDay > 0 && nextDay > 2 * sameDay, "same day " + sameDay + ", next day " + nextDay);
        }
    }

    @Test
    void theUniverseHasTheTrickyCases() throws Exception {
        try (DuckDb db = new DuckDb()) {
            loadJoined(db);
            long weekend = ((Number) db.value("SELECT count(*) FROM q WHERE dayofweek(reportedDate) IN (0, 6) "
                    + "AND available_date > reportedDate AND available_date >= DATE '" + START + "'")).longValue();
            assertTrue(weekend >= 2, "quarters reported on a weekend, available on the next trading day: " + weekend);
            long sameDay = ((Number) db.value("SELECT count(*) FROM (SELECT ticker, available_date FROM q WHERE "
                    + "available_date IS NOT NULL GROUP BY ALL HAVING count(*) > 1)")).longValue();
            assertTrue(sameDay >= 1, "two quarters available on one day");
            long noReport = ((Number) db.value("SELECT count(*) FROM q WHERE reportedDate IS NULL "
                    + "AND available_date IS NULL")).longValue();
            assertTrue(noReport >= 2, "quarters without a report date never become available: " + noReport);
            // the edited ticker's latest quarter lacks totalRevenue: the panel shows the earlier quarter's, per share
            Object carriedRevenue = db.value("SELECT max(x." + q("totalRevenue_per_share") + ") FROM panel x "
                    + "JOIN (SELECT ticker, fiscalDateEnding FROM q WHERE ticker = '" + edited + "' AND "
                    + q("totalRevenue") + " IS NULL AND available_date IS NOT NULL) m USING (ticker, fiscalDateEnding)");
            assertTrue(carriedRevenue instanceof Number, "a quarter without totalRevenue shows a carried value");
        }
    }

    @Test
    void theCompanionFilesHaveTheSpecsColumnsAndTheRunsFooter() throws Exception {
        assertEquals(4, result.companions().size());
        for (TableSchema table : CompanionSchemas.ALL) {
            ArtifactReader r = ArtifactReader.open(panel.resolveSibling(table.fileName()));
            assertEquals(table.columnNames(), r.columnNames());
            assertEquals(List.of(), r.schemaCheck(table.columns()).problems(), table.fileName());
            assertEquals("run-1", r.keyValueMetadata().get(ArtifactSchema.META_RUN_ID));
            assertEquals(table.name(), r.keyValueMetadata().get(TableWriter.META_TABLE));
            assertEquals(java.util.Set.of("ZSTD"), r.codecs(), table.name() + " (the simulator restated values)");
        }
        assertEquals(6 + 35 + 51 + 51 + 5, CompanionSchemas.QUARTERLY.columns().size(),
                "then annual_check, balance_gap, valid_from, valid_to, report_time");
        assertEquals(8, CompanionSchemas.RESTATEMENTS.columns().size());
        assertEquals(10, CompanionSchemas.PRICES.columns().size());
        assertEquals(10, CompanionSchemas.PROFILES.columns().size());
        try (DuckDb db = new DuckDb()) {
            // sorted by ticker then fiscalDateEnding (then valid_from, missing first) / date; the key unique
            for (String[] t : new String[][] {
                    {"(SELECT ticker, (fiscalDateEnding, coalesce(valid_from, DATE '0001-01-01')) AS k FROM "
                            + "read_parquet(" + DuckDb.literal(quarterly) + "))", "k"},
                    {"read_parquet(" + DuckDb.literal(prices) + ")", "date"}}) {
                List<List<Object>> unsorted = db.query("SELECT count(*) FROM (SELECT ticker, " + t[1]
                        + ", lag(ticker) OVER () AS pt, lag(" + t[1] + ") OVER () AS pk FROM " + t[0]
                        + ") WHERE pt > ticker OR (pt = ticker AND pk >= " + t[1] + ")");
                assertEquals(0L, ((Number) unsorted.get(0).get(0)).longValue(), t[0]);
            }
            assertEquals(((Number) db.value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(prices)
                    + ")")).longValue(), result.stats().rows(), "as many price rows as panel rows");
            // quarters before START_DATE are kept (whole history)
            assertTrue(((Number) db.value("SELECT count(*) FROM read_parquet(" + DuckDb.literal(quarterly)
                    + ") WHERE fiscalDateEnding < DATE '" + START + "'")).longValue() > 0);
        }
    }

    @Test
    void companyProfilesHaveEveryTickerWithAnOverviewAndNotTheFund() throws Exception {
        SimulatedMarket market = SimulatedMarket.create(11, "QQQ", 14, AS_OF);
        try (DuckDb db = new DuckDb()) {
            List<List<Object>> rows = db.query("SELECT ticker, name, sector, industry, fiscal_year_end, fetched_at "
                    + "FROM read_parquet(" + DuckDb.literal(profiles) + ") ORDER BY ticker");
            List<String> expected = market.tickers().stream()
                    .filter(t -> !market.scenarios(t).contains(Scenario.FUND)).sorted().toList();
            assertEquals(expected, rows.stream().map(r -> (String) r.get(0)).toList());
            assertTrue(rows.stream().allMatch(r -> r.get(2) != null), "every company has a sector");
            assertTrue(rows.stream().anyMatch(r -> r.get(3) == null), "\"None\" industries are missing values");
            assertTrue(rows.stream().allMatch(r -> r.get(5) != null), "fetched_at from the raw store");
            assertEquals("TIMESTAMP WITH TIME ZONE", db.value("SELECT typeof(fetched_at) FROM read_parquet("
                    + DuckDb.literal(profiles) + ") LIMIT 1"));
        }
    }
}
