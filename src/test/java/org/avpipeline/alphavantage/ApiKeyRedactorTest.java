package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ApiKeyRedactorTest {
    @Test
    void redactsTheQueryParameter() {
        assertEquals("https://x/query?function=SPLITS&symbol=IBM&apikey=***",
                ApiKeyRedactor.redactUrl("https://x/query?function=SPLITS&symbol=IBM&apikey=S3CR3T"));
        assertEquals("a?apikey=***&symbol=IBM", ApiKeyRedactor.redactUrl("a?apikey=S3CR3T&symbol=IBM"));
        assertEquals("a?APIKEY=*** b", ApiKeyRedactor.redactUrl("a?APIKEY=S3CR3T b"));
    }

    @Test
    void redactsTheKeyWhereverItAppears() {
        ApiKeyRedactor r = new ApiKeyRedactor("S3CR3T+KEY/1");
        String said = "We have detected your API key as S3CR3T+KEY/1 and ... apikey=S3CR3T%2BKEY%2F1";
        String shown = r.redact(said);
        assertFalse(shown.contains("S3CR3T"), shown);
        assertEquals("We have detected your API key as *** and ... apikey=***", shown);
    }

    @Test
    void keysAddedLaterAreRedactedFromThenOnAndShortOrBlankOnesIgnored() {
        ApiKeyRedactor r = new ApiKeyRedactor();
        assertEquals("a s3cr3t-key b", r.redact("a s3cr3t-key b"));
        r.add(" s3cr3t-key ");
        assertEquals("a *** b *** c", r.redact("a s3cr3t-key b s3cr3t-key c"));
        assertEquals("no secret here", r.redact("no secret here"));
        assertEquals("ab", ApiKeyRedactor.of("", "  ", "a", "ab").redact("ab"));
        assertEquals("***d", ApiKeyRedactor.of("abc").redact("abcd"));
        assertEquals(null, r.redact(null));
    }
}
