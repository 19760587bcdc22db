package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarningsCalendarParserTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheCsvAsAlphaVantageAnswersIt() {
        List<CalendarEntry> rows = AnswerParsers.parseEarningsCalendar(utf8(
                "symbol,name,reportDate,fiscalDateEnding,estimate,currency\r\n"
                        + "aapl,Apple Inc,2024-05-02,2024-03-31,1.5,USD\r\n"
                        + "BRK-B,\"Berkshire Hathaway, Inc. \"\"B\"\"\",2024-05-04,,,USD\r\n"
                        + ",No Symbol,2024-05-04,2024-03-31,,USD\r\n"
                        + "XYZ,No Date,,2024-03-31,,USD\r\n\r\n"));
        assertEquals(List.of(new CalendarEntry("AAPL", LocalDate.of(2024, 5, 2), LocalDate.of(2024, 3, 31)),
                new CalendarEntry("BRK-B", LocalDate.of(2024, 5, 4), null)), rows);
    }

    @Test
    void columnsAreFoundByName() {
        List<CalendarEntry> rows = AnswerParsers.parseEarningsCalendar(utf8(
                "symbol,name,fiscalDateEnding,reportDate,timeOfTheDay\nIBM,IBM,2024-03-31,2024-04-24,post-market\n"));
        assertEquals(List.of(new CalendarEntry("IBM", LocalDate.of(2024, 4, 24), LocalDate.of(2024, 3, 31))), rows);
    }

    @Test
    void csvIsDataAndAJsonMessageIsNot() {
        assertEquals(AnswerKind.DATA, AnswerClassifier.classify(AvFunction.EARNINGS_CALENDAR, 200,
                utf8("symbol,name,reportDate,fiscalDateEnding,estimate,currency\r\n")).kind());
        assertEquals(AnswerKind.THROTTLED, AnswerClassifier.classify(AvFunction.EARNINGS_CALENDAR, 200,
                utf8("{\"Note\": \"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per "
                        + "minute.\"}")).kind());
        assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseEarningsCalendar(utf8("{}")));
        assertThrows(MalformedAnswerException.class,
                () -> AnswerParsers.parseEarningsCalendar(utf8("symbol,name,estimate\nA,B,1\n")));
    }
}
