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
}
