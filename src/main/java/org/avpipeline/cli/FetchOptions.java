package org.avpipeline.cli;

import java.util.List;
import java.util.Map;
import org.avpipeline.config.FetchSettings;
import org.avpipeline.config.Settings;
import org.avpipeline.config.SettingsResolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options shared by {@code fetch}, {@code run} and {@code demo} ({@code @Mixin FetchOptions options;}). Flags
 * hold what the user typed (null when not given); {@link #resolve(Map)} applies flags &gt; environment &gt; defaults
 * and validates everything before any request.
 */
public final class FetchOptions {

    /** {@code --etf} and {@code --tickers} exclude each other. */
    static final class UniverseChoice {
        @Option(names = "--etf", paramLabel = "SYMBOL",
                description = "ETF whose holdings are the universe (env ETF_SYMBOL, default QQQ).")
        String etf;

        @Option(names = "--tickers", paramLabel = "A,B,...", split = ",", hideParamSyntax = true,
                description = "Explicit ticker list instead of an ETF's holdings.")
        List<String> tickers;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    UniverseChoice universe;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory; raw answers go to DIR/raw/ (default ./avpipeline-data).")
    String dataDir;

    @Option(names = "--rate-limit", paramLabel = "N",
            description = "Alpha Vantage requests per minute (env AV_RATE_LIMIT_PER_MIN, default 75).")
    String rateLimit;

    @Option(names = "--max-age", paramLabel = "AGE",
            description = "Stored answers younger than this are not fetched again, e.g. 6d, 12h, P6D (default 6d).")
    String maxAge;

    @Option(names = "--max-statement-age", paramLabel = "AGE",
            description = "Earnings, statements and splits older than this are fetched again even when nothing says "
                    + "they changed (env AV_MAX_STATEMENT_AGE, default 90d).")
    String maxStatementAge;

    @Option(names = "--refresh", description = "Fetch everything, however fresh the stored answers are.")
    boolean refresh;

    @Option(names = "--av-url", paramLabel = "URL",
            description = "Alpha Vantage query URL (env AV_BASE_URL, default https://www.alphavantage.co/query).")
    String avUrl;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Alpha Vantage API key (better: env ALPHA_VANTAGE_API_KEY).")
    String apiKey;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight at once (default: from the rate limit, 4..32).")
    String concurrency;

    /** What the command line said. */
    public Settings.FetchFlags flags() {
        return new Settings.FetchFlags(universe == null ? null : universe.etf,
                universe == null ? null : universe.tickers, apiKey, rateLimit, avUrl, dataDir, maxAge, refresh,
                concurrency, maxStatementAge);
    }

    /** Resolves and validates the settings against this environment. */
    public FetchSettings resolve(Map<String, String> env) {
        return Settings.resolveFetch(flags(), new SettingsResolver(env));
    }
}
