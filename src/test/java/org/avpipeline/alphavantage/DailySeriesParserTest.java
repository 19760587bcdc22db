package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** TIME_SERIES_DAILY_ADJUSTED read into bars, and the price days' rule (§2: ascending, a repeated date's first bar). */
class DailySeriesParserTest {

    private static final String SERIES = "{\"Meta Data\": {\"1. Information\": \"Daily Time Series\", "
            + "\"2. Symbol\": \"X\"},\n \"Time Series (Daily)\": {\n"
            + "  \"2024-01-03\": {\"1. open\": \"10.5\", \"2. high\": \"11\", \"3. low\": \"9.25\", \"4. close\": \"10\","
            + " \"5. adjusted close\": \"9.87654321012345678\", \"6. volume\": \"1200\", \"7. dividend amount\": \"0.0000\","
            + " \"8. split coefficient\": \"1.0\", \"9. extra\": \"x\"},\r\n"
            + "\t\"2024-01-02\": {\"4. close\": \"None\", \"1. open\": \"1e3\"},\n"
            + "  \"2024-01-03\": {\"1. open\": \"99\"},\n"
            + "  \"2024-01-01\": {}\n }\n}\n";

    @Test
    void readsTheBarsAscendingWithTheFirstBarOfARepeatedDate() {
        List<DailyBar> bars = DailySeriesParser.parse(utf8(SERIES));
        assertEquals(List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)),
                bars.stream().map(DailyBar::date).toList());
        DailyBar last = bars.get(2);
        assertEquals(new DailyBar(LocalDate.of(2024, 1, 3), 10.5, 11, 9.25, 10, 9.87654321012345678, 1200, 0, 1),
                last);
        assertEquals(1000.0, bars.get(1).open());
        assertTrue(Double.isNaN(bars.get(1).close()), "None is missing");
        assertTrue(Double.isNaN(bars.get(0).close()), "an empty bar has no numbers");
    }

    @Test
    void readsAnyValidJsonOfTheShape() {
        String[] others = {
            SERIES.replace("\"10.5\"", "10.5"),                        // a JSON number
            SERIES.replace("Daily Time Series", "D\\u00e4ily"),        // an escape
            SERIES.replace("Daily Time Series", "Däily"),              // non-ASCII
            SERIES.replace("\"2. Symbol\": \"X\"", "\"2. Symbol\": [\"X\"]"),
            SERIES.replace("\"9. extra\": \"x\"", "\"9. extra\": {\"y\": 1}"),
        };
        for (String text : others) {
            DailyBar bar = DailySeriesParser.parse(utf8(text)).get(2);
            assertEquals(10.5, bar.open(), text);
            assertEquals(9.87654321012345678, bar.adjustedClose(), text);
        }
        assertTrue(Double.isNaN(DailySeriesParser.parse(utf8(SERIES.replace("\"1200\"", "null"))).get(2).volume()));
    }

    @Test
    void invalidAnswersAreMalformed() {
        String[] bad = {
            "", "[]", "{}", "{\"Information\": \"rate limit\"}", SERIES.replace("2024-01-02", "yesterday"),
            SERIES.replace("\"9.25\"", "\"9,25\""), SERIES.substring(0, SERIES.length() / 2),
            SERIES.replace("},\r\n", "}\r\n"), SERIES.replace("\"1. open\": \"99\"", "\"1. open\" \"99\""),
            SERIES.replace("\"1. open\": \"99\"", "\"1. open\": \"99\","), SERIES.replace("\"11\"", "true"),
        };
        for (String text : bad) {
            MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
                    () -> DailySeriesParser.parse(utf8(text)), text);
            assertTrue(e.getMessage().contains("TIME_SERIES_DAILY_ADJUSTED"), e.getMessage());
        }
    }

    @Test
    void readsTheRealAnswers() throws IOException {
        List<Path> series = RealAnswersTest.realFiles(
                f -> f.getFileName().toString().startsWith("TIME_SERIES_DAILY_ADJUSTED") && f.toString().endsWith(".json"));
        assumeTrue(!series.isEmpty(), "no daily series among the real answers");
        for (Path f : series) {
            List<DailyBar> bars = DailySeriesParser.parse(Files.readAllBytes(f));
            assertFalse(bars.isEmpty(), f.toString());
            for (int i = 1; i < bars.size(); i++) {
                assertTrue(bars.get(i - 1).date().isBefore(bars.get(i).date()), f + ": " + bars.get(i).date());
            }
            assertTrue(bars.stream().allMatch(b -> b.close() > 0), f + ": every real bar has a close");
        }
    }

    @Test
    void anAscendingListIsKeptAndTheAnswersNewestFirstOrderReversed() {
        List<DailyBar> ascending = List.of(bar(1, 1), bar(2, 2), bar(5, 3));
        assertSame(ascending, DailyBar.ascendingFirstOfEachDate(ascending));
        assertEquals(ascending, DailyBar.ascendingFirstOfEachDate(List.of(bar(5, 3), bar(2, 2), bar(1, 1))));
        assertEquals(List.of(bar(1, 1), bar(2, 2)),
                DailyBar.ascendingFirstOfEachDate(List.of(bar(2, 2), new DailyBar(null, 0, 0, 0, 0, 0, 0, 0, 0),
                        bar(1, 1))));
    }

    /** Whatever the order: ascending, one bar per date, and that bar the first given for its date. */
    @Property(tries = 500)
    void theRuleKeepsTheFirstBarOfEachDateAscending(@ForAll("barLists") List<DailyBar> bars) {
        List<DailyBar> out = DailyBar.ascendingFirstOfEachDate(bars);
        Map<LocalDate, DailyBar> first = new LinkedHashMap<>();
        for (DailyBar b : bars) {
            first.putIfAbsent(b.date(), b);
        }
        assertEquals(first.size(), out.size());
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < out.size(); i++) {
            assertTrue(seen.add(out.get(i).date()));
            assertSame(first.get(out.get(i).date()), out.get(i));
            assertTrue(i == 0 || out.get(i - 1).date().isBefore(out.get(i).date()));
        }
    }

    @Provide
    Arbitrary<List<DailyBar>> barLists() {
        return Arbitraries.integers().between(0, 15).list().ofMaxSize(30).map(days -> {
            List<DailyBar> bars = new ArrayList<>();
            for (int i = 0; i < days.size(); i++) {
                bars.add(bar(days.get(i), i));
            }
            return bars;
        });
    }

    private static DailyBar bar(int day, double close) {
        return new DailyBar(LocalDate.of(2024, 1, 1).plusDays(day), close, close, close, close, close, 1, 0, 1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
