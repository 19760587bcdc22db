package org.avpipeline.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the fetch needs, resolved and validated (see {@link Settings#resolveFetch}). The API key may be null
 * (the demo needs none); {@link #requireApiKey()} makes it required. {@link #toString()} never shows the key.
 *
 * @param etfSymbol the ETF whose holdings are the universe (used when {@code tickers} is empty)
 * @param tickers an explicit universe, cleaned; empty when the ETF decides
 * @param apiKey the Alpha Vantage key, or null when none was given
 * @param rateLimitPerMinute requests per minute
 * @param avBaseUrl the Alpha Vantage query URL
 * @param dataDir the local data directory (the raw store lives under {@code <dataDir>/raw/})
 * @param maxAge stored answers younger than this are not fetched again
 * @param refresh fetch everything regardless of age
 * @param concurrency requests in flight at once
 * @param maxStatementAge earnings, statements and splits older than this are fetched again
 */
public record FetchSettings(String etfSymbol, List<String> tickers, String apiKey, int rateLimitPerMinute,
        URI avBaseUrl, Path dataDir, Duration maxAge, boolean refresh, int concurrency, Duration maxStatementAge) {
    public FetchSettings {
        Objects.requireNonNull(etfSymbol, "etfSymbol");
        tickers = List.copyOf(tickers);
        maxStatementAge = maxStatementAge == null ? Settings.DEFAULT_MAX_STATEMENT_AGE : maxStatementAge;
    }

    /** With the default statement age. */
    public FetchSettings(String etfSymbol, List<String> tickers, String apiKey, int rateLimitPerMinute,
            URI avBaseUrl, Path dataDir, Duration maxAge, boolean refresh, int concurrency) {
        this(etfSymbol, tickers, apiKey, rateLimitPerMinute, avBaseUrl, dataDir, maxAge, refresh, concurrency, null);
    }

    /** Whether the universe is an explicit ticker list rather than an ETF's holdings. */
    public boolean explicitTickers() {
        return !tickers.isEmpty();
    }

    /** The key; a {@link SettingsException} naming ALPHA_VANTAGE_API_KEY when there is none. */
    public String requireApiKey() {
        if (apiKey == null || apiKey.isBlank()) {
            throw new SettingsException("No Alpha Vantage API key: set the environment variable "
                    + Settings.ENV_API_KEY + " (or pass --api-key).");
        }
        return apiKey;
    }

    @Override
    public String toString() {
        return "FetchSettings[etfSymbol=" + etfSymbol + ", tickers=" + tickers + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", rateLimitPerMinute=" + rateLimitPerMinute + ", avBaseUrl="
                + avBaseUrl + ", dataDir=" + dataDir + ", maxAge=" + maxAge + ", refresh=" + refresh
                + ", concurrency=" + concurrency + ", maxStatementAge=" + maxStatementAge + "]";
    }
}
