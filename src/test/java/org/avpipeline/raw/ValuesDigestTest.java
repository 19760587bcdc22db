package org.avpipeline.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Test;

/** The values digest: equal for answers the build reads alike, other for any value it reads that changed. */
class ValuesDigestTest {
    static final String INCOME = "{\"symbol\": \"X\", \"annualReports\": [{\"fiscalDateEnding\": \"2023-12-31\","
            + " \"totalRevenue\": \"400\"}], \"quarterlyReports\": [{\"fiscalDateEnding\": \"2024-03-31\","
            + " \"reportedCurrency\": \"USD\", \"totalRevenue\": \"100\", \"netIncome\": \"None\"}]}";
    static final String EARNINGS = "{\"symbol\": \"X\", \"quarterlyEarnings\": [{\"fiscalDateEnding\": \"2024-03-31\","
            + " \"reportedDate\": \"2024-04-25\", \"reportedEPS\": \"1.0\", \"estimatedEPS\": \"0.9\","
            + " \"reportTime\": \"post-market\"}]}";

    static String of(AvFunction f, String body) {
        return ValuesDigest.of(f, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameValuesInOtherBytesHaveOneDigest() {
        String d = of(AvFunction.INCOME_STATEMENT, INCOME);
        assertTrue(d.startsWith(ValuesDigest.VERSION + ":") && d.length() == 2 + 64, d);
        assertEquals(d, of(AvFunction.INCOME_STATEMENT, INCOME.replace(", ", ",\n    ") + "  \n"), "layout");
        assertEquals(d, of(AvFunction.INCOME_STATEMENT, INCOME.replace("\"X\"", "\"Y\"")), "a field not read");
        assertEquals(of(AvFunction.EARNINGS, EARNINGS), of(AvFunction.EARNINGS, EARNINGS.replace("0.9", "0.95")),
                "the estimate is not read");
    }

    @Test
    void anyValueReadThatChangedChangesTheDigest() {
        String d = of(AvFunction.INCOME_STATEMENT, INCOME);
        assertNotEquals(d, of(AvFunction.INCOME_STATEMENT, INCOME.replace("\"100\"", "\"101\"")));
        assertNotEquals(d, of(AvFunction.INCOME_STATEMENT, INCOME.replace("\"400\"", "\"401\"")), "annual");
        assertNotEquals(d, of(AvFunction.INCOME_STATEMENT, INCOME.replace("\"None\"", "\"0\"")), "missing to 0");
        assertNotEquals(d, of(AvFunction.INCOME_STATEMENT, INCOME.replace("USD", "EUR")), "currency");
        assertNotEquals(d, of(AvFunction.CASH_FLOW, INCOME), "another statement names netIncome otherwise");
        assertNotEquals(of(AvFunction.EARNINGS, EARNINGS), of(AvFunction.EARNINGS,
                EARNINGS.replace("post-market", "pre-market")), "the report time");
    }

    @Test
    void noDigestForPricesOrAnAnswerThatDoesNotParse() {
        assertNull(of(AvFunction.TIME_SERIES_DAILY_ADJUSTED, "{}"));
        assertNull(of(AvFunction.INCOME_STATEMENT, "{\"quarterlyReports\": 3}"));
        assertNull(of(AvFunction.EARNINGS, "not json"));
    }

    @Test
    void theRecordKeepsTheDigest() throws IOException {
        AnswerMetadata m = new AnswerMetadata(Instant.parse("2024-01-01T00:00:00Z"), "function=X", "ab")
                .withValuesDigest("1:cd");
        assertEquals(m, AnswerMetadataJson.fromJson(AnswerMetadataJson.toJson(m)));
        AnswerMetadata none = m.withValuesDigest(null);
        assertEquals(none, AnswerMetadataJson.fromJson(AnswerMetadataJson.toJson(none)));
        assertTrue(!none.sameValuesAs(none), "unknown values are never the same");
        assertTrue(m.sameValuesAs(m.withFirstFetchedAt(Instant.EPOCH)));
    }
}
