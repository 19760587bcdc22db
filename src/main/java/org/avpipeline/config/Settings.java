package org.avpipeline.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

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
    /** {@code false} (or {@code 0}, {@code no}, {@code off}) turns the companion files off; they are on by default. */
    public static final String ENV_COMPANIONS = "COMPANION_ARTIFACTS";
    public static final String ENV_MAX_STATEMENT_AGE = "AV_MAX_STATEMENT_AGE";
    /** The mode of statement values, {@code as-served} (default) or {@code reference} (pipeline.md §4). */
    public static final String ENV_CLEANING = "CLEANING";

    public static final String DEFAULT_ETF = "QQQ";
    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2004, 12, 31);
    public static final int DEFAULT_RATE_LIMIT = 75;
    public static final URI DEFAULT_AV_URL = URI.create("https://www.alphavantage.co/query");
    public static final Path DEFAULT_DATA_DIR = Path.of("avpipeline-data");
    /** A stored answer younger than this is not fetched again. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(6);
    /** Earnings, statements and splits older than this are fetched again (restatements). */
    public static final Duration DEFAULT_MAX_STATEMENT_AGE = Duration.ofDays(90);

    /**
     * Enough threads that network latency does not eat the rate budget: the rate per second times a slow answer's
     * latency (8 s, a full daily series), at least 4 and at most 32.
     */
    public static int defaultConcurrency(int ratePerMinute) {
        return (int) Math.max(4, Math.min(32, Math.ceil(ratePerMinute * 8 / 60.0)));
    }

    /** What the command line said; null for every flag not given. */
    public record FetchFlags(String etf, List<String> tickers, String apiKey, String rateLimit, String avUrl,
            String dataDir, String maxAge, boolean refresh, String concurrency, String maxStatementAge) {
        /** Without {@code --max-statement-age}. */
        public FetchFlags(String etf, List<String> tickers, String apiKey, String rateLimit, String avUrl,
                String dataDir, String maxAge, boolean refresh, String concurrency) {
            this(etf, tickers, apiKey, rateLimit, avUrl, dataDir, maxAge, refresh, concurrency, null);
        }

        public static FetchFlags none() {
            return new FetchFlags(null, null, null, null, null, null, null, false, null, null);
        }
    }

    /** Resolves and validates every fetch setting; throws {@link SettingsException} on the first bad one. */
    public static FetchSettings resolveFetch(FetchFlags flags, SettingsResolver r) {
        String etf = r.symbol("--etf", flags.etf(), ENV_ETF_SYMBOL, DEFAULT_ETF);
        List<String> tickers = List.of();
        if (flags.tickers() != null) {
            tickers = explicitTickers(flags.tickers());
        }
        int rate = r.positiveInt("--rate-limit", flags.rateLimit(), ENV_RATE_LIMIT, DEFAULT_RATE_LIMIT);
        URI url = r.httpUrl("--av-url", flags.avUrl(), ENV_AV_URL, DEFAULT_AV_URL);
        Path dataDir = r.path("--data-dir", flags.dataDir(), null, DEFAULT_DATA_DIR);
        Duration maxAge = r.age("--max-age", flags.maxAge(), null, DEFAULT_MAX_AGE);
        int concurrency = r.positiveInt("--concurrency", flags.concurrency(), null,
                defaultConcurrency(rate));
        Duration maxStatementAge = maxStatementAge(flags.maxStatementAge(), r);
        String key = r.raw(flags.apiKey(), ENV_API_KEY);
        return new FetchSettings(etf, tickers, key, rate, url, dataDir, maxAge, flags.refresh(), concurrency,
                maxStatementAge);
    }

    /**
     * The tickers of {@code --tickers}, cleaned ({@link TickerSymbols#clean}); refuses a list without any, or with symbols
     * that are no ticker symbols (each named), before any request.
     */
    public static List<String> explicitTickers(List<String> typed) {
        List<String> bad = TickerSymbols.notTickerSymbols(typed);
        if (!bad.isEmpty()) {
            throw new SettingsException("Invalid --tickers: " + (bad.size() == 1 ? "this is not a ticker symbol"
                    : "these are not ticker symbols") + " (letters, digits, '.' and '-' only): "
                    + bad.stream().map(b -> "'" + b + "'").collect(java.util.stream.Collectors.joining(", ")));
        }
        List<String> tickers = TickerSymbols.clean(typed);
        if (tickers.isEmpty()) {
            throw new SettingsException("Invalid --tickers: no ticker symbols given.");
        }
        return tickers;
    }

    /** {@code --max-statement-age} &gt; AV_MAX_STATEMENT_AGE &gt; 90 days. */
    public static Duration maxStatementAge(String flagValue, SettingsResolver r) {
        return r.age("--max-statement-age", flagValue, ENV_MAX_STATEMENT_AGE, DEFAULT_MAX_STATEMENT_AGE);
    }

    /**
     * Whether to fetch OVERVIEW and write the companion files beside the panel: not with {@code --no-companions},
     * else COMPANION_ARTIFACTS ({@code true/false}, {@code 1/0}, {@code yes/no}, {@code on/off}), else yes.
     */
    public static boolean companions(boolean noCompanionsFlag, java.util.Map<String, String> env) {
        if (noCompanionsFlag) {
            return false;
        }
        String value = env.get(ENV_COMPANIONS);
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new SettingsException("Invalid " + ENV_COMPANIONS + ": '" + value.trim()
                    + "' is not true or false (--no-companions turns the companion files off).");
        };
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
