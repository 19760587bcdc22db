package org.avpipeline.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.config.TickerSymbols;

/**
 * The tickers of a run (pipeline.md §1): an ETF's holdings, or an explicit list, cleaned the same way: symbols that
 * are empty or (case-insensitively) {@code n/a}, {@code -}, {@code --}, {@code null} are dropped; the rest are
 * trimmed and upper-cased, in first-seen order, without duplicates.
 *
 * @param etfSymbol the ETF whose holdings these are, or null for an explicit list
 * @param tickers the cleaned tickers
 */
public record Universe(String etfSymbol, List<String> tickers) {
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

    /** Cleans raw symbols ({@link TickerSymbols#clean}, the one rule). */
    public static List<String> clean(Iterable<String> raw) {
        return TickerSymbols.clean(raw);
    }

    /** A ticker as the data names it ({@link TickerSymbols#symbol}). */
    public static String symbol(String typed) {
        return TickerSymbols.symbol(typed);
    }

    /** Whether a holding's symbol names a ticker ({@link TickerSymbols#isTickerSymbol}). */
    public static boolean isTickerSymbol(String raw) {
        return TickerSymbols.isTickerSymbol(raw);
    }

    /** The symbols of an explicit list that are no ticker symbols ({@link TickerSymbols#notTickerSymbols}). */
    public static List<String> notTickerSymbols(Iterable<String> raw) {
        return TickerSymbols.notTickerSymbols(raw);
    }

    /** The ETF, when the universe comes from one. */
    public Optional<String> etf() {
        return Optional.ofNullable(etfSymbol);
    }

    public int size() {
        return tickers.size();
    }
}
