package org.avpipeline.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.fetch.FetchPolicy;
import org.avpipeline.fetch.Universe;

/**
 * The settings' names and defaults (the one place), and the resolution of the fetch settings from what the command
 * line gave (nulls where a flag was not given) and the environment: flags &gt; environment &gt; defaults.
 */
public final class Settings {
    private Settings() {}

    public static final String ENV_ETF_SYMBOL = "ETF_SYMBOL";
    public static final String ENV_START_DATE = "START_DATE";
    public static final String ENV_API_KEY = "ALPHA_VANTAGE_API_KEY";
    public static final String ENV_RATE_LIMIT = "AV_RATE_LIMIT_PER_MIN";
    public static final String ENV_AV_URL = "AV_BASE_URL";

    public static final String DEFAULT_ETF = "QQQ";
    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2004, 12, 31);
    public static final int DEFAULT_RATE_LIMIT = 75;
    public static final URI DEFAULT_AV_URL = AlphaVantageClient.DEFAULT_BASE_URL;
    public static final Path DEFAULT_DATA_DIR = Path.of("avpipeline-data");
    public static final Duration DEFAULT_MAX_AGE = FetchPolicy.DEFAULT_MAX_AGE;

    /** What the command line said; null for every flag not given. */
    public record FetchFlags(String etf, List<String> tickers, String apiKey, String rateLimit, String avUrl,
            String dataDir, String maxAge, boolean refresh, String concurrency) {
        public static FetchFlags none() {
            return new FetchFlags(null, null, null, null, null, null, null, false, null);
        }
    }

    /** Resolves and validates every fetch setting; throws {@link SettingsException} on the first bad one. */
    public static FetchSettings resolveFetch(FetchFlags flags, SettingsResolver r) {
        String etf = r.symbol("--etf", flags.etf(), ENV_ETF_SYMBOL, DEFAULT_ETF);
        List<String> tickers = List.of();
        if (flags.tickers() != null) {
            tickers = Universe.clean(flags.tickers());
            if (tickers.isEmpty()) {
                throw new SettingsException("Invalid --tickers: no ticker symbols given.");
            }
        }
        int rate = r.positiveInt("--rate-limit", flags.rateLimit(), ENV_RATE_LIMIT, DEFAULT_RATE_LIMIT);
        URI url = r.httpUrl("--av-url", flags.avUrl(), ENV_AV_URL, DEFAULT_AV_URL);
        Path dataDir = r.path("--data-dir", flags.dataDir(), null, DEFAULT_DATA_DIR);
        Duration maxAge = r.age("--max-age", flags.maxAge(), null, DEFAULT_MAX_AGE);
        int concurrency = r.positiveInt("--concurrency", flags.concurrency(), null,
                FetchPolicy.defaultConcurrency(rate));
        String key = r.raw(flags.apiKey(), ENV_API_KEY);
        return new FetchSettings(etf, tickers, key, rate, url, dataDir, maxAge, flags.refresh(), concurrency);
    }

    /** START_DATE: {@code --start-date} &gt; START_DATE &gt; 2004-12-31. */
    public static LocalDate startDate(String flagValue, SettingsResolver r) {
        return startDate(flagValue, r, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** START_DATE as {@link #startDate(String, SettingsResolver)}, which must not be after {@code today} (UTC). */
    public static LocalDate startDate(String flagValue, SettingsResolver r, LocalDate today) {
        return r.dateNotAfter("--start-date", flagValue, ENV_START_DATE, DEFAULT_START_DATE, today);
    }
}
