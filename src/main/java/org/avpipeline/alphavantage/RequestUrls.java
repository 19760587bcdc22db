package org.avpipeline.alphavantage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The request URLs of one key on one base URL: a function for a symbol, or the market's earnings calendar. */
final class RequestUrls {
    private final URI baseUrl;
    private final String apiKey;

    RequestUrls(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** A function for a symbol (its full output when the function has one). */
    URI forSymbol(AvFunction function, String symbol) {
        String base = baseUrl.toString();
        StringBuilder q = new StringBuilder(base).append(base.contains("?") ? '&' : '?');
        q.append("function=").append(function.name());
        q.append("&symbol=").append(URLEncoder.encode(symbol, StandardCharsets.UTF_8));
        if (function.fullOutput()) {
            q.append("&outputsize=full");
        }
        q.append("&apikey=").append(URLEncoder.encode(apiKey, StandardCharsets.UTF_8));
        return URI.create(q.toString());
    }

    /** The market's EARNINGS_CALENDAR for a horizon. */
    URI earningsCalendar(String horizon) {
        String base = baseUrl.toString();
        String q = base + (base.contains("?") ? '&' : '?') + "function=" + AvFunction.EARNINGS_CALENDAR.name()
                + "&horizon=" + URLEncoder.encode(horizon, StandardCharsets.UTF_8)
                + "&apikey=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
        return URI.create(q);
    }
}
