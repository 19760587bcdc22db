package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.StatementReport;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.TickerBuild;
import org.avpipeline.panel.TickerData;
import org.avpipeline.panel.TickerResult;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact's own column encoding ({@link ColumnChunk}) changes bytes, never content: the panels of a
 * simulated universe written by {@link ArtifactWriter} and by parquet-java's own column writers read back the same in
 * DuckDB, row for row, with the same hash of every column, and the file is no larger than 5 % over parquet-java's.
 */
class SameContentAsParquetJavaTest {
    @TempDir
    Path dir;

    @Test
    void everyColumnHashesTheSameAsParquetJavasOwnWriting() throws Exception {
        SimulatedMarket market = SimulatedMarket.create(5, "QQQ", 8, LocalDate.of(2025, 6, 30));
        BuildParameters params = BuildParameters.of(LocalDate.of(2004, 12, 31));
        List<TickerPanel> panels = new ArrayList<>();
        for (String t : market.tickers().stream().sorted().toList()) {
            Map<AvFunction, List<StatementReport>> statements = new EnumMap<>(AvFunction.class);
            for (AvFunction f : AvFunction.STATEMENTS) {
                statements.put(f, AnswerParsers.parseStatement(f, market.answer(f, t)));
            }
            TickerResult r = TickerBuild.build(new TickerData(t,
                    AnswerParsers.parseDailyAdjusted(market.answer(AvFunction.TIME_SERIES_DAILY_ADJUSTED, t)),
                    AnswerParsers.parseSplits(market.answer(AvFunction.SPLITS, t)),
                    AnswerParsers.parseEarnings(market.answer(AvFunction.EARNINGS, t)), statements), params);
            if (r.panel() != null && r.panel().rows() > 0) {
                panels.add(r.panel());
            }
        }
        assertTrue(panels.size() >= 6, "panels: " + panels.size());
        Path ours = dir.resolve("ours.parquet");
        try (ArtifactWriter w = ArtifactWriter.open(ours, SamplePanels.META,
                new ArtifactWriter.RowGroupLimits(1_000_000, 1L << 30))) {
            for (TickerPanel p : panels) {
                w.write(p);
            }
            w.commit();
        }
        Path reference = dir.resolve("reference.parquet");
        ReferenceArtifactWriter.write(reference, panels);

        try (DuckDb db = new DuckDb()) {
            String hashes = "select count(*), sum(hash(COLUMNS(*))) from ";
            List<Object> a = db.query(hashes + DuckDb.literal(ours)).get(0);
            List<Object> b = db.query(hashes + DuckDb.literal(reference)).get(0);
            assertEquals(161, a.size(), "rows and the hash of each of the 160 columns");
            assertEquals(b, a);
            String ea = "select * from " + DuckDb.literal(ours);
            String eb = "select * from " + DuckDb.literal(reference);
            assertEquals(0L, db.value("select count(*) from (" + ea + " except all " + eb + ")"));
            assertEquals(0L, db.value("select count(*) from (" + eb + " except all " + ea + ")"));
        }
        long size = Files.size(ours);
        long referenceSize = Files.size(reference);
        assertTrue(size <= referenceSize * 1.05, size + " bytes against parquet-java's " + referenceSize);
    }
}
