package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArtifactReaderTest {
    @TempDir
    Path dir;

    private DuckDb duck;

    @BeforeEach
    void startDuckDb() throws Exception {
        duck = new DuckDb();
    }

    @AfterEach
    void stopDuckDb() throws Exception {
        duck.close();
    }

    private Path writeSample(ArtifactWriter.RowGroupLimits limits) throws IOException {
        Path file = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META, limits)) {
            for (TickerPanel p : SamplePanels.three()) {
                w.write(p);
            }
            w.commit();
        }
        return file;
    }

    @Test
    void describesItsOwnArtifact() throws Exception {
        ArtifactReader r = ArtifactReader.open(writeSample(ArtifactWriter.RowGroupLimits.DEFAULT));
        assertEquals(9, r.rowCount());
        assertEquals(1, r.rowGroupCount());
        assertEquals(Set.of("ZSTD"), r.codecs());
        List<ParquetField> fields = r.fields();
        assertEquals(160, fields.size());
        assertEquals(new ParquetField("ticker", "BINARY", "String", "REQUIRED"), fields.get(0));
        assertEquals(new ParquetField("date", "INT32", "Date", "OPTIONAL"), fields.get(1));
        assertEquals(new ParquetField("has_complete_financial_data", "BOOLEAN", "", "REQUIRED"), fields.get(16));
        assertEquals("DOUBLE", fields.get(158).type());
        assertEquals(SamplePanels.META.toFooter(), Map.copyOf(r.keyValueMetadata()));
        assertTrue(r.schemaCheck().matches(), r.schemaCheck().problems().toString());
        assertEquals(List.of(), r.schemaCheck().extraColumns());
    }

    @Test
    void readsEveryRowAndValue() throws Exception {
        ArtifactReader r = ArtifactReader.open(writeSample(ArtifactWriter.RowGroupLimits.DEFAULT));
        List<List<Object>> rows = r.read(RowQuery.all());
        assertEquals(9, rows.size());
        List<Object> last = rows.get(2);
        assertEquals(160, last.size());
        assertEquals("AAA", last.get(0));
        assertEquals(LocalDate.of(2020, 1, 6), last.get(1));
        assertEquals(LocalDate.of(2019, 9, 30), last.get(2));
        assertEquals(11.25, last.get(ArtifactSchema.indexOf("adjusted_close")));
        assertEquals(true, last.get(ArtifactSchema.indexOf(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA)));
        assertNull(last.get(ArtifactSchema.indexOf("open")));
        assertEquals(List.of("AAA", "AAA", "AAA", "BBB", "BBB", "BBB", "BBB", "CCC", "CCC"),
                rows.stream().map(row -> row.get(0)).toList());
    }

    @Test
    void selectsATickersColumnsAndDates() throws Exception {
        for (int rowsPerGroup : new int[] {1, 100_000}) {
            ArtifactReader r = ArtifactReader.open(writeSample(new ArtifactWriter.RowGroupLimits(rowsPerGroup,
                    1L << 26)));
            RowQuery bbb = RowQuery.all().withTicker("BBB").withColumns(List.of("open", "date"));
            assertEquals(List.of(
                    List.of(100.0, LocalDate.of(2019, 12, 31)),
                    List.of(101.0, LocalDate.of(2020, 1, 2)),
                    List.of(102.0, LocalDate.of(2020, 1, 3)),
                    List.of(103.0, LocalDate.of(2020, 1, 6))), r.read(bbb));
            assertEquals(List.of(List.of(101.0), List.of(102.0)), r.read(RowQuery.all().withTicker("BBB")
                    .withColumns(List.of("open")).withDates(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 3))));
            assertEquals(List.of(List.of("AAA", LocalDate.of(2020, 1, 6)), List.of("BBB", LocalDate.of(2020, 1, 6)),
                            List.of("CCC", LocalDate.of(2020, 2, 3))),
                    r.read(RowQuery.all().withColumns(List.of("ticker", "date"))
                            .withDates(LocalDate.of(2020, 1, 4), null)));
            assertEquals(List.of(), r.read(RowQuery.all().withTicker("ZZZ")));
            assertEquals(List.of(), r.read(RowQuery.all().withTicker("AAB")));
        }
    }

    @Test
    void countsNullsTickersAndDates() throws Exception {
        ArtifactReader r = ArtifactReader.open(writeSample(new ArtifactWriter.RowGroupLimits(1, 1L << 26)));
        assertEquals(3, r.rowGroupCount());
        Map<String, Long> nulls = r.nullCounts();
        assertEquals(160, nulls.size());
        assertEquals(0L, nulls.get("ticker"));
        assertEquals(0L, nulls.get("date"));
        assertEquals(7L, nulls.get("adjusted_close"));
        assertEquals(7L, nulls.get("fiscalDateEnding"));
        assertEquals(0L, nulls.get("has_complete_financial_data"));
        assertEquals(9L, nulls.get("fcf_ttm_per_share"));
        assertEquals(7L, r.nullCountFromStatistics("adjusted_close").getAsLong());
        assertEquals(3, r.countDistinct("ticker"));
        assertEquals(Optional.of(new ArtifactReader.DateRange(LocalDate.of(2019, 12, 31), LocalDate.of(2020, 2, 3))),
                r.dateRange("date"));
        assertEquals(Optional.empty(), r.dateRange("fiscalDateEnding").filter(d -> false));
        assertEquals(Optional.of(new ArtifactReader.DateRange(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 9, 30))),
                r.dateRange("fiscalDateEnding"));
    }

    @Test
    void unknownColumnsAndFiltersOnMissingColumnsAreRejected() throws Exception {
        ArtifactReader r = ArtifactReader.open(writeSample(ArtifactWriter.RowGroupLimits.DEFAULT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.read(RowQuery.all().withColumns(List.of("adjusted_close", "adjustedClose"))));
        assertTrue(e.getMessage().contains("adjustedClose"), e.getMessage());

        Path other = RLikeArtifacts.copy(duck, "SELECT 1 AS a", dir.resolve("other.parquet"), "zstd");
        ArtifactReader o = ArtifactReader.open(other);
        assertThrows(IllegalArgumentException.class, () -> o.read(RowQuery.all().withTicker("AAA")));
        assertEquals(List.of(List.of(1)), o.read(RowQuery.all()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"snappy", "zstd", "gzip", "lz4_raw", "uncompressed"})
    void readsAnArtifactAnotherWriterMade(String compression) throws Exception {
        Path file = RLikeArtifacts.artifact(duck, dir.resolve("r.parquet"), compression);
        ArtifactReader r = ArtifactReader.open(file);
        assertTrue(r.schemaCheck().matches(), r.schemaCheck().problems().toString());
        assertEquals("OPTIONAL", r.fields().get(0).repetition());
        assertEquals(3, r.rowCount());
        assertEquals(List.of(
                        Arrays.asList(LocalDate.of(2021, 3, 1), null, 20.5, false, null),
                        Arrays.asList(LocalDate.of(2021, 3, 2), LocalDate.of(2020, 12, 31), 21.0, true, -1.5)),
                r.read(RowQuery.all().withTicker("AAA").withColumns(List.of("date", "fiscalDateEnding",
                        "adjusted_close", "has_complete_financial_data", "netIncome.cf_ttm_per_share"))));
        assertEquals(2, r.countDistinct("ticker"));
        assertEquals(1L, r.nullCounts().get("adjusted_close"));
        assertEquals(Optional.of(new ArtifactReader.DateRange(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 2))),
                r.dateRange("date"));
    }

    @Test
    void columnsAppendedAtTheEndAreTolerated() throws Exception {
        RLikeArtifacts.createTable(duck);
        Path file = RLikeArtifacts.copy(duck, "SELECT *, 1.5 AS new_metric_per_share FROM r",
                dir.resolve("r.parquet"), "snappy");
        SchemaCheck check = ArtifactReader.open(file).schemaCheck();
        assertTrue(check.matches(), check.problems().toString());
        assertEquals(List.of("new_metric_per_share"), check.extraColumns());
    }

    @Test
    void aFileWrittenBeforeAColumnWasAppendedIsAnOlderArtifactNotAProblem() throws Exception {
        RLikeArtifacts.createTable(duck);
        Path older = RLikeArtifacts.copy(duck, "SELECT * EXCLUDE (split_adjusted_close) FROM r",
                dir.resolve("older.parquet"), "snappy");
        SchemaCheck check = ArtifactReader.open(older).schemaCheck();
        assertTrue(check.matches(), check.problems().toString());
        assertEquals(List.of("split_adjusted_close"), check.olderColumns());

        Path damaged = RLikeArtifacts.copy(duck, "SELECT * EXCLUDE (split_adjusted_close, market_cap) FROM r",
                dir.resolve("damaged.parquet"), "snappy");
        SchemaCheck bad = ArtifactReader.open(damaged).schemaCheck();
        assertFalse(bad.matches());
        assertTrue(bad.problems().get(0).contains("missing 2 columns: market_cap, split_adjusted_close"),
                bad.problems().toString());
    }

    @Test
    void namesWhatDiffersFromTheArtifact() throws Exception {
        RLikeArtifacts.createTable(duck);
        Path file = RLikeArtifacts.copy(duck, "SELECT ticker, 42 AS surprise, * EXCLUDE (ticker, market_cap)"
                        + " REPLACE (date::VARCHAR AS date, CAST(volume AS BIGINT) AS volume) FROM r",
                dir.resolve("bad.parquet"), "snappy");
        SchemaCheck check = ArtifactReader.open(file).schemaCheck();
        assertFalse(check.matches());
        String all = String.join("\n", check.problems());
        assertTrue(all.contains("missing 1 column: market_cap"), all);
        assertTrue(all.contains("date is BINARY (String), expected INT32 (Date)"), all);
        assertTrue(all.contains("volume is INT64 (Integer(64,true)), expected DOUBLE"), all);
        assertTrue(all.contains("surprise"), all);

        Path reordered = RLikeArtifacts.copy(duck, "SELECT date, * EXCLUDE (date) FROM r",
                dir.resolve("reordered.parquet"), "snappy");
        String order = String.join("\n", ArtifactReader.open(reordered).schemaCheck().problems());
        assertTrue(order.contains("out of order: date comes where ticker belongs"), order);

        Path unrelated = RLikeArtifacts.copy(duck, "SELECT 1 AS a, 'x' AS b", dir.resolve("u.parquet"), "snappy");
        String none = String.join("\n", ArtifactReader.open(unrelated).schemaCheck().problems());
        assertTrue(none.contains("missing 160 columns: ticker, date, fiscalDateEnding"), none);
    }

    @Test
    void aMissingOrNonParquetFileIsAClearError() throws Exception {
        IOException missing = assertThrows(IOException.class, () -> ArtifactReader.open(dir.resolve("nope.parquet")));
        assertTrue(missing.getMessage().startsWith("no such file: "), missing.getMessage());
        Path text = Files.writeString(dir.resolve("text.parquet"), "ticker,date\nAAA,2020-01-02\n");
        IOException notParquet = assertThrows(IOException.class, () -> ArtifactReader.open(text));
        assertTrue(notParquet.getMessage().endsWith("is not a Parquet file (it does not start with PAR1)"),
                notParquet.getMessage());
        Path good = writeSample(ArtifactWriter.RowGroupLimits.DEFAULT);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(bytes, bytes.length / 2));
        IOException cut = assertThrows(IOException.class, () -> ArtifactReader.open(truncated));
        assertTrue(cut.getMessage().contains("no PAR1 at its end"), cut.getMessage());
        Path empty = Files.write(dir.resolve("empty.parquet"), new byte[0]);
        IOException none = assertThrows(IOException.class, () -> ArtifactReader.open(empty));
        assertTrue(none.getMessage().contains("only 0 bytes"), none.getMessage());
        IOException directory = assertThrows(IOException.class, () -> ArtifactReader.open(dir));
        assertTrue(directory.getMessage().startsWith("not a file: "), directory.getMessage());
    }
}
