package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.panel.BuildParameters;
import org.avpipeline.panel.TickerData;
import org.avpipeline.panel.TickerResult;
import org.avpipeline.panel.VintageBuild;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.AnswerMetadataJson;
import org.avpipeline.raw.LocalRawStore;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.Sha256;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipeline.md §8a with answers that differ in bytes but not in values (alpha-vantage.md, "Vintages": every distinct
 * answer is kept): the records' values digests let the build read one answer of each run of equal ones, and what it
 * builds is what reading every answer builds.
 */
class VintagesEqualInValuesTest {
    static final BuildParameters PARAMS = new BuildParameters(LocalDate.of(2005, 1, 1),
            BuildParameters.of(LocalDate.of(2005, 1, 1)).cleaning(), true);
    static final SimulatedMarket MARKET = SimulatedMarket.create(42, "QQQ", 4, LocalDate.of(2025, 6, 30));
    static final Instant[] WEEKS = {Instant.parse("2025-05-05T06:00:00Z"), Instant.parse("2025-05-12T06:00:00Z"),
        Instant.parse("2025-05-19T06:00:00Z"), Instant.parse("2025-05-26T06:00:00Z"),
        Instant.parse("2025-06-02T06:00:00Z")};

    @TempDir
    Path dir;

    /**
     * A store of the ticker with five income statements, one a week: the older values (restated later) twice and the
     * newer values three times, each time with other trailing blanks (so five distinct answers, two in values).
     */
    LocalRawStore store(String ticker, Path root) throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        for (AvFunction f : AvFunction.PER_TICKER) {
            byte[] body = MARKET.answer(f, ticker);
            store.write(RawKey.of(ticker, f), body, meta(WEEKS[0], body));
        }
        byte[] newer = MARKET.answer(AvFunction.INCOME_STATEMENT, ticker);
        byte[] older = restated(newer);
        RawKey income = RawKey.of(ticker, AvFunction.INCOME_STATEMENT);
        for (int week = 0; week < WEEKS.length; week++) {
            byte[] body = blanks(week < 2 ? older : newer, week + 1);
            store.write(income, body, meta(WEEKS[week], body));
        }
        return store;
    }

    @Test
    void oneAnswerOfEachRunEqualInValuesIsReadAndTheBuildIsThatOfReadingEveryAnswer() throws IOException {
        String ticker = MARKET.tickers().get(0);
        LocalRawStore store = store(ticker, dir.resolve("digests"));
        RawKey income = RawKey.of(ticker, AvFunction.INCOME_STATEMENT);
        List<AnswerMetadata> kept = store.vintageRecords(income);
        assertEquals(4, kept.size());
        assertTrue(kept.get(0).sameValuesAs(kept.get(1)));
        assertTrue(!kept.get(1).sameValuesAs(kept.get(2)) && kept.get(2).sameValuesAs(kept.get(3)));
        assertTrue(kept.get(3).sameValuesAs(store.metadata(income).orElseThrow()));

        // the second answer of each run is never read: gone, the build does not miss it
        Files.delete(dir.resolve("digests/raw/" + ticker + "/_vintages/INCOME_STATEMENT/20250505T060000Z.json.gz"));
        Files.delete(dir.resolve("digests/raw/" + ticker + "/_vintages/INCOME_STATEMENT/20250519T060000Z.json.gz"));
        RawTickerLoader loader = new RawTickerLoader(store);
        TickerData data = loader.load(ticker);
        assertEquals(List.of(), loader.damaged());
        var vintages = data.vintages().statement(AvFunction.INCOME_STATEMENT);
        assertEquals(5, vintages.size());
        assertSame(vintages.get(0).rows(), vintages.get(1).rows(), "one answer read for the run");
        assertSame(vintages.get(2).rows(), vintages.get(4).rows(), "the current answer's rows for its run");
        assertNotEquals(vintages.get(1).rows(), vintages.get(2).rows());

        LocalRawStore everyAnswer = store(ticker, dir.resolve("plain"));
        withoutDigests(dir.resolve("plain/raw/" + ticker));
        TickerData all = new RawTickerLoader(everyAnswer).load(ticker);
        assertEquals(5, all.vintages().statement(AvFunction.INCOME_STATEMENT).size(), "without digests: every answer");

        TickerResult collapsed = VintageBuild.build(data, PARAMS);
        TickerResult read = VintageBuild.build(all, PARAMS);
        assertNotNull(collapsed.panel());
        assertEquals(0, VintagesRealAnswersTest.differingRows(read.panel(), collapsed.panel()));
        assertEquals(read.panel().rows(), collapsed.panel().rows());
        assertEquals(read.facts().restatements(), collapsed.facts().restatements());
        assertTrue(collapsed.facts().restatements().changes().size() > 0, "the restatement is seen");
        assertEquals(read.companions().quarters().rows(), collapsed.companions().quarters().rows());
        assertArrayEquals(read.companions().quarters().dates(CompanionSchemas.VALID_FROM),
                collapsed.companions().quarters().dates(CompanionSchemas.VALID_FROM));
    }

    @Test
    void theDigestIsRecordedWithEveryStatementAnswerAndKeptWithItsVintage() throws IOException {
        String ticker = MARKET.tickers().get(1);
        LocalRawStore store = store(ticker, dir);
        for (AvFunction f : List.of(AvFunction.EARNINGS, AvFunction.BALANCE_SHEET, AvFunction.CASH_FLOW)) {
            assertTrue(store.metadata(RawKey.of(ticker, f)).orElseThrow().valuesDigest().startsWith("1:"), f.name());
        }
        assertEquals(null, store.metadata(RawKey.of(ticker, AvFunction.TIME_SERIES_DAILY_ADJUSTED)).orElseThrow()
                .valuesDigest(), "prices are not vintaged");
        List<AnswerMetadata> kept = store.vintageRecords(RawKey.of(ticker, AvFunction.INCOME_STATEMENT));
        assertNotEquals(kept.get(0).valuesDigest(), kept.get(2).valuesDigest());
    }

    /** The records as written before values digests: the build then reads every answer. */
    static void withoutDigests(Path tickerFolder) throws IOException {
        try (var files = Files.walk(tickerFolder)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".meta.json")).toList()) {
                AnswerMetadata m = AnswerMetadataJson.fromJson(Files.readAllBytes(p));
                Files.write(p, AnswerMetadataJson.toJson(m.withValuesDigest(null)));
            }
        }
    }

    static AnswerMetadata meta(Instant at, byte[] body) {
        return new AnswerMetadata(at, "function=X", Sha256.hex(body));
    }

    static byte[] blanks(byte[] body, int n) {
        return (new String(body, StandardCharsets.UTF_8) + " ".repeat(n)).getBytes(StandardCharsets.UTF_8);
    }

    /** The answer with the totalRevenue of its fifth quarterly report changed (a restatement). */
    static byte[] restated(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("\"quarterlyReports\"");
        for (int i = 0; i < 5; i++) {
            at = text.indexOf("\"totalRevenue\"", at + 1);
        }
        int open = text.indexOf('"', text.indexOf(':', at) + 1);
        int close = text.indexOf('"', open + 1);
        return (text.substring(0, open + 1) + "12345" + text.substring(close)).getBytes(StandardCharsets.UTF_8);
    }
}
