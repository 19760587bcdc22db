package org.avpipeline.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a ticker symbol is (pipeline.md §1), the one place: the cleaning of an ETF's holdings and of {@code --tickers}
 * (drop non-symbols, trim, upper-case, first-seen order, no duplicates) and the symbols an explicit list refuses.
 */
public final class TickerSymbols {
    private TickerSymbols() {}

    private static final Set<String> NOT_SYMBOLS = Set.of("", "N/A", "-", "--", "NULL");
    /**
     * What a ticker the user names may be, trimmed: ASCII letters, digits, {@code .} and {@code -}, starting with a
     * letter or digit, at most 20 characters ({@code BRK.B}, {@code bf-b}).
     */
    private static final Pattern TICKER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,19}");

    /** Cleans raw symbols: drop non-symbols, trim, upper-case, keep first-seen order, no duplicates. */
    public static List<String> clean(Iterable<String> raw) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : raw) {
            if (s == null) {
                continue;
            }
            if (isTickerSymbol(s)) {
                out.add(symbol(s));
            }
        }
        return List.copyOf(out);
    }

    /** A ticker as the data names it: trimmed and upper-cased ({@code " acma "} is {@code ACMA}). */
    public static String symbol(String typed) {
        return typed.trim().toUpperCase(Locale.ROOT);
    }

    /** Whether a holding's symbol names a ticker (not empty, {@code n/a}, {@code -}, {@code --} or {@code null}). */
    public static boolean isTickerSymbol(String raw) {
        return raw != null && !NOT_SYMBOLS.contains(raw.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * The symbols of an explicit list (cleaned as {@link #clean}) that are no ticker symbols: anything but letters,
     * digits, {@code .} and {@code -} ({@code ../../etc}, {@code A/B}, {@code .}, {@code AC MA}, {@code ÄPPL}), as
     * the user typed them, in order. An explicit list with any of them is refused before any request; an ETF's
     * holdings are only {@link #clean}ed.
     */
    public static List<String> notTickerSymbols(Iterable<String> raw) {
        List<String> bad = new ArrayList<>();
        for (String s : raw) {
            if (s != null && isTickerSymbol(s) && !TICKER.matcher(s.trim()).matches()) {
                bad.add(s);
            }
        }
        return bad;
    }
}
