package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * OVERVIEW answers. The real answers under {@code ../shared/fixtures/alpha-vantage/real/} include no OVERVIEW, so
 * {@code overview-documented.json} is written from Alpha Vantage's documentation of the function (the IBM example:
 * its field names, their order and the all-strings shape; the numbers are illustrative, not a recorded answer). When
 * the shared fixtures do gain an OVERVIEW answer, {@link #aRealOverviewWhenTheFixturesHaveOne} parses it too.
 */
class OverviewParserTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentedAnswerGivesTheProfileFields() throws Exception {
        byte[] body = AnswerParsersTest.resource("overview-documented.json");
        assertEquals(AnswerKind.DATA, AnswerClassifier.classifyBody(AvFunction.OVERVIEW, body).kind());
        CompanyOverview o = AnswerParsers.parseOverview(body);
        assertEquals(new CompanyOverview("IBM", "Common Stock", "International Business Machines", "51143", "NYSE",
                "USD", "USA", "TECHNOLOGY", "COMPUTER & OFFICE EQUIPMENT", "December", null), o);
    }

    @Test
    void noneEmptyAndDashAreMissingAndTextIsTrimmed() {
        CompanyOverview o = AnswerParsers.parseOverview(utf8("{\"Symbol\": \"X\", \"Name\": \" Xylo Corp \", "
                + "\"CIK\": \"None\", \"Exchange\": \"\", \"Sector\": \"-\", \"Industry\": \"none\"}"));
        assertEquals("Xylo Corp", o.name());
        assertNull(o.cik());
        assertNull(o.exchange());
        assertNull(o.sector());
        assertNull(o.industry());
        assertNull(o.country(), "an absent field is missing");
    }

    @Test
    void anEtfsEmptyAnswerIsNoProfileAndAnAnswerWithoutSymbolIsMalformed() {
        // what Alpha Vantage sends for OVERVIEW of an ETF (QQQ, SPY): data (stored, asked again after 30 days) that
        // describes no company; the statements' {} still means an unknown symbol
        assertEquals(AnswerKind.DATA, AnswerClassifier.classifyBody(AvFunction.OVERVIEW, utf8("{}")).kind());
        assertNull(AnswerParsers.parseOverview(utf8("{}")));
        assertEquals(AnswerKind.UNKNOWN_SYMBOL,
                AnswerClassifier.classifyBody(AvFunction.INCOME_STATEMENT, utf8("{}")).kind());
        assertEquals(AnswerKind.MALFORMED, AnswerClassifier.classifyBody(AvFunction.OVERVIEW,
                utf8("{\"Symbol\": [\"X\"]}")).kind());
        assertThrows(MalformedAnswerException.class, () -> AnswerParsers.parseOverview(utf8("{\"Name\": \"X\"}")));
        assertThrows(MalformedAnswerException.class,
                () -> AnswerParsers.parseOverview(utf8("{\"Symbol\": \"X\", \"Sector\": {\"a\": 1}}")));
    }

    @Test
    void aRealOverviewWhenTheFixturesHaveOne() throws Exception {
        Path real = Path.of("..", "shared", "fixtures", "alpha-vantage", "real");
        if (!Files.isDirectory(real)) {
            return;
        }
        try (var files = Files.walk(real)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("OVERVIEW")
                    && f.toString().endsWith(".json")).toList()) {
                CompanyOverview o = AnswerParsers.parseOverview(Files.readAllBytes(p));
                assertEquals(p.getParent().getFileName().toString(), o.symbol(), p.toString());
            }
        }
    }
}
