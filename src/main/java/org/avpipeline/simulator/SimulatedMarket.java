package org.avpipeline.simulator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.EtfHolding;
import org.avpipeline.alphavantage.EtfProfile;
import org.avpipeline.alphavantage.Split;

/**
 * The simulated market: what the data is. Deterministic from (seed, ETF symbol, number of tickers, as-of date); a
 * ticker's data is a pure function of the seed, its symbol and the as-of date, generated only when asked (a small
 * cache keeps the last few tickers), so a universe of thousands of tickers costs nothing up front.
 *
 * <p>The ETF's profile lists the {@code tickers} constituents ({@link #tickers()}) plus the oddities of real
 * profiles: two holdings with symbol {@code "n/a"} (cash, a futures contract), one constituent listed twice, and one
 * symbol the market does not know ({@link #unknownSymbol()}), which answers {@code {}} to fundamentals and an
 * "Invalid API call" error to the time series. Which ticker shows which {@link Scenario}: {@link #scenarios(String)}
 * (the first ten positions carry fixed sets, so ten or more tickers show every scenario).
 *
 * <p>Thread-safe.
 */
public final class SimulatedMarket {
    public static final String DEFAULT_ETF = "QQQ";

    private final long seed;
    /** Whether statements are restated over time ({@link RestatedQuarters}); on unless a test turns it off. */
    private final boolean restates;
    private final String etfSymbol;
    private final int tickerCount;
    private final LocalDate asOf;
    private final List<String> tickers;
    private final Map<String, Integer> indexBySymbol;
    private final List<EtfHolding> holdings;
    private final Lru<String, PriceSeries> prices = new Lru<>(8);
    private final Lru<String, Financials> financials = new Lru<>(64);

    private SimulatedMarket(long seed, String etfSymbol, int tickerCount, LocalDate asOf) {
        this(seed, etfSymbol, tickerCount, asOf, true);
    }

