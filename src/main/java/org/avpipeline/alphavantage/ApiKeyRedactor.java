package org.avpipeline.alphavantage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the API key from anything that is printed or stored: every {@code apikey=...} query parameter becomes
 * {@code apikey=***}, and the key's own text (Alpha Vantage repeats it in some messages) becomes {@code ***}.
 */
public final class ApiKeyRedactor {
    private static final Pattern APIKEY_PARAM = Pattern.compile("(?i)(apikey=)[^&\\s\"'<>#]*");
    public static final String MASK = "***";

    private final String key;

    public ApiKeyRedactor(String key) {
        this.key = key == null || key.isBlank() ? null : key;
    }

    /** Redacts {@code apikey=} parameters only (no key known). */
    public static String redactUrl(String text) {
        return text == null ? null : APIKEY_PARAM.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /** Redacts {@code apikey=} parameters and every occurrence of the key itself. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = redactUrl(text);
        if (key != null && key.length() >= 3) {
            out = out.replace(key, MASK);
            String encoded = java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8);
            if (!encoded.equals(key)) {
                out = out.replace(encoded, MASK);
            }
        }
        return out;
    }
}
