package org.avpipeline.alphavantage;

import java.time.Duration;

/** The checks of {@link AlphaVantageClient.Builder}'s settings, each with the message it has always given. */
final class ClientSettingChecks {
    private ClientSettingChecks() {}

    static String apiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("an Alpha Vantage API key is required (ALPHA_VANTAGE_API_KEY)");
        }
        return apiKey;
    }

    static int ratePerMinute(int perMinute) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("rate limit must be > 0 per minute: " + perMinute);
        }
        return perMinute;
    }

    static int attempts(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("max attempts must be >= 1: " + n);
        }
        return n;
    }

    static Duration positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be > 0: " + d);
        }
        return d;
    }
}
