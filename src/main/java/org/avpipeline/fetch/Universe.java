package org.avpipeline.fetch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
                out.add(s.trim().toUpperCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    /** Whether a holding's symbol names a ticker (not empty, {@code n/a}, {@code -}, {@code --} or {@code null}). */
    public static boolean isTickerSymbol(String raw) {
        return raw != null && !NOT_SYMBOLS.contains(raw.trim().toUpperCase(Locale.ROOT));
    }

    /** The ETF, when the universe comes from one. */
    public Optional<String> etf() {
        return Optional.ofNullable(etfSymbol);
    }

    public int size() {
        return tickers.size();
    }
}