    private SimulatedMarket(long seed, String etfSymbol, int tickerCount, LocalDate asOf, boolean restates) {
        this.restates = restates;
        if (tickerCount < 1 || tickerCount > 400_000) {
            throw new IllegalArgumentException("number of tickers must be 1..400000, got " + tickerCount);
        }
        this.seed = seed;
        this.etfSymbol = Objects.requireNonNull(etfSymbol, "etfSymbol").trim().toUpperCase(Locale.ROOT);
        if (this.etfSymbol.isEmpty()) {
            throw new IllegalArgumentException("ETF symbol is empty");
        }
        this.tickerCount = tickerCount;
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        List<String> symbols = new ArrayList<>(tickerCount);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < tickerCount; i++) {
            String s = TickerNames.symbol(i);
            symbols.add(s);
            index.put(s, i);
        }
        this.tickers = Collections.unmodifiableList(symbols);
        this.indexBySymbol = index;
        this.holdings = List.copyOf(buildHoldings());
    }

    /** A market of {@code tickers} constituents of {@code etfSymbol}, with prices and reports up to {@code asOf}. */
    public static SimulatedMarket create(long seed, String etfSymbol, int tickers, LocalDate asOf) {
        return new SimulatedMarket(seed, etfSymbol, tickers, asOf);
    }

    /** The market a configuration describes. */
    public static SimulatedMarket of(SimulatorConfig config) {
        return create(config.seed(), config.etfSymbol(), config.tickers(), config.asOf());
    }

    /**
     * The same market without restatements: every statement answer shows the values first served. For tests of what
     * does not concern restatements (the weekly refresh's equality with a full fetch: restatements are fetched by
     * the statement age, so a restating market makes the weekly store lag a fresh one by design).
     */
    public SimulatedMarket withoutRestatements() {
        return new SimulatedMarket(seed, etfSymbol, tickerCount, asOf, false);
    }

    /** Whether statements are restated over time. */
    public boolean restates() {
        return restates;
    }

    public long seed() {
        return seed;
    }

    public String etfSymbol() {
        return etfSymbol;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** The constituents that have data, in profile order (the universe the pipeline should find, less the unknown). */
    public List<String> tickers() {
        return tickers;
    }

    /** The ETF_PROFILE holdings exactly as answered, oddities included. */
    public List<EtfHolding> holdings() {
        return holdings;
    }

    public EtfProfile etfProfile() {
        return new EtfProfile(etfSymbol, holdings);
    }

    /** The holding symbol that the market does not know. */
    public String unknownSymbol() {
        return TickerNames.UNKNOWN_SYMBOL;
    }

    /** Whether the market has data for a symbol (a constituent or the ETF itself). */
    public boolean knows(String symbol) {
        String s = normalize(symbol);
        return s.equals(etfSymbol) || indexBySymbol.containsKey(s);
    }

    /** The scenarios a known symbol shows (empty for an ordinary ticker or an unknown symbol). */
    public Set<Scenario> scenarios(String symbol) {
        return knows(symbol) ? traits(normalize(symbol)).scenarios() : Set.of();
    }

    /** The constituents that show a scenario, in profile order. */
    public List<String> tickersWith(Scenario scenario) {
        List<String> out = new ArrayList<>();
        for (String t : tickers) {
            if (scenarios(t).contains(scenario)) {
                out.add(t);
            }
        }
        return out;
    }

    /** How many days ahead SPLITS lists a split that is announced but not yet effective. */
    static final int ANNOUNCED_DAYS = 30;

    /**
     * The splits a known symbol has made up to the as-of date, and those announced for the next
     * {@value #ANNOUNCED_DAYS} days, oldest first (empty for unknown symbols).
     */
    public List<Split> splits(String symbol) {
        if (!knows(symbol)) {
            return List.of();
        }
        TickerTraits t = traits(normalize(symbol));
        LocalDate from = t.priceStart();
        List<Split> out = new ArrayList<>();
        for (Split s : t.splits()) {
            if (s.effectiveDate().isAfter(from) && !s.effectiveDate().isAfter(asOf.plusDays(ANNOUNCED_DAYS))) {
                out.add(s);
            }
        }
        return out;
    }

    /** The body the server sends for a request without faults ({@code outputsize=full} for the time series). */
    public byte[] answer(AvFunction function, String symbol) {
        return answer(function, symbol, true);
    }

    /** The body the server sends for a request without faults; {@code full=false} is {@code outputsize=compact}. */
    public byte[] answer(AvFunction function, String symbol, boolean full) {
        String s = normalize(symbol);
        if (function == AvFunction.ETF_PROFILE) {
            return s.equals(etfSymbol) ? AnswerWriter.etfProfile(etfFacts(), holdings) : empty();
        }
        if (!knows(s)) {
            return function == AvFunction.TIME_SERIES_DAILY_ADJUSTED
                    ? AvMessages.invalidCall(function.name()).getBytes(StandardCharsets.UTF_8) : empty();
        }
        return switch (function) {
            case TIME_SERIES_DAILY_ADJUSTED -> AnswerWriter.timeSeries(s, priceSeries(s), full);
            case SPLITS -> AnswerWriter.splits(s, splits(s));
            case EARNINGS -> AnswerWriter.earnings(s, financials(s));
            case INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW -> AnswerWriter.statement(s, function,
                    restates ? RestatedQuarters.asOf(seed, s, financials(s), asOf) : financials(s));
            case OVERVIEW -> s.equals(etfSymbol) ? empty() : OverviewWriter.overview(seed, traits(s), asOf);
            case ETF_PROFILE -> throw new AssertionError("handled above");
            case EARNINGS_CALENDAR -> throw new IllegalArgumentException("the calendar is the timeline's answer");
        };
    }

    TickerTraits traits(String symbol) {
        if (symbol.equals(etfSymbol)) {
            return TickerTraits.derive(seed, -1, symbol, etfSymbol + " TRUST SERIES 1", asOf);
        }
        int index = indexBySymbol.get(symbol);
        return TickerTraits.derive(seed, index, symbol, TickerNames.description(index), asOf);
    }

    PriceSeries priceSeries(String symbol) {
        return prices.get(symbol, s -> PriceGenerator.generate(seed, traits(s), asOf));
    }

    Financials financials(String symbol) {
        return financials.get(symbol, s -> FinancialsGenerator.generate(seed, traits(s), asOf));
    }

    private static String normalize(String symbol) {
        return symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
    }

    private static byte[] empty() {
        return AvMessages.EMPTY.getBytes(StandardCharsets.UTF_8);
    }

    /** Constituents by descending weight, with the duplicate, the unknown symbol and two "n/a" holdings mixed in. */
    private List<EtfHolding> buildHoldings() {
        SplittableRandom r = Seeds.stream(seed, etfSymbol, "holdings");
        double[] w = new double[tickerCount];
        double sum = 0;
        for (int i = 0; i < tickerCount; i++) {
            w[i] = Math.pow(i + 1, -0.9) * (0.8 + 0.4 * r.nextDouble());
            sum += w[i];
        }
        java.util.Arrays.sort(w);
        List<EtfHolding> out = new ArrayList<>();
        for (int i = 0; i < tickerCount; i++) {
            out.add(new EtfHolding(tickers.get(i), TickerNames.description(i), w[tickerCount - 1 - i] / sum * 0.965));
        }
        int second = Math.min(1, tickerCount - 1);
        EtfHolding dup = out.get(second);
        out.add(Math.min(6, out.size()), new EtfHolding(dup.symbol(), dup.description(), 0.01));
        out.add(Math.min(8, out.size()), new EtfHolding(TickerNames.UNKNOWN_SYMBOL, TickerNames.UNKNOWN_DESCRIPTION,
                0.012));
        out.add(Math.max(0, out.size() - 1), new EtfHolding("n/a", "CASH", 0.0009));
        out.add(new EtfHolding("n/a", "E-MINI NASDAQ 100 FUTURE", 0.0008));
        return out;
    }

    private AnswerWriter.EtfFacts etfFacts() {
        List<String[]> sectors = List.of(
                new String[] {"INFORMATION TECHNOLOGY", "0.552"}, new String[] {"COMMUNICATION SERVICES", "0.147"},
                new String[] {"CONSUMER DISCRETIONARY", "0.111"}, new String[] {"CONSUMER STAPLES", "0.07"},
                new String[] {"HEALTHCARE", "0.039"}, new String[] {"INDUSTRIALS", "0.03"},
                new String[] {"UTILITIES", "0.013"}, new String[] {"MATERIALS", "0.011"},
                new String[] {"ENERGY", "0.006"}, new String[] {"FINANCIALS", "0.002"},
                new String[] {"REAL ESTATE", "0.00"});
        return new AnswerWriter.EtfFacts(Long.toString(2_200_000_000L * tickerCount), "0.0044", sectors);
    }
}
