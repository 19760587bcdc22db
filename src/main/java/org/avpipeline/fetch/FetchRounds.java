package org.avpipeline.fetch;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.avpipeline.alphavantage.AlphaVantageClient;
import org.avpipeline.alphavantage.Answer;
import org.avpipeline.alphavantage.AnswerKind;
import org.avpipeline.concurrent.DaemonThreads;
import org.avpipeline.concurrent.TaskResults;
import org.avpipeline.raw.AnswerMetadata;
import org.avpipeline.raw.RawKey;
import org.avpipeline.raw.RawStore;
import org.avpipeline.raw.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fetches rounds of {@link FetchItem}s: concurrently, a ticker's first answer first, transient failures again. */
final class FetchRounds {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    private final AlphaVantageClient client;
    private final RawStore store;
    private final FetchPolicy policy;
    private final FetchProgress progress;
    private final Clock clock;
    private volatile Reachability reachability = new Reachability();

    FetchRounds(AlphaVantageClient client, RawStore store, FetchPolicy policy, FetchProgress progress, Clock clock) {
        this.client = client;
        this.store = store;
        this.policy = policy;
        this.progress = progress;
        this.clock = clock;
    }

    /** A new fetch: nothing is known yet about the API's reachability. */
    void startFetch() {
        reachability = new Reachability();
    }

    /**
     * One more round, after all the others, for the answers whose attempts all met a transient problem (5xx, timeout,
     * malformed or throttled): a weekly run should not lose a ticker to one unlucky minute. Each gets the client's
     * usual attempts again; what still fails is reported.
     */
    void retryTransientFailures(List<FetchItem> items) throws InterruptedException {
        List<FetchItem> again = new ArrayList<>();
        for (FetchItem item : items) {
            if (item.outcome == FetchProgress.Outcome.FAILED && isTransient(item.failure.reason())) {
                again.add(item);
            }
        }
        if (again.isEmpty()) {
            return;
        }
        LOG.info("trying {} answers again that failed with a transient problem", again.size());
        for (FetchItem item : again) {
            item.outcome = null;
            item.failure = null;
        }
        run(again, false);
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
     * (they are counted as failed with reason {@link Fetcher#SKIPPED_UNKNOWN_SYMBOL}).
     */
    void run(List<FetchItem> items, boolean showProgress) throws InterruptedException {
        if (items.isEmpty()) {
            return;
        }
        java.util.Map<String, List<FetchItem>> byTicker = new java.util.LinkedHashMap<>();
        for (FetchItem item : items) {
            byTicker.computeIfAbsent(item.ticker, t -> new ArrayList<>()).add(item);
        }
        int threads = Math.min(policy.concurrency(), items.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("fetch"));
        ExecutorCompletionService<FetchItem> done = new ExecutorCompletionService<>(pool);
        try {
            int pending = 0;
            for (List<FetchItem> group : byTicker.values()) {
                submit(done, group.get(0), showProgress);
                pending++;
            }
            while (pending > 0) {
                FetchItem finished = next(done);
                pending--;
                List<FetchItem> group = byTicker.remove(finished.ticker);
                if (group != null && group.get(0) == finished) {
                    pending += afterFirst(finished, group.subList(1, group.size()), done, showProgress);
                }
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("some fetch threads did not stop within 30 s");
            }
        }
    }

    /** The next finished item; a task's failure is thrown as it was thrown. */
    private static FetchItem next(ExecutorCompletionService<FetchItem> done) throws InterruptedException {
        return TaskResults.get(done.take(), "fetch task");
    }

    /**
     * After a ticker's first answer: its other items are submitted, or, when it said "unknown symbol", failed without
     * a request. Returns how many were submitted.
     */
    private int afterFirst(FetchItem finished, List<FetchItem> rest, ExecutorCompletionService<FetchItem> done,
            boolean showProgress) {
        if (finished.failure != null && AnswerKind.UNKNOWN_SYMBOL.name().equals(finished.failure.reason())) {
            for (FetchItem item : rest) {
                item.fail(Fetcher.SKIPPED_UNKNOWN_SYMBOL, "not requested: " + finished.function
                        + " said unknown symbol");
                if (showProgress) {
                    progress.advance(item.outcome);
                }
            }
            LOG.info("ticker {}: unknown symbol; its other {} data types are not requested", finished.ticker,
                    rest.size());
            return 0;
        }
        for (FetchItem item : rest) {
            submit(done, item, showProgress);
        }
        return rest.size();
    }

    private void submit(ExecutorCompletionService<FetchItem> done, FetchItem item, boolean showProgress) {
        done.submit(() -> {
            fetchOne(item);
            if (showProgress) {
                progress.advance(item.outcome);
            }
            return item;
        });
    }

    private void fetchOne(FetchItem item) throws InterruptedException {
        RawKey key;
        try {
            key = RawKey.of(item.ticker, item.function);
        } catch (IllegalArgumentException e) {
            item.fail(Fetcher.INVALID_SYMBOL, e.getMessage());
            return;
        }
        Answer answer = client.fetch(item.function, item.ticker); // FatalAnswerException ends the run
        if (answer.isData()) {
            reachability.answered();
        } else {
            java.util.Optional<String> stop = reachability.failed(answer.kind(), answer.detail());
            item.fail(answer.kind().name(), answer.kind().describe()
                    + (answer.detail().isEmpty() ? "" : ": " + answer.detail()));
            if (stop.isPresent()) { // the failed request is in the stopped fetch's summary too
                throw new FetchStoppedException(stop.get());
            }
            return;
        }
        try {
            store.write(key, answer.body(), metadataOf(answer, clock));
            item.outcome = FetchProgress.Outcome.FETCHED;
            if (item.collectSplitDays) {
                item.splitDays = RefreshPlanner.splitDays(answer.body());
            }
        } catch (IOException e) {
            Fetcher.stopIfInterrupted(e);
            LOG.warn("{} {}: could not store the answer: {}", item.function, item.ticker, e.getMessage());
            item.fail(TickerFailure.STORE_ERROR, "could not store the answer: " + e.getMessage());
        }
    }

    /** The stored answer's metadata: fetched now, its request, its body's SHA-256. */
    static AnswerMetadata metadataOf(Answer answer, Clock clock) {
        return new AnswerMetadata(clock.instant(), answer.request(), Sha256.hex(answer.body()));
    }
}
