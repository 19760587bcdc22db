package org.avpipeline.fetch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.ClientStats;
import org.avpipeline.raw.RawStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fetch phase (pipeline.md §1–2): the ETF's holdings first when the universe comes from an ETF, then the six
 * per-ticker functions ({@link AvFunction#PER_TICKER}) for every ticker, concurrently, into the raw store. Which of
 * a ticker's data types are fetched, and why, is {@link RefreshPolicy}'s decision (a stored answer younger than the
 * maximum age is never fetched again unless {@code refresh} is set; prices every run; earnings and statements when
 * the ticker reported, the balance sheet and cash flow after the income statement and only when it holds the reported
 * quarter; splits when the new prices show one, decided after the prices). A (ticker, data type)
 * that fails is recorded with its reason and the run goes on; an answer that ends the run (premium required, bad
 * key) is thrown as {@link org.avpipeline.alphavantage.FatalAnswerException}; a failed ETF lookup is thrown as {@link EtfLookupException}.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);
    public static final String INVALID_SYMBOL = AnswerKind.INVALID_SYMBOL;
    /** The reason of a data type not requested because the ticker's first answer said "unknown symbol". */
    public static final String SKIPPED_UNKNOWN_SYMBOL = AnswerKind.SKIPPED_UNKNOWN_SYMBOL;

    private final AlphaVantageClient client;
    private final RawStore store;
    private final FetchPolicy policy;
    private final FetchProgress progress;
    /** The per-ticker functions, in fetch order: the six of the panel, and OVERVIEW when asked for. */
    private List<AvFunction> functions = AvFunction.PER_TICKER;
    private final Clock clock;
    private final RefreshPlanner planner;
    private final FetchRounds rounds;
    private final EtfLookup etfLookup;

    public Fetcher(AlphaVantageClient client, RawStore store, FetchPolicy policy, FetchProgress progress,
            Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.planner = new RefreshPlanner(client, store, policy, clock);
        this.rounds = new FetchRounds(client, store, policy, progress, clock);
        this.etfLookup = new EtfLookup(client, store, policy, clock);
    }

    /** With the progress shown as fits the console, and the UTC system clock. */
    public Fetcher(AlphaVantageClient client, RawStore store, FetchPolicy policy) {
        this(client, store, policy, FetchProgress.auto(), Clock.systemUTC());
    }

    /**
     * Also fetches every ticker's {@link AvFunction#OVERVIEW} (for the company profiles), with its own maximum age
     * ({@link FetchPolicy#maxAgeOf}). Returns this fetcher.
     */
    public Fetcher withCompanyOverviews() {
        List<AvFunction> all = new ArrayList<>(AvFunction.PER_TICKER);
        all.addAll(AvFunction.COMPANY);
        functions = List.copyOf(all);
        return this;
    }

    /** Looks up the ETF's holdings (stored under {@code raw/_etf/<ETF>/}), then fetches every holding. */
    public FetchSummary fetchEtf(String etf) throws InterruptedException {
        Run run = new Run();
        EtfLookup.Result lookup = etfLookup.lookup(etf);
        DataTypeTally etfTally = new DataTypeTally(AvFunction.ETF_PROFILE, lookup.fetched() ? 1 : 0,
                lookup.fetched() ? 0 : 1, List.of());
        return fetch(run, lookup.universe(), etfTally);
    }

    /** Fetches an explicit ticker list (cleaned as {@link Universe#fromTickers}). */
    public FetchSummary fetchTickers(List<String> tickers) throws InterruptedException {
        return fetch(new Run(), Universe.fromTickers(tickers), null);
    }

    /** Fetches a universe that is already known. */
    public FetchSummary fetch(Universe universe) throws InterruptedException {
        return fetch(new Run(), universe, null);
    }

    /** The universe of an ETF: its stored profile when fresh, else a fetched one (stored). */
    public Universe universeOf(String etf) throws InterruptedException {
        return etfLookup.lookup(etf).universe();
    }

    /** Where a run started, on both clocks and in the client's counters. */
    private final class Run {
        final Instant startedAt = clock.instant();
        final long startNanos = System.nanoTime();
        final ClientStats before = client.stats();
    }

    private FetchSummary fetch(Run run, Universe universe, DataTypeTally etfTally) throws InterruptedException {
        rounds.startFetch();
        // The one decision point: which data types of each ticker to fetch, and why (RefreshPolicy).
        RefreshPlanner.Plan plan = planner.plan(universe.tickers(), functions);
        List<FetchItem> items = items(plan);
        LOG.info("fetching {} of {} answers for {} tickers into {} ({})", items.size(),
                functions.size() * universe.size(), universe.size(), store.describe(),
                policy.refresh() ? "refreshing everything" : "keeping answers younger than " + policy.maxAge()
                        + " and what cannot have changed");
        progress.start(items.size());
        List<TickerRefresh> decided;
        try {
            rounds.run(items, true);
            progress.finish();
            rounds.retryTransientFailures(items);
            decided = statementsAfterIncomeStatement(plan, splitsAfterPrices(plan, items), items);
        } catch (FetchStoppedException stop) {
            // the fetch as it was: what was requested so far, how long, what failed (items not reached are left out)
            throw stop.with(summary(run, universe, etfTally, plan, items.stream().filter(i -> i.outcome != null)
                    .toList(), plan.tickers()));
        }
        return summary(run, universe, etfTally, plan, items, decided);
    }

    /** The plan's first round: every data type to fetch except those waiting for the new income statement. */
    private static List<FetchItem> items(RefreshPlanner.Plan plan) {
        List<FetchItem> items = new ArrayList<>();
        for (TickerRefresh t : plan.tickers()) {
            List<AvFunction> waiting = RefreshPolicy.waitsForIncomeStatement(t);
            for (AvFunction f : t.toFetch()) {
                if (waiting.contains(f)) {
                    continue; // fetched after the income statement, when it holds the reported quarter
                }
                FetchItem item = new FetchItem(t.ticker(), f);
                item.collectSplitDays = f == AvFunction.TIME_SERIES_DAILY_ADJUSTED
                        && t.decision(AvFunction.SPLITS) != null
                        && t.decision(AvFunction.SPLITS).reason() == RefreshReason.UNCHANGED;
                items.add(item);
            }
        }
        return items;
    }

    /** The summary of the items done, with the decisions to keep the other answers. */
    private FetchSummary summary(Run run, Universe universe, DataTypeTally etfTally, RefreshPlanner.Plan plan,
            List<FetchItem> items, List<TickerRefresh> decided) {
        List<DataTypeTally> tallies = new ArrayList<>();
        if (etfTally != null) {
            tallies.add(etfTally);
        }
        if (plan.calendar() != null) {
            tallies.add(plan.calendar());
        }
        for (AvFunction f : functions) {
            int fetched = 0;
            int skipped = 0;
            List<TickerFailure> failures = new ArrayList<>();
            for (FetchItem item : items) {
                if (item.function != f) {
                    continue;
                }
                switch (item.outcome) {
                    case FETCHED: fetched++; break;
                    case SKIPPED: skipped++; break;
                    default: failures.add(item.failure); break;
                }
            }
            for (TickerRefresh t : decided) {
                RefreshDecision d = t.decision(f);
                if (d != null && !d.fetch()) {
                    skipped++;
                }
            }
            tallies.add(new DataTypeTally(f, fetched, skipped, failures));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - run.startNanos);
        ClientStats stats = client.stats().minus(run.before);
        double minutes = elapsed.toNanos() / 60e9;
        double rate = minutes > 0 ? stats.requests() / minutes : 0;
        return new FetchSummary(universe, tallies, stats.requests(), stats.retries(), stats.throttled(),
                FetchSummary.failuresByReason(tallies), rate, run.startedAt, elapsed, decided);
    }

    /**
     * The splits decisions that waited for the new prices ({@link RefreshPolicy#afterPrices}), and the fetch of the
     * splits they call for (added to {@code items}). Returns every ticker's final decisions.
     */
    private List<TickerRefresh> splitsAfterPrices(RefreshPlanner.Plan plan, List<FetchItem> items)
            throws InterruptedException {
        java.util.Map<String, FetchItem> prices = new java.util.HashMap<>();
        for (FetchItem item : items) {
            if (item.collectSplitDays && item.outcome == FetchProgress.Outcome.FETCHED) {
                prices.put(item.ticker, item);
            }
        }
        List<TickerRefresh> decided = new ArrayList<>(plan.tickers().size());
        List<FetchItem> splits = new ArrayList<>();
        for (TickerRefresh t : plan.tickers()) {
            FetchItem price = prices.get(t.ticker());
            if (price != null) {
                RefreshDecision d = planner.afterPrices(plan, t, price.splitDays);
                if (d.fetch()) {
                    t = t.with(d);
                    splits.add(new FetchItem(t.ticker(), AvFunction.SPLITS));
                }
            }
            decided.add(t);
        }
        if (!splits.isEmpty()) {
            LOG.info("fetching the splits of {} tickers whose new prices show a split", splits.size());
            rounds.run(splits, false);
            rounds.retryTransientFailures(splits);
            items.addAll(splits);
        }
        return decided;
    }

    /**
     * The balance sheets and cash flows that waited for the new income statement
     * ({@link RefreshPolicy#waitsForIncomeStatement}): fetched in one more round when it holds the reported quarter
     * (added to {@code items}), kept otherwise. Returns every ticker's final decisions.
     */
    private List<TickerRefresh> statementsAfterIncomeStatement(RefreshPlanner.Plan plan, List<TickerRefresh> tickers,
            List<FetchItem> items) throws InterruptedException {
        java.util.Set<String> incomeFetched = new java.util.HashSet<>();
        for (FetchItem item : items) {
            if (item.function == AvFunction.INCOME_STATEMENT && item.outcome == FetchProgress.Outcome.FETCHED) {
                incomeFetched.add(item.ticker);
            }
        }
        List<TickerRefresh> decided = new ArrayList<>(tickers.size());
        List<FetchItem> statements = new ArrayList<>();
        for (TickerRefresh t : tickers) {
            for (AvFunction f : RefreshPolicy.waitsForIncomeStatement(t)) {
                RefreshDecision d = planner.afterIncomeStatement(plan, t, f, incomeFetched.contains(t.ticker()));
                t = t.with(d);
                if (d.fetch()) {
                    statements.add(new FetchItem(t.ticker(), f));
                }
            }
            decided.add(t);
        }
        if (!statements.isEmpty()) {
            LOG.info("fetching {} balance sheets and cash flows whose new income statement holds the reported quarter",
                    statements.size());
            rounds.run(statements, false);
            rounds.retryTransientFailures(statements);
            items.addAll(statements);
        }
        return decided;
    }

    /**
     * A store's failure caused by an interrupt (the run is stopping: a fatal answer, Ctrl-C) is no store failure: the
     * remote stores turn the interrupt into an IOException and set the thread's flag again.
     */
    static void stopIfInterrupted(IOException e) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            InterruptedException stop = new InterruptedException("interrupted during a raw-store call");
            stop.initCause(e);
            throw stop;
        }
    }
}
