package org.avpipeline.simulator;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.Split;

/**
 * Time travel through a {@link SimulatedMarket}, and its earnings calendar. The market is generated up to its as-of
 * date; a view at an earlier date shows what Alpha Vantage would have answered on that day: prices up to the day
 * (adjusted closes back-adjusted from that day), the splits effective by then, the earnings rows reported by then,
 * and each quarter's statements a seeded 0–5 days after its report date ({@link #statementLagDays}), as Alpha Vantage
 * adds them some days after the report. A quarter without a report date in the earnings counts as reported the
 * ticker's typical (median) number of days after its fiscal date end. Views of one market at successive dates are consistent: what a view shows never changes
 * in a later view, it only grows.
 *
 * <p>{@link #earningsCalendar} answers EARNINGS_CALENDAR as Alpha Vantage does: CSV
 * {@code symbol,name,reportDate,fiscalDateEnding,estimate,currency}, the reports from the view date on within the
 * horizon ({@code 3month}, {@code 6month}, {@code 12month}), less the tickers the calendar misses
 * ({@code calendarMisses}, which report without being listed). Thread-safe.
 */
public final class MarketTimeline {
    /** The header of EARNINGS_CALENDAR's CSV answer. */
    public static final String CALENDAR_HEADER = "symbol,name,reportDate,fiscalDateEnding,estimate,currency";
    /** The latest lag, in days, between a report and its statements in Alpha Vantage's answers. */
    public static final int MAX_STATEMENT_LAG_DAYS = 5;
    private static final int UNDATED_REPORT_DAYS = 90;

    private final SimulatedMarket market;
    private final Set<String> calendarMisses;

    public MarketTimeline(SimulatedMarket market, Set<String> calendarMisses) {
        this.market = Objects.requireNonNull(market, "market");
        this.calendarMisses = Set.copyOf(calendarMisses);
    }

    /** A timeline whose calendar lists every report. */
    public static MarketTimeline of(SimulatedMarket market) {
        return new MarketTimeline(market, Set.of());
    }

    public SimulatedMarket market() {
        return market;
    }

    /**
     * The body the server sends on {@code view} (not after the market's as-of date) for a per-ticker function or the
     * ETF profile; the market's own answer when {@code view} is its as-of date.
     */
    public byte[] answer(AvFunction function, String symbol, boolean full, LocalDate view) {
        requireInRange(view);
        String s = symbol == null ? "" : symbol.trim().toUpperCase(Locale.ROOT);
        if (view.equals(market.asOf()) || function == AvFunction.ETF_PROFILE || !market.knows(s)
                || s.equals(market.etfSymbol())) {
            return market.answer(function, symbol, full);
        }
        return switch (function) {
            case TIME_SERIES_DAILY_ADJUSTED -> AnswerWriter.timeSeries(s, prices(market.priceSeries(s), view), full);
            case SPLITS -> AnswerWriter.splits(s, market.splits(s).stream()
                    .filter(x -> !x.effectiveDate().isAfter(view)).toList());
            case EARNINGS -> AnswerWriter.earnings(s, financials(s, view));
            case INCOME_STATEMENT, BALANCE_SHEET, CASH_FLOW -> AnswerWriter.statement(s, function, financials(s, view));
            case OVERVIEW -> market.answer(function, symbol, full); // a company's description does not travel in time
            default -> throw new IllegalArgumentException("not a per-ticker function: " + function);
        };
    }

