package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The table of alpha-vantage.md, row by row, with the wordings Alpha Vantage has used. */
class AnswerClassifierTest {

    static Stream<Arguments> table() {
        return Stream.of(
                // data, including empty lists
                Arguments.of(AvFunction.SPLITS, 200, "{\"symbol\": \"X\", \"data\": []}", AnswerKind.DATA),
                Arguments.of(AvFunction.INCOME_STATEMENT, 200, "{\"symbol\": \"X\", \"annualReports\": [], \"quarterlyReports\": []}", AnswerKind.DATA),
                Arguments.of(AvFunction.TIME_SERIES_DAILY_ADJUSTED, 200, "{\"Meta Data\": {}, \"Time Series (Daily)\": {}}", AnswerKind.DATA),
                Arguments.of(AvFunction.ETF_PROFILE, 200, "{\"holdings\": []}", AnswerKind.DATA),
                Arguments.of(AvFunction.EARNINGS, 200, "{\"quarterlyEarnings\": [], \"Information\": \"x\"}", AnswerKind.DATA),
                // throttling, old Note and new Information
                Arguments.of(AvFunction.EARNINGS, 200, "{\"Note\": \"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.\"}", AnswerKind.THROTTLED),
                Arguments.of(AvFunction.EARNINGS, 200, "{\"Information\": \"Thank you for using Alpha Vantage! Please consider spreading out your free API requests more sparingly (1 request per second). You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to lift the free key rate limit (25 requests per day) and instantly unlock all premium endpoints\"}", AnswerKind.THROTTLED),
                Arguments.of(AvFunction.EARNINGS, 200, "{\"Information\": \"We have detected your API key as ABCDEFGH and our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.\"}", AnswerKind.THROTTLED),
                Arguments.of(AvFunction.EARNINGS, 200, "{\"Note\": \"Burst pattern detected; please slow down\"}", AnswerKind.THROTTLED),
                // premium
                Arguments.of(AvFunction.TIME_SERIES_DAILY_ADJUSTED, 200, "{\"Information\": \"Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints\"}", AnswerKind.PREMIUM_REQUIRED),
                Arguments.of(AvFunction.ETF_PROFILE, 200, "{\"Information\": \"Please subscribe to a premium plan to use this function.\"}", AnswerKind.PREMIUM_REQUIRED),
                // bad key
                Arguments.of(AvFunction.SPLITS, 200, "{\"Error Message\": \"the parameter apikey is invalid or missing. Please claim your free API key on (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds.\"}", AnswerKind.BAD_API_KEY),
                Arguments.of(AvFunction.SPLITS, 200, "{\"Information\": \"Invalid API key. Please retry or visit https://www.alphavantage.co/support/#api-key\"}", AnswerKind.BAD_API_KEY),
                Arguments.of(AvFunction.SPLITS, 200, "{\"Error Message\": \"An apikey parameter is required.\"}", AnswerKind.BAD_API_KEY),
                // unknown symbol / bad call
                Arguments.of(AvFunction.TIME_SERIES_DAILY_ADJUSTED, 200, "{\"Error Message\": \"Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY_ADJUSTED.\"}", AnswerKind.UNKNOWN_SYMBOL),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "{}", AnswerKind.UNKNOWN_SYMBOL),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "  {\n}\n", AnswerKind.UNKNOWN_SYMBOL),
                // malformed / truncated / unknown messages
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "{\"symbol\": \"X\", \"annualReports\": []}", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "{\"symbol\": \"X\", \"quarterlyReports\": [{\"fiscalDateEnding\": \"2024-", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "<html>Service Unavailable</html>", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "[]", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "{\"quarterlyReports\": {}}", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.TIME_SERIES_DAILY_ADJUSTED, 200, "{\"Time Series (Daily)\": []}", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "{\"quarterlyReports\": []} trailing", AnswerKind.MALFORMED),
                Arguments.of(AvFunction.BALANCE_SHEET, 200, "{\"Information\": \"The service is being upgraded.\"}", AnswerKind.MALFORMED),
                // HTTP status
                Arguments.of(AvFunction.SPLITS, 500, "{\"data\": []}", AnswerKind.TRANSIENT),
                Arguments.of(AvFunction.SPLITS, 503, "", AnswerKind.TRANSIENT),
                Arguments.of(AvFunction.SPLITS, 429, "", AnswerKind.TRANSIENT),
                Arguments.of(AvFunction.SPLITS, 408, "", AnswerKind.TRANSIENT),
                Arguments.of(AvFunction.SPLITS, 404, "", AnswerKind.PERMANENT),
                Arguments.of(AvFunction.SPLITS, 403, "{\"data\": []}", AnswerKind.PERMANENT),
                Arguments.of(AvFunction.SPLITS, 301, "", AnswerKind.PERMANENT));
    }

    @ParameterizedTest(name = "[{index}] {0} HTTP {1} -> {3}")
    @MethodSource("table")
    void classifiesPerTheTable(AvFunction f, int status, String body, AnswerKind expected) {
        AnswerClassification c = AnswerClassifier.classify(f, status, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, c.kind(), c.detail());
        if (expected != AnswerKind.DATA) {
            assertFalse(c.detail().isBlank(), "a non-data answer says why");
        }
    }

    @Test
    void failuresToAnswerAreTransient() {
        AnswerClassification timeout = AnswerClassifier.classifyFailure(new HttpTimeoutException("request timed out"));
        assertEquals(AnswerKind.TRANSIENT, timeout.kind());
        assertTrue(timeout.detail().startsWith("timeout"));
        assertEquals(AnswerKind.TRANSIENT, AnswerClassifier.classifyFailure(new ConnectException()).kind());
        assertEquals(AnswerKind.TRANSIENT, AnswerClassifier.classifyFailure(new IOException("Connection reset")).kind());
    }

    @Test
    void kindsKnowWhatIsRetryableAndWhatIsFatal() {
        assertTrue(AnswerKind.THROTTLED.retryable());
        assertTrue(AnswerKind.MALFORMED.retryable());
        assertTrue(AnswerKind.TRANSIENT.retryable());
        assertFalse(AnswerKind.UNKNOWN_SYMBOL.retryable());
        assertFalse(AnswerKind.PERMANENT.retryable());
        assertTrue(AnswerKind.PREMIUM_REQUIRED.fatal());
        assertTrue(AnswerKind.BAD_API_KEY.fatal());
        assertFalse(AnswerKind.UNKNOWN_SYMBOL.fatal());
    }

    @Test
    void messageDetailIsCutToAReadableLength() {
        String longMessage = "{\"Note\": \"per minute " + "x".repeat(5000) + "\"}";
        AnswerClassification c = AnswerClassifier.classify(AvFunction.SPLITS, 200,
                longMessage.getBytes(StandardCharsets.UTF_8));
        assertEquals(AnswerKind.THROTTLED, c.kind());
        assertTrue(c.detail().length() < 300, c.detail());
    }
}
