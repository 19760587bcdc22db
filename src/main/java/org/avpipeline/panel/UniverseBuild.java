package org.avpipeline.panel;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.avpipeline.concurrent.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every ticker of a universe: loads and builds tickers in parallel on a fixed number of threads, keeps at most
 * {@code maxInFlight} tickers between "started" and "handed to the sink" (so memory is bounded by a few tickers, not
 * the universe), and hands the results to the sink strictly in ascending ticker order, so a streaming writer can
 * write sorted output. A ticker whose loading or build fails is reported as failed; the others are built.
 */
public final class UniverseBuild {
    private static final Logger LOG = LoggerFactory.getLogger(UniverseBuild.class);

    private final BuildParameters params;
    private final int threads;
    private final int maxInFlight;

    /** {@code threads} workers with up to twice as many tickers in flight. */
    public UniverseBuild(BuildParameters params, int threads) {
        this(params, threads, 2 * threads);
    }

    public UniverseBuild(BuildParameters params, int threads, int maxInFlight) {
        if (threads < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("threads and maxInFlight must be at least 1");
        }
        this.params = java.util.Objects.requireNonNull(params, "params");
        this.threads = threads;
        this.maxInFlight = maxInFlight;
    }

    /** One ticker's outcome: a result or a failure. */
    private record Outcome(TickerResult result, FailedTicker failure) {}

    /**
     * Builds the distinct tickers in ascending order.
     *
     * @throws Exception what the sink threw, or an {@link InterruptedException}; the run then stops
     */
    public BuildSummary run(Collection<String> tickers, TickerLoader loader, TickerSink sink) throws Exception {
        long started = System.nanoTime();
        List<String> sorted = new ArrayList<>(new TreeSet<>(tickers));
        List<FailedTicker> failed = new ArrayList<>();
        List<TickerFacts> facts = new ArrayList<>();
        int withPrices = 0;
        int withStatements = 0;
        int inArtifact = 0;
        long rows = 0;

        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("build"));
        Deque<Future<Outcome>> inFlight = new ArrayDeque<>();
        try {
            int next = 0;
            while (next < sorted.size() && inFlight.size() < maxInFlight) {
                inFlight.add(submit(pool, sorted.get(next++), loader));
            }
            while (!inFlight.isEmpty()) {
                Outcome outcome = await(inFlight.removeFirst());
                if (outcome.failure() != null) {
                    failed.add(outcome.failure());
                } else {
                    TickerResult result = outcome.result();
                    TickerFacts f = result.facts();
                    facts.add(f);
                    withPrices += f.priceDays() > 0 ? 1 : 0;
                    withStatements += f.hasUsableStatements() ? 1 : 0;
                    inArtifact += result.panel() != null ? 1 : 0;
                    rows += result.rows();
                    sink.accept(result);
                }
                // the next ticker starts only once this one is handed over: at most maxInFlight are held at once
                if (next < sorted.size()) {
                    inFlight.add(submit(pool, sorted.get(next++), loader));
                }
            }
        } finally {
            for (Future<Outcome> f : inFlight) {
                f.cancel(true);
            }
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new BuildSummary(sorted.size(), withPrices, withStatements, inArtifact, failed, rows,
                Duration.ofNanos(System.nanoTime() - started), facts, params.mode());
    }

    private Future<Outcome> submit(ExecutorService pool, String ticker, TickerLoader loader) {
        return pool.submit(() -> buildOne(ticker, loader));
    }

    private Outcome buildOne(String ticker, TickerLoader loader) {
        TickerData data;
        try {
            data = loader.load(ticker);
        } catch (Exception e) {
            return failure(ticker, "loading failed: " + describe(e));
        }
        if (data == null) {
            return failure(ticker, "loading failed: no data");
        }
        if (!ticker.equals(data.ticker())) {
            return failure(ticker, "loading failed: got the data of " + data.ticker());
        }
        try {
            return new Outcome(VintageBuild.build(data, params), null);
        } catch (RuntimeException e) {
            return failure(ticker, "build failed: " + describe(e));
        }
    }

    private static Outcome failure(String ticker, String reason) {
        LOG.warn("{}: {}", ticker, reason);
        return new Outcome(null, new FailedTicker(ticker, reason));
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static Outcome await(Future<Outcome> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw (Exception) cause;
        }
    }
}
