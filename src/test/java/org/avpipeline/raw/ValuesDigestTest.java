package org.avpipeline.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.avpipeline.alphavantage.AvFunction;
import org.junit.jupiter.api.Assumptions;
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

    /**
     * On the real answers of ../shared/fixtures: every statement and EARNINGS answer has a digest; the same answer
     * written in another layout (compact, as Jackson writes it) has the same; two vintages of one statement (IBM's
     * income statement of 2020-09 and 2026-05, NVIDIA's of 2024-10 and 2025+) have other digests.
     */
    @Test
    void realAnswersKeepTheirDigestInAnotherLayoutAndTwoVintagesDiffer() throws IOException {
        Path real = Path.of("..", "shared", "fixtures", "alpha-vantage", "real");
        Assumptions.assumeTrue(Files.isDirectory(real), "real Alpha Vantage fixtures absent at " + real.toAbsolutePath());
        ObjectMapper json = new ObjectMapper();
        int checked = 0;
        try (Stream<Path> files = Files.walk(real)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = f.getFileName().toString();
                for (AvFunction function : RawKey.VINTAGED) {
                    if (!name.startsWith(function.name() + ".") && !name.startsWith(function.name() + "@")) {
                        continue;
                    }
                    byte[] body = Files.readAllBytes(f);
                    String digest = ValuesDigest.of(function, body);
                    assertTrue(digest != null && digest.startsWith("1:"), f.toString());
                    byte[] compact = json.writeValueAsBytes(json.readTree(body));
                    assertEquals(digest, ValuesDigest.of(function, compact), f + " written compactly");
                    checked++;
                }
            }
        }
        assertTrue(checked >= 20, "real statement answers checked: " + checked);
        assertNotEquals(ValuesDigest.of(AvFunction.INCOME_STATEMENT, Files.readAllBytes(real.resolve(
                "IBM/INCOME_STATEMENT@2020-09.legacy.json"))), ValuesDigest.of(AvFunction.INCOME_STATEMENT,
                Files.readAllBytes(real.resolve("IBM/INCOME_STATEMENT.json"))));
        assertNotEquals(ValuesDigest.of(AvFunction.INCOME_STATEMENT, Files.readAllBytes(real.resolve(
                "NVDA/INCOME_STATEMENT@2024-10.json"))), ValuesDigest.of(AvFunction.INCOME_STATEMENT,
                Files.readAllBytes(real.resolve("NVDA/INCOME_STATEMENT.json"))));
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
