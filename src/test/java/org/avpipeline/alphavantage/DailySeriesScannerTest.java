package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.avpipeline.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;

/** The scanner gives exactly Jackson's bars where it answers, and steps aside for everything it does not read. */
class DailySeriesScannerTest {

    private static final String SERIES = "{\"Meta Data\": {\"1. Information\": \"Daily Time Series\", "
            + "\"2. Symbol\": \"X\"},\n \"Time Series (Daily)\": {\n"
            + "  \"2024-01-03\": {\"1. open\": \"10.5\", \"2. high\": \"11\", \"3. low\": \"9.25\", \"4. close\": \"10\","
            + " \"5. adjusted close\": \"9.87654321012345678\", \"6. volume\": \"1200\", \"7. dividend amount\": \"0.0000\","
            + " \"8. split coefficient\": \"1.0\", \"9. extra\": \"x\"},\r\n"
            + "\t\"2024-01-02\": {\"4. close\": \"None\", \"1. open\": \"1e3\"},\n"
            + "  \"2024-01-03\": {\"1. open\": \"99\"},\n"
            + "  \"2024-01-01\": {}\n }\n}\n";

    @Test
    void readsTheUsualShapeLikeJackson() {
        byte[] body = utf8(SERIES);
        List<DailyBar> scanned = DailySeriesScanner.scan(body);
        assertNotNull(scanned);
        assertEquals(4, scanned.size());
        assertEquals(LocalDate.of(2024, 1, 3), scanned.get(0).date());
        assertSameBars(DailySeriesParser.parseWithJackson(body), DailySeriesParser.parse(body));
        assertEquals(3, DailySeriesParser.parse(body).size());
    }

    @Test
    void stepsAsideForWhatItDoesNotReadAndJacksonDecides() {
        String[] others = {
            SERIES.replace("\"10.5\"", "10.5"),                        // a JSON number
            SERIES.replace("\"1200\"", "null"),                        // null
            SERIES.replace("Daily Time Series", "D\\u00e4ily"),        // an escape
            SERIES.replace("Daily Time Series", "Däily"),              // non-ASCII
            SERIES.replace("\"2. Symbol\": \"X\"", "\"2. Symbol\": [\"X\"]"),
            SERIES.replace("\"9. extra\": \"x\"", "\"9. extra\": {\"y\": 1}"),
            SERIES + "trailing",
            "\uFEFF" + SERIES,
        };
        for (String text : others) {
            byte[] body = utf8(text);
            assertNull(DailySeriesScanner.scan(body), text);
            assertSameBars(DailySeriesParser.parseWithJackson(body), DailySeriesParser.parse(body));
        }
    }

    @Test
    void invalidAnswersFailAsBefore() {
        String[] bad = {
            "", "[]", "{}", "{\"Information\": \"rate limit\"}", SERIES.replace("2024-01-02", "yesterday"),
            SERIES.replace("\"9.25\"", "\"9,25\""), SERIES.substring(0, SERIES.length() / 2),
            SERIES.replace("},\r\n", "}\r\n"), SERIES.replace("\"1. open\": \"99\"", "\"1. open\" \"99\""),
            SERIES.replace("\"1. open\": \"99\"", "\"1. open\": \"99\","),
        };
        for (String text : bad) {
            byte[] body = utf8(text);
            assertNull(DailySeriesScanner.scan(body), text);
            MalformedAnswerException e = assertThrows(MalformedAnswerException.class,
                    () -> DailySeriesParser.parse(body), text);
            assertEquals(assertThrows(MalformedAnswerException.class,
                    () -> DailySeriesParser.parseWithJackson(body)).getMessage(), e.getMessage());
        }
    }

    @Test
    void agreesWithJacksonOnEveryByteDeletedOrChanged() {
        Bodies.eachByteDeletedOrChanged(utf8(SERIES), " \"{}:,.0-9x\\nE\t", 7, DailySeriesScannerTest::agree);
    }

    @Test
    void agreesWithJacksonOnSimulatedSeries() {
        SimulatedMarket market = SimulatedMarket.create(42, "QQQ", 12, LocalDate.of(2025, 6, 30));
        for (String ticker : market.tickers()) {
            byte[] body = market.answer(AvFunction.TIME_SERIES_DAILY_ADJUSTED, ticker);
            List<DailyBar> expected;
            try {
                expected = DailySeriesParser.parseWithJackson(body);
            } catch (MalformedAnswerException e) {
                continue;
            }
            assertNotNull(DailySeriesScanner.scan(body), ticker);
            assertSameBars(expected, DailySeriesParser.parse(body));
        }
    }

    @Test
    void agreesWithJacksonOnTheRealAnswers() throws IOException {
        List<Path> series = RealAnswersTest.realFiles(
                f -> f.getFileName().toString().startsWith("TIME_SERIES_DAILY_ADJUSTED"));
        assumeTrue(!series.isEmpty(), "no daily series among the real answers");
        int scanned = 0;
        for (Path f : series) {
            byte[] body = Files.readAllBytes(f);
            if (DailySeriesScanner.scan(body) != null) {
                scanned++;
            }
            agree(body);
        }
        assertEquals(true, scanned > 0, "the scanner read none of the real series");
    }

    private static void agree(byte[] body) {
        List<DailyBar> expected;
        try {
            expected = DailySeriesParser.parseWithJackson(body);
        } catch (MalformedAnswerException e) {
            assertNull(DailySeriesScanner.scan(body), new String(body, StandardCharsets.UTF_8));
            return;
        }
        assertSameBars(expected, DailySeriesParser.parse(body));
    }

    private static void assertSameBars(List<DailyBar> expected, List<DailyBar> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(fields(expected.get(i)), fields(actual.get(i)), "bar " + i);
        }
    }

    /** A bar's date and the raw bits of its numbers (NaN compared bit for bit, -0.0 told from 0.0). */
    private static List<Object> fields(DailyBar b) {
        List<Object> out = new ArrayList<>();
        out.add(b.date());
        for (var c : DailyBar.class.getRecordComponents()) {
            if (c.getType() == double.class) {
                try {
                    out.add(Double.doubleToRawLongBits((double) c.getAccessor().invoke(b)));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