    /** EARNINGS_CALENDAR on {@code view} for a horizon ({@code 3month}, {@code 6month} or {@code 12month}). */
    public byte[] earningsCalendar(LocalDate view, String horizon) {
        requireInRange(view);
        LocalDate until = view.plusMonths(months(horizon));
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < market.tickers().size(); i++) {
            String t = market.tickers().get(i);
            if (calendarMisses.contains(t)) {
                continue;
            }
            EarningsRow next = null; // one upcoming report per ticker, as Alpha Vantage lists it
            for (EarningsRow e : market.financials(t).quarterlyEarnings()) {
                LocalDate d = e.reportedDate();
                if (d != null && !d.isBefore(view) && !d.isAfter(until)
                        && (next == null || d.isBefore(next.reportedDate()))) {
                    next = e;
                }
            }
            if (next != null) {
                rows.add(new String[] {t, csv(TickerNames.description(i)), next.reportedDate().toString(),
                        next.fiscalDateEnding().toString(), Double.isNaN(next.estimatedEps()) ? ""
                                : Numbers.plain(next.estimatedEps()), "USD"});
            }
        }
        rows.sort(Comparator.<String[], String>comparing(r -> r[2]).thenComparing(r -> r[0]));
        StringBuilder out = new StringBuilder(CALENDAR_HEADER).append("\r\n");
        for (String[] r : rows) {
            out.append(String.join(",", r)).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The seeded lag (0–5 days) between a quarter's report and its statements in the answers. */
    public int statementLagDays(String symbol, LocalDate fiscalDateEnding) {
        return Seeds.stream(market.seed(), symbol, "statement-lag-" + fiscalDateEnding).nextInt(MAX_STATEMENT_LAG_DAYS + 1);
    }

    /** The quarters a ticker reports in (from, to], with their report dates (for tests and the benchmark). */
    public List<LocalDate> reportDates(String symbol, LocalDate from, LocalDate to) {
        List<LocalDate> out = new ArrayList<>();
        for (EarningsRow e : market.financials(symbol).quarterlyEarnings()) {
            LocalDate d = e.reportedDate();
            if (d != null && d.isAfter(from) && !d.isAfter(to)) {
                out.add(d);
            }
        }
        out.sort(null);
        return out;
    }

    private void requireInRange(LocalDate view) {
        if (view.isAfter(market.asOf())) {
            throw new IllegalArgumentException("as-of " + view + " is after the simulated market's as-of date "
                    + market.asOf());
        }
    }

    private static int months(String horizon) {
        String h = horizon == null || horizon.isBlank() ? "3month" : horizon.trim().toLowerCase(Locale.ROOT);
        return switch (h) {
            case "3month" -> 3;
            case "6month" -> 6;
            case "12month" -> 12;
            default -> throw new IllegalArgumentException("horizon must be 3month, 6month or 12month: " + horizon);
        };
    }

    private static String csv(String field) {
        return field.contains(",") || field.contains("\"") ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private Financials financials(String symbol, LocalDate view) {
        Financials all = market.financials(symbol);
        Map<LocalDate, LocalDate> reported = new HashMap<>();
        List<Long> lags = new ArrayList<>();
        for (EarningsRow e : all.quarterlyEarnings()) {
            if (e.reportedDate() != null) {
                reported.putIfAbsent(e.fiscalDateEnding(), e.reportedDate());
                lags.add(e.reportedDate().toEpochDay() - e.fiscalDateEnding().toEpochDay());
            }
        }
        lags.sort(null);
        long typicalLag = lags.isEmpty() ? UNDATED_REPORT_DAYS : lags.get(lags.size() / 2);
        for (AvFunction f : AvFunction.STATEMENTS) {
            for (StatementRow r : all.quarterly().get(f)) {
                reported.putIfAbsent(r.fiscalDateEnding(), r.fiscalDateEnding().plusDays(typicalLag));
            }
        }
        for (EarningsRow e : all.quarterlyEarnings()) {
            reported.putIfAbsent(e.fiscalDateEnding(), e.fiscalDateEnding().plusDays(typicalLag));
        }
        List<EarningsRow> earnings = all.quarterlyEarnings().stream()
                .filter(e -> !reportDate(reported, e.fiscalDateEnding()).isAfter(view)).toList();
        Map<AvFunction, List<StatementRow>> quarterly = new EnumMap<>(AvFunction.class);
        Map<AvFunction, List<StatementRow>> annual = new EnumMap<>(AvFunction.class);
        for (AvFunction f : AvFunction.STATEMENTS) {
            quarterly.put(f, all.quarterly().get(f).stream()
                    .filter(r -> statementPublished(symbol, reported, r.fiscalDateEnding(), view)).toList());
            annual.put(f, all.annual().get(f).stream()
                    .filter(r -> statementPublished(symbol, reported, r.fiscalDateEnding(), view)).toList());
        }
        List<Financials.AnnualEps> annualEps = all.annualEarnings().stream()
                .filter(a -> !reportDate(reported, a.fiscalDateEnding()).isAfter(view)).toList();
        Financials served = new Financials(quarterly, annual, earnings, annualEps);
        return market.restates() ? RestatedQuarters.asOf(market.seed(), symbol, served, view) : served;
    }

    private boolean statementPublished(String symbol, Map<LocalDate, LocalDate> reported, LocalDate fiscal,
            LocalDate view) {
        return !reportDate(reported, fiscal).plusDays(statementLagDays(symbol, fiscal)).isAfter(view);
    }

    private static LocalDate reportDate(Map<LocalDate, LocalDate> reported, LocalDate fiscal) {
        LocalDate d = reported.get(fiscal);
        return d != null ? d : fiscal.plusDays(UNDATED_REPORT_DAYS);
    }

    /** The bars up to {@code view}, adjusted closes back-adjusted from that day as Alpha Vantage would have. */
    static PriceSeries prices(PriceSeries p, LocalDate view) {
        int end = (int) view.toEpochDay();
        int n = 0;
        while (n < p.size() && p.days()[n] <= end) {
            n++;
        }
        double[] close = Arrays.copyOf(p.close(), n);
        double[] dividend = Arrays.copyOf(p.dividend(), n);
        double[] coef = Arrays.copyOf(p.splitCoefficient(), n);
        return new PriceSeries(Arrays.copyOf(p.days(), n), Arrays.copyOf(p.open(), n), Arrays.copyOf(p.high(), n),
                Arrays.copyOf(p.low(), n), close, PriceGenerator.backAdjusted(close, dividend, coef),
                Arrays.copyOf(p.volume(), n), dividend, coef);
    }
}
