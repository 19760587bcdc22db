package org.avpipeline.alphavantage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for keeping the API key out of anything printed, logged, notified or stored: every {@code apikey=...}
 * query parameter becomes {@code apikey=***}, and each known key's own text (stripped; Alpha Vantage repeats it in
 * some messages), and its URL-encoded form, becomes {@code ***}. Keys may be added once they are known (the cloud run
 * reads its key after its log has started); thread-safe.
 */
public final class ApiKeyRedactor {
    private static final Pattern APIKEY_PARAM = Pattern.compile("(?i)(apikey=)[^&\\s\"'<>#]*");
    public static final String MASK = "***";
    /** Shorter keys are not replaced in free text (that would mangle ordinary words); no real key is that short. */
    static final int SHORTEST_KEY = 3;

    /** The texts replaced, longest first (so a key is replaced whole before a shorter form inside it). */
    private volatile List<String> forms = List.of();

    /** No key known yet: {@code apikey=} parameters only, until {@link #add} is called. */
    public ApiKeyRedactor() {}

    public ApiKeyRedactor(String key) {
        add(key);
    }

    public static ApiKeyRedactor of(String... keys) {
        ApiKeyRedactor r = new ApiKeyRedactor();
        for (String k : keys) {
            r.add(k);
        }
        return r;
    }

    /** Adds a key; null, blank or shorter than {@value #SHORTEST_KEY} characters (stripped) is ignored. */
    public synchronized void add(String key) {
        if (key == null || key.strip().length() < SHORTEST_KEY) {
            return;
        }
        String stripped = key.strip();
        List<String> next = new ArrayList<>(forms);
        for (String form : new String[] {stripped, URLEncoder.encode(stripped, StandardCharsets.UTF_8)}) {
            if (!next.contains(form)) {
                next.add(form);
            }
        }
        next.sort(Comparator.comparingInt(String::length).reversed());
        forms = List.copyOf(next);
    }

    /** Redacts {@code apikey=} parameters only (no key known). */
    public static String redactUrl(String text) {
        return text == null ? null : APIKEY_PARAM.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }

    /** Redacts {@code apikey=} parameters and every occurrence of a known key; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = redactUrl(text);
        for (String form : forms) {
            out = out.replace(form, MASK);
        }
        return out;
    }
}
