package org.avpipeline.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local store's vintages (alpha-vantage.md, "Vintages"): kept, listed, and never lost to a crash. */
class LocalRawStoreVintagesTest {
    @TempDir
    Path root;

    static final RawKey IBM_INCOME = RawKey.of("IBM", AvFunction.INCOME_STATEMENT);
    static final Instant T1 = Instant.parse("2024-10-15T06:00:01.250Z");
    static final Instant T2 = Instant.parse("2024-10-22T06:00:00Z");
    static final Instant T3 = Instant.parse("2026-05-18T06:00:00Z");

    static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static AnswerMetadata meta(Instant at, byte[] body) {
        return new AnswerMetadata(at, "function=INCOME_STATEMENT&symbol=IBM", Sha256.hex(body));
    }

    @Test
    void sameContentFetchedAgainKeepsItsFirstFetchedAtAndKeepsNoVintage() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] v1 = body("{\"v\": 1}");
        store.write(IBM_INCOME, v1, meta(T1, v1));
        store.write(IBM_INCOME, v1, meta(T2, v1));
        AnswerMetadata read = store.metadata(IBM_INCOME).orElseThrow();
        assertEquals(T2, read.fetchedAt());
        assertEquals(T1, read.firstFetchedAt());
        assertEquals(List.of(), store.vintages(IBM_INCOME));
        assertFalse(Files.exists(root.resolve("raw/IBM/_vintages")));
    }

    @Test
    void otherContentMovesTheStoredPairToItsVintagePlaceNamedByItsFirstFetch() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        byte[] v1 = body("{\"v\": 1}");
        byte[] v2 = body("{\"v\": 2}");
        store.write(IBM_INCOME, v1, meta(T1, v1));
        store.write(IBM_INCOME, v1, meta(T2, v1));
        store.write(IBM_INCOME, v2, meta(T3, v2));

        Path kept = root.resolve("raw/IBM/_vintages/INCOME_STATEMENT/20241015T060001Z.json.gz");
        assertTrue(Files.isRegularFile(kept));
        assertTrue(Files.isRegularFile(root.resolve("raw/IBM/_vintages/INCOME_STATEMENT/20241015T060001Z.meta.json")));
        List<StoredAnswer> vintages = store.vintages(IBM_INCOME);
        assertEquals(1, vintages.size());
        assertArrayEquals(v1, vintages.get(0).body());
        assertEquals(new AnswerMetadata(T2, meta(T2, v1).request(), Sha256.hex(v1), T1), vintages.get(0).metadata());

        StoredAnswer current = store.read(IBM_INCOME).orElseThrow();
        assertArrayEquals(v2, current.body());
        assertEquals(T3, current.metadata().firstFetchedAt());
    }

    @Test
    void vintagesAreListedInFirstFetchOrderAndOnlyForTheFourStatementFunctions() throws IOException {
        LocalRawStore store = new LocalRawStore(root);
        List<byte[]> bodies = new ArrayList<>();
        Instant[] times = {T1, T2, T3, Instant.parse("2026-05-25T06:00:00Z")};
        for (int i = 0; i < times.length; i++) {
            byte[] b = body("{\"v\": " + i + "}");
            bodies.add(b);
            store.write(IBM_INCOME, b, meta(times[i], b));
        }
        List<StoredAnswer> vintages = store.vintages(IBM_INCOME);
        assertEquals(List.of(T1, T2, T3), vintages.stream().map(v -> v.metadata().firstFetchedAt()).toList());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(bodies.get(i), vintages.get(i).body());
        }

        RawKey prices = RawKey.of("IBM", AvFunction.TIME_SERIES_DAILY_ADJUSTED);
        assertFalse(prices.vintaged());
        assertEquals(Set.of(AvFunction.INCOME_STATEMENT, AvFunction.BALANCE_SHEET, AvFunction.CASH_FLOW,
                AvFunction.EARNINGS), RawKey.VINTAGED);
        byte[] p1 = body("{\"p\": 1}");
        byte[] p2 = body("{\"p\": 2}");
        store.write(prices, p1, meta(T1, p1));
        store.write(prices, p2, meta(T2, p2));
        assertEquals(List.of(), store.vintages(prices));
        assertFalse(Files.exists(root.resolve("raw/IBM/_vintages/TIME_SERIES_DAILY_ADJUSTED")));
    }

    @Test
    void aStoreWrittenBeforeVintagesReadsAsOneVintageFirstFetchedWhenFetched() throws IOException {
        Path dir = Files.createDirectories(root.resolve("raw/IBM"));
        byte[] v1 = body("{\"v\": 1}");
        LocalRawStore store = new LocalRawStore(root);
        store.write(IBM_INCOME, v1, meta(T1, v1));
        Files.writeString(dir.resolve("INCOME_STATEMENT.meta.json"), "{\"fetchedAt\":\"" + T2
                + "\",\"request\":\"r\",\"sha256\":\"" + Sha256.hex(v1) + "\"}");
        assertEquals(T2, store.read(IBM_INCOME).orElseThrow().metadata().firstFetchedAt());
        assertEquals(List.of(), store.vintages(IBM_INCOME));

        byte[] v2 = body("{\"v\": 2}");
        store.write(IBM_INCOME, v2, meta(T3, v2));
        assertTrue(Files.isRegularFile(root.resolve("raw/IBM/_vintages/INCOME_STATEMENT/20241022T060000Z.json.gz")));
        assertEquals(List.of(T2), store.vintages(IBM_INCOME).stream().map(v -> v.metadata().firstFetchedAt()).toList());
    }

    /**
     * A crash before any step of a write (thrown by the step hook) leaves the old answer or the new one current, every
     * earlier content kept (current or vintage), and a rerun of the write completes it with no temporary file left.
     */
    @ParameterizedTest
    @ValueSource(strings = {"keep vintage answer", "keep vintage metadata", "remove old metadata", "place answer",
        "place metadata"})
    void aCrashBetweenAnyTwoStepsLosesNoVintage(String crashBefore) throws IOException {
        byte[] v1 = body("{\"v\": 1}");
        byte[] v2 = body("{\"v\": 2}");
        byte[] v3 = body("{\"v\": 3}");
        LocalRawStore store = new LocalRawStore(root);
        store.write(IBM_INCOME, v1, meta(T1, v1));
        store.write(IBM_INCOME, v2, meta(T2, v2));
        List<String> steps = new ArrayList<>();
        LocalRawStore crashing = new LocalRawStore(root, UnaryOperator.identity(), step -> {
            steps.add(step);
            if (step.equals(crashBefore)) {
                throw new IllegalStateException("crash before " + step);
            }
        });
        assertThrows(IllegalStateException.class, () -> crashing.write(IBM_INCOME, v3, meta(T3, v3)));
        assertEquals(crashBefore, steps.get(steps.size() - 1), "the step was reached");

        Set<String> contents = new TreeSet<>();
        store.read(IBM_INCOME).ifPresent(a -> contents.add(new String(a.body(), StandardCharsets.UTF_8)));
        for (StoredAnswer v : store.vintages(IBM_INCOME)) {
            contents.add(new String(v.body(), StandardCharsets.UTF_8));
        }
        assertTrue(contents.containsAll(Set.of("{\"v\": 1}", "{\"v\": 2}")), crashBefore + ": " + contents);

        store.write(IBM_INCOME, v3, meta(T3, v3));
        assertArrayEquals(v3, store.read(IBM_INCOME).orElseThrow().body());
        assertEquals(List.of(T1, T2), store.vintages(IBM_INCOME).stream()
                .map(v -> v.metadata().firstFetchedAt()).toList());
        try (Stream<Path> all = Files.walk(root)) {
            assertEquals(List.of(), all.filter(TempFiles::isTemporary).toList());
        }
    }

    @Test
    void leftoversOfAKilledVintageWriteAreRemoved() throws IOException {
        Path folder = Files.createDirectories(root.resolve("raw/IBM/_vintages/INCOME_STATEMENT"));
        Files.write(folder.resolve(".20241015T060001Z.json.gz.1234.tmp"), new byte[3]);
        assertEquals(1, new LocalRawStore(root).removeLeftovers());
    }
}
