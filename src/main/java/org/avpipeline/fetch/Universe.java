package org.avpipeline.fetch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.avpipeline.alphavantage.EtfHolding;

/**
 * The tickers of a run (pipeline.md §1): an ETF's holdings, or an explicit list, cleaned the same way: symbols that
 * are empty or (case-insensitively) {@code n/a}, {@code -}, {@code --}, {@code null} are dropped; the rest are
 * trimmed and upper-cased, in first-seen order, without duplicates.
 *
 * @param etfSymbol the ETF whose holdings these are, or null for an explicit list
 * @param tickers the cleaned tickers
 */
public record Universe(String etfSymbol, List<String> tickers) {
    private static final Set<String> NOT_SYMBOLS = Set.of("", "N/A", "-", "--", "NULL");
    /**
     * What a ticker the user names may be, trimmed: ASCII letters, digits, {@code .} and {@code -}, starting with a
     * letter or digit, at most 20 characters ({@code BRK.B}, {@code bf-b}).
     */
    private static final Pattern TICKER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,19}");

    public Universe {
        tickers = List.copyOf(tickers);
        etfSymbol = etfSymbol == null ? null : etfSymbol.trim().toUpperCase(Locale.ROOT);
    }

    /** The holdings of an ETF, cleaned. */
    public static Universe fromHoldings(String etfSymbol, List<EtfHolding> holdings) {
        List<String> symbols = new ArrayList<>(holdings.size());
        for (EtfHolding h : holdings) {
            symbols.add(h.symbol());
        }
        return new Universe(etfSymbol, clean(symbols));
    }

    /** An explicit ticker list, cleaned. */
    public static Universe fromTickers(List<String> tickers) {
        return new Universe(null, clean(tickers));
    }

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

    /** The ETF, when the universe comes from one. */
    public Optional<String> etf() {
        return Optional.ofNullable(etfSymbol);
    }

    public int size() {
        return tickers.size();
    }
}
