package org.avpipeline.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.avpipeline.concurrent.DaemonThreads;
import org.avpipeline.concurrent.TaskResults;

/** Runs a task for every ticker of a refresh plan in the fetch's threads; the results in ticker order. */
final class TickerTasks {
    private TickerTasks() {}

    /** Work on one ticker that reads the store. */
    interface TickerTask<T> {
        T apply(String ticker) throws InterruptedException;
    }

    /**
     * A task for every ticker, in the fetch's threads (a remote store answers each read in milliseconds, and there
     * are six to ten reads a ticker); the results in ticker order.
     */
    static <T> List<T> forEach(int concurrency, List<String> tickers, TickerTask<T> task)
            throws InterruptedException {
        int threads = Math.min(concurrency, tickers.size());
        List<T> out = new ArrayList<>(tickers.size());
        if (threads <= 1) {
            for (String t : tickers) {
                out.add(task.apply(t));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("refresh-plan"));
        try {
            List<Future<T>> futures = new ArrayList<>(tickers.size());
            for (String t : tickers) {
                futures.add(pool.submit(() -> task.apply(t)));
            }
            for (Future<T> f : futures) {
                out.add(TaskResults.get(f, "planning the refresh"));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
