package org.avpipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.avpipeline.config.Settings.FetchFlags;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static FetchSettings resolve(FetchFlags flags, Map<String, String> env) {
        return Settings.resolveFetch(flags, new SettingsResolver(env));
    }

    private static FetchFlags flags(String etf, List<String> tickers, String rate, String url, String maxAge) {
        return new FetchFlags(etf, tickers, null, rate, url, null, maxAge, false, null);
    }

    @Test
    void defaults() {
        FetchSettings s = resolve(FetchFlags.none(), Map.of());
        assertEquals("QQQ", s.etfSymbol());
        assertEquals(List.of(), s.tickers());
        assertFalse(s.explicitTickers());
        assertNull(s.apiKey());
        assertEquals(75, s.rateLimitPerMinute());
        assertEquals(URI.create("https://www.alphavantage.co/query"), s.avBaseUrl());
        assertEquals(Path.of("avpipeline-data"), s.dataDir());
        assertEquals(Duration.ofDays(6), s.maxAge());
        assertEquals(10, s.concurrency());
    }

    @Test
    void environmentBeatsDefaultsAndFlagsBeatEnvironment() {
        Map<String, String> env = Map.of("ETF_SYMBOL", "spy",
                "ALPHA_VANTAGE_API_KEY", "ENVKEY", "AV_RATE_LIMIT_PER_MIN", "150", "AV_BASE_URL", "http://127.0.0.1:1/query");
        FetchSettings fromEnv = resolve(FetchFlags.none(), env);
        assertEquals("SPY", fromEnv.etfSymbol());
        assertEquals("ENVKEY", fromEnv.requireApiKey());
        assertEquals(150, fromEnv.rateLimitPerMinute());
        assertEquals(URI.create("http://127.0.0.1:1/query"), fromEnv.avBaseUrl());

        FetchSettings fromFlags = resolve(new FetchFlags("vti", null, "FLAGKEY", "300", "https://example.test/q", "/tmp/d",
                "12h", true, "7"), env);
        assertEquals("VTI", fromFlags.etfSymbol());
        assertEquals("FLAGKEY", fromFlags.apiKey());
        assertEquals(300, fromFlags.rateLimitPerMinute());
        assertEquals(URI.create("https://example.test/q"), fromFlags.avBaseUrl());
        assertEquals(Path.of("/tmp/d"), fromFlags.dataDir());
        assertEquals(Duration.ofHours(12), fromFlags.maxAge());
        assertTrue(fromFlags.refresh());
        assertEquals(7, fromFlags.concurrency());
    }

    @Test
    void blankEnvironmentVariablesCountAsUnset() {
        FetchSettings s = resolve(FetchFlags.none(), Map.of("ETF_SYMBOL", "  ", "AV_RATE_LIMIT_PER_MIN", ""));
        assertEquals("QQQ", s.etfSymbol());
        assertEquals(75, s.rateLimitPerMinute());
    }

    @Test
    void explicitTickersAreCleaned() {
        FetchSettings s = resolve(flags(null, List.of("ibm", "n/a", "IBM", "msft"), null, null, null), Map.of());
        assertEquals(List.of("IBM", "MSFT"), s.tickers());
        assertTrue(s.explicitTickers());
        SettingsException e = assertThrows(SettingsException.class,
                () -> resolve(flags(null, List.of("n/a", ""), null, null, null), Map.of()));
        assertTrue(e.getMessage().contains("--tickers"));
    }

    @Test
    void invalidValuesNameTheFlagAndTheVariable() {
        assertInvalid(flags(null, null, "0", null, null), Map.of(), "--rate-limit", "AV_RATE_LIMIT_PER_MIN");
        assertInvalid(flags(null, null, "-3", null, null), Map.of(), "--rate-limit", "AV_RATE_LIMIT_PER_MIN");
        assertInvalid(FetchFlags.none(), Map.of("AV_RATE_LIMIT_PER_MIN", "fast"), "--rate-limit", "AV_RATE_LIMIT_PER_MIN");
        assertInvalid(FetchFlags.none(), Map.of("AV_BASE_URL", "ftp://x/q"), "--av-url", "AV_BASE_URL");
        assertInvalid(flags(null, null, null, "not a url", null), Map.of(), "--av-url", "AV_BASE_URL");
        assertInvalid(FetchFlags.none(), Map.of("ETF_SYMBOL", "Q Q Q"), "--etf", "ETF_SYMBOL");
        assertInvalid(flags(null, null, null, null, "six days"), Map.of(), "--max-age", null);
        assertInvalid(flags(null, null, null, null, "-P1D"), Map.of(), "--max-age", null);
    }

    private static void assertInvalid(FetchFlags flags, Map<String, String> env, String flag, String envVar) {
        SettingsException e = assertThrows(SettingsException.class, () -> resolve(flags, env));
        assertTrue(e.getMessage().contains(flag), e.getMessage());
        if (envVar != null) {
            assertTrue(e.getMessage().contains(envVar), e.getMessage());
        }
    }

    @Test
    void startDateFlagEnvironmentDefault() {
        SettingsResolver none = new SettingsResolver(Map.of());
        assertEquals(LocalDate.of(2004, 12, 31), Settings.startDate(null, none));
        SettingsResolver env = new SettingsResolver(Map.of("START_DATE", "2010-01-01"));
        assertEquals(LocalDate.of(2010, 1, 1), Settings.startDate(null, env));
        assertEquals(LocalDate.of(2015, 6, 30), Settings.startDate("2015-06-30", env));
        for (SettingsResolver bad : List.of(new SettingsResolver(Map.of("START_DATE", "2024-13-01")))) {
            SettingsException e = assertThrows(SettingsException.class, () -> Settings.startDate(null, bad));
            assertTrue(e.getMessage().contains("--start-date / START_DATE"), e.getMessage());
        }
        SettingsException e = assertThrows(SettingsException.class, () -> Settings.startDate("31/12/2004", none));
        assertTrue(e.getMessage().contains("START_DATE") && e.getMessage().contains("31/12/2004"), e.getMessage());
    }

    @Test
    void agesInSeveralSpellings() {
        SettingsResolver r = new SettingsResolver(Map.of());
        assertEquals(Duration.ofDays(6), r.age("--max-age", "6d", null, null));
        assertEquals(Duration.ofHours(12), r.age("--max-age", "12h", null, null));
        assertEquals(Duration.ofMinutes(30), r.age("--max-age", "30m", null, null));
        assertEquals(Duration.ofSeconds(45), r.age("--max-age", "45s", null, null));
        assertEquals(Duration.ofSeconds(90), r.age("--max-age", "90", null, null));
        assertEquals(Duration.ZERO, r.age("--max-age", "0", null, null));
        assertEquals(Duration.ofDays(6), r.age("--max-age", "P6D", null, null));
        assertEquals(Duration.ofHours(3), r.age("--max-age", "pt3h", null, null));
    }

    @Test
    void missingKeyNamesTheVariableAndToStringHidesTheKey() {
        FetchSettings none = resolve(FetchFlags.none(), Map.of());
        SettingsException e = assertThrows(SettingsException.class, none::requireApiKey);
        assertTrue(e.getMessage().contains("ALPHA_VANTAGE_API_KEY"), e.getMessage());
        FetchSettings some = resolve(FetchFlags.none(), Map.of("ALPHA_VANTAGE_API_KEY", "S3CR3TKEY"));
        assertFalse(some.toString().contains("S3CR3TKEY"), some.toString());
    }
}
