package org.avpipeline.fetch;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.Answer;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.alphavantage.AnswerParsers;
import org.avpipeline.alphavantage.AvFunction;
import org.avpipeline.alphavantage.ClientStats;
import org.avpipeline.alphavantage.EtfProfile;
import org.avpipeline.alphavantage.MalformedAnswerException;
import org.avpipeline.concurrent.DaemonThreads;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.Sha256;
import org.avpipeline.raw.StoredAnswer;
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
    private final Clock clock;
    /** The per-ticker functions, in fetch order: the six of the panel, and OVERVIEW when asked for. */
    private List<AvFunction> functions = AvFunction.PER_TICKER;
    private final RefreshPlanner planner;
    private volatile Reachability reachability = new Reachability();

    public Fetcher(AlphaVantageClient client, RawStore store, FetchPolicy policy, FetchProgress progress,
            Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.planner = new RefreshPlanner(client, store, policy, clock);
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
        EtfLookup lookup = lookupEtf(etf);
        DataTypeTally etfTally = new DataTypeTally(AvFunction.ETF_PROFILE, lookup.fetched ? 1 : 0,
                lookup.fetched ? 0 : 1, List.of());
        return fetch(run, lookup.universe, etfTally);
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
        return lookupEtf(etf).universe;
    }

    private static final class EtfLookup {
        final Universe universe;
        final boolean fetched;

        EtfLookup(Universe universe, boolean fetched) {
            this.universe = universe;
            this.fetched = fetched;
        }
    }

    private EtfLookup lookupEtf(String etf) throws InterruptedException {
        RawKey key;
        try {
            key = RawKey.etfProfile(etf);
        } catch (IllegalArgumentException e) {
            throw new EtfLookupException("not an ETF symbol: '" + etf + "'", e);
        }
        if (!policy.refresh()) {
            try {
                Optional<StoredAnswer> stored = store.read(key);
                if (stored.isPresent() && isFresh(stored.get().metadata())) {
                    EtfProfile profile = AnswerParsers.parseEtfProfile(key.symbol(), stored.get().body());
                    LOG.info("ETF {}: using the stored profile of {}", key.symbol(), stored.get().metadata().fetchedAt());
                    return new EtfLookup(nonEmpty(Universe.fromHoldings(key.symbol(), profile.holdings())), false);
                }
            } catch (IOException e) {
                stopIfInterrupted(e);
                LOG.warn("ETF {}: the stored profile is unusable ({}); fetching it again", key.symbol(), e.getMessage());
            } catch (MalformedAnswerException e) {
                LOG.warn("ETF {}: the stored profile is unusable ({}); fetching it again", key.symbol(), e.getMessage());
            }
        }
        Answer answer = client.fetch(AvFunction.ETF_PROFILE, key.symbol());
        if (!answer.isData()) {
            throw new EtfLookupException("Could not get the holdings of ETF " + key.symbol() + ": "
                    + answer.kind().describe() + (answer.detail().isEmpty() ? "" : " (" + answer.detail() + ")"));
        }
        try {
            store.write(key, answer.body(), metadataOf(answer));
        } catch (IOException e) {
            stopIfInterrupted(e);
            throw new EtfLookupException("Could not store the profile of ETF " + key.symbol() + " in "
                    + store.describe() + ": " + e.getMessage(), e);
        }
        EtfProfile profile = AnswerParsers.parseEtfProfile(key.symbol(), answer.body());
        return new EtfLookup(nonEmpty(Universe.fromHoldings(key.symbol(), profile.holdings())), true);
    }

    private static Universe nonEmpty(Universe u) {
        if (u.tickers().isEmpty()) {
            throw new EtfLookupException("ETF " + u.etfSymbol() + " has no holdings with a ticker symbol");
        }
        return u;
    }

    /** One (ticker, data type) to fetch and what became of it. */
    private static final class Item {
        final String ticker;
        final AvFunction function;
        FetchProgress.Outcome outcome;
        TickerFailure failure;
        /** For a price item whose splits wait for the new prices: the days with a split coefficient other than 1. */
        boolean collectSplitDays;
        List<java.time.LocalDate> splitDays = List.of();

        Item(String ticker, AvFunction function) {
            this.ticker = ticker;
            this.function = function;
        }
    }

    /** Where a run started, on both clocks and in the client's counters. */
    private final class Run {
        final Instant startedAt = clock.instant();
        final long startNanos = System.nanoTime();
        final ClientStats before = client.stats();
    }

    private FetchSummary fetch(Run run, Universe universe, DataTypeTally etfTally) throws InterruptedException {
        reachability = new Reachability();
        // The one decision point: which data types of each ticker to fetch, and why (RefreshPolicy).
        RefreshPlanner.Plan plan = planner.plan(universe.tickers(), functions);
        List<Item> items = new ArrayList<>();
        for (TickerRefresh t : plan.tickers()) {
            List<AvFunction> waiting = RefreshPolicy.waitsForIncomeStatement(t);
            for (AvFunction f : t.toFetch()) {
                if (waiting.contains(f)) {
                    continue; // fetched after the income statement, when it holds the reported quarter
                }
                Item item = new Item(t.ticker(), f);
                item.collectSplitDays = f == AvFunction.TIME_SERIES_DAILY_ADJUSTED
                        && t.decision(AvFunction.SPLITS) != null
                        && t.decision(AvFunction.SPLITS).reason() == RefreshReason.UNCHANGED;
                items.add(item);
            }
        }
        LOG.info("fetching {} of {} answers for {} tickers into {} ({})", items.size(),
                functions.size() * universe.size(), universe.size(), store.describe(),
                policy.refresh() ? "refreshing everything" : "keeping answers younger than " + policy.maxAge()
                        + " and what cannot have changed");
        progress.start(items.size());
        List<TickerRefresh> decided;
        try {
            runAll(items, true);
            progress.finish();
            retryTransientFailures(items);
            decided = statementsAfterIncomeStatement(plan, splitsAfterPrices(plan, items), items);
        } catch (FetchStoppedException stop) {
            // the fetch as it was: what was requested so far, how long, what failed (items not reached are left out)
            throw stop.with(summary(run, universe, etfTally, plan, items.stream().filter(i -> i.outcome != null)
                    .toList(), plan.tickers()));
        }
        return summary(run, universe, etfTally, plan, items, decided);
    }

    /** The summary of the items done, with the decisions to keep the other answers. */
    private FetchSummary summary(Run run, Universe universe, DataTypeTally etfTally, RefreshPlanner.Plan plan,
            List<Item> items, List<TickerRefresh> decided) {
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
            for (Item item : items) {
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
    private List<TickerRefresh> splitsAfterPrices(RefreshPlanner.Plan plan, List<Item> items)
            throws InterruptedException {
        java.util.Map<String, Item> prices = new java.util.HashMap<>();
        for (Item item : items) {
            if (item.collectSplitDays && item.outcome == FetchProgress.Outcome.FETCHED) {
                prices.put(item.ticker, item);
            }
        }
        List<TickerRefresh> decided = new ArrayList<>(plan.tickers().size());
        List<Item> splits = new ArrayList<>();
        for (TickerRefresh t : plan.tickers()) {
            Item price = prices.get(t.ticker());
            if (price != null) {
                RefreshDecision d = planner.afterPrices(plan, t, price.splitDays);
                if (d.fetch()) {
                    t = t.with(d);
                    splits.add(new Item(t.ticker(), AvFunction.SPLITS));
                }
            }
            decided.add(t);
        }
        if (!splits.isEmpty()) {
            LOG.info("fetching the splits of {} tickers whose new prices show a split", splits.size());
            runAll(splits, false);
            retryTransientFailures(splits);
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
            List<Item> items) throws InterruptedException {
        java.util.Set<String> incomeFetched = new java.util.HashSet<>();
        for (Item item : items) {
            if (item.function == AvFunction.INCOME_STATEMENT && item.outcome == FetchProgress.Outcome.FETCHED) {
                incomeFetched.add(item.ticker);
            }
        }
        List<TickerRefresh> decided = new ArrayList<>(tickers.size());
        List<Item> statements = new ArrayList<>();
        for (TickerRefresh t : tickers) {
            for (AvFunction f : RefreshPolicy.waitsForIncomeStatement(t)) {
                RefreshDecision d = planner.afterIncomeStatement(plan, t, f, incomeFetched.contains(t.ticker()));
                t = t.with(d);
                if (d.fetch()) {
                    statements.add(new Item(t.ticker(), f));
                }
            }
            decided.add(t);
        }
        if (!statements.isEmpty()) {
            LOG.info("fetching {} balance sheets and cash flows whose new income statement holds the reported quarter",
                    statements.size());
            runAll(statements, false);
            retryTransientFailures(statements);
            items.addAll(statements);
        }
        return decided;
    }

    /**
     * One more round, after all the others, for the answers whose attempts all met a transient problem (5xx, timeout,
     * malformed or throttled): a weekly run should not lose a ticker to one unlucky minute. Each gets the client's
     * usual attempts again; what still fails is reported.
     */
    private void retryTransientFailures(List<Item> items) throws InterruptedException {
        List<Item> again = new ArrayList<>();
        for (Item item : items) {
            if (item.outcome == FetchProgress.Outcome.FAILED && isTransient(item.failure.reason())) {
                again.add(item);
            }
        }
        if (again.isEmpty()) {
            return;
        }
        LOG.info("trying {} answers again that failed with a transient problem", again.size());
        for (Item item : again) {
            item.outcome = null;
            item.failure = null;
        }
        runAll(again, false);
    }

    private static boolean isTransient(String reason) {
        try {
            AnswerKind kind = AnswerKind.valueOf(reason);
            return kind.retryable();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Fetches the items, at most {@link FetchPolicy#concurrency()} at once. Each ticker's first item (prices) goes
     * first; its other data types are requested only once it answered, and not at all when it said "unknown symbol"
     * (they are counted as failed with reason {@link #SKIPPED_UNKNOWN_SYMBOL}).
     */
    private void runAll(List<Item> items, boolean showProgress) throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        java.util.Map<String, List<Item>> byTicker = new java.util.LinkedHashMap<>();
        for (Item item : items) {
            byTicker.computeIfAbsent(item.ticker, t -> new ArrayList<>()).add(item);
        }
        int threads = Math.min(policy.concurrency(), items.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("fetch"));
        ExecutorCompletionService<Item> done = new ExecutorCompletionService<>(pool);
        try {
            int pending = 0;
            for (List<Item> group : byTicker.values()) {
                submit(done, group.get(0), showProgress);
                pending++;
            }
            while (pending > 0) {
                Item finished;
                try {
                    finished = done.take().get();
                    pending--;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException) {
                        throw (RuntimeException) cause;
                    }
                    if (cause instanceof InterruptedException) {
                        throw (InterruptedException) cause;
                    }
                    throw new IllegalStateException("fetch task failed", cause);
                }
                List<Item> group = byTicker.remove(finished.ticker);
                if (group == null || group.get(0) != finished) {
                    continue;
                }
                List<Item> rest = group.subList(1, group.size());
                if (finished.failure != null && AnswerKind.UNKNOWN_SYMBOL.name().equals(finished.failure.reason())) {
                    for (Item item : rest) {
                        fail(item, SKIPPED_UNKNOWN_SYMBOL, "not requested: " + finished.function
                                + " said unknown symbol");
                        if (showProgress) {
                            progress.advance(item.outcome);
                        }
                    }
                    LOG.info("ticker {}: unknown symbol; its other {} data types are not requested", finished.ticker,
                            rest.size());
                } else {
                    for (Item item : rest) {
                        submit(done, item, showProgress);
                        pending++;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("some fetch threads did not stop within 30 s");
            }
        }
    }

    private void submit(ExecutorCompletionService<Item> done, Item item, boolean showProgress) {
        done.submit(() -> {
            fetchOne(item);
            if (showProgress) {
                progress.advance(item.outcome);
            }
            return item;
        });
    }

    private void fetchOne(Item item) throws InterruptedException {
        RawKey key;
        try {
            key = RawKey.of(item.ticker, item.function);
        } catch (IllegalArgumentException e) {
            fail(item, INVALID_SYMBOL, e.getMessage());
            return;
        }
        Answer answer = client.fetch(item.function, item.ticker); // FatalAnswerException ends the run
        if (answer.isData()) {
            reachability.answered();
        } else {
            java.util.Optional<String> stop = reachability.failed(answer.kind(), answer.detail());
            fail(item, answer.kind().name(), answer.kind().describe()
                    + (answer.detail().isEmpty() ? "" : ": " + answer.detail()));
            if (stop.isPresent()) { // the failed request is in the stopped fetch's summary too
                throw new FetchStoppedException(stop.get());
            }
            return;
        }
        try {
            store.write(key, answer.body(), metadataOf(answer));
            item.outcome = FetchProgress.Outcome.FETCHED;
            if (item.collectSplitDays) {
                item.splitDays = RefreshPlanner.splitDays(answer.body());
            }
        } catch (IOException e) {
            stopIfInterrupted(e);
            LOG.warn("{} {}: could not store the answer: {}", item.function, item.ticker, e.getMessage());
            fail(item, TickerFailure.STORE_ERROR, "could not store the answer: " + e.getMessage());
        }
    }

    private static void fail(Item item, String reason, String detail) {
        item.outcome = FetchProgress.Outcome.FAILED;
        item.failure = new TickerFailure(item.ticker, reason, detail);
    }

    private AnswerMetadata metadataOf(Answer answer) {
        return new AnswerMetadata(clock.instant(), answer.request(), Sha256.hex(answer.body()));
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

    private boolean isFresh(AnswerMetadata meta) {
        return Duration.between(meta.fetchedAt(), clock.instant()).compareTo(policy.maxAge()) < 0;
    }
}
