package org.avpipeline.fetch;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows how far a fetch is: on a terminal a one-line bar on stderr redrawn with {@code \r} (done/total, rate per
 * minute, ETA, failures); without one, a plain log line every 5 seconds. Thread-safe; no thread of its own.
 */
public final class FetchProgress {
    private static final Logger LOG = LoggerFactory.getLogger(FetchProgress.class);
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_NANOS = 5_000_000_000L;
    private static final int BAR_WIDTH = 24;

    /** What happened to one (ticker, data type). */
    public enum Outcome { FETCHED, SKIPPED, FAILED }

    private enum Mode { TERMINAL, LOG, SILENT }

    private final Mode mode;
    private final PrintStream terminal;
    private final LongSupplier nanoClock;

    private int total;
    private int done;
    private int requested;
    private int failed;
    private long startNanos;
    private long lastShownNanos;

    private FetchProgress(Mode mode, PrintStream terminal, LongSupplier nanoClock) {
        this.mode = mode;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    /** A bar on stderr when there is a terminal, log lines otherwise. */
    public static FetchProgress auto() {
        return System.console() != null ? terminal(System.err) : log();
    }

    public static FetchProgress terminal(PrintStream out) {
        return new FetchProgress(Mode.TERMINAL, out, System::nanoTime);
    }

    public static FetchProgress log() {
        return new FetchProgress(Mode.LOG, null, System::nanoTime);
    }

    public static FetchProgress silent() {
        return new FetchProgress(Mode.SILENT, null, System::nanoTime);
    }

    /** For tests: a bar on {@code out} with a fake clock. */
    static FetchProgress terminal(PrintStream out, LongSupplier nanoClock) {
        return new FetchProgress(Mode.TERMINAL, out, nanoClock);
    }

    public synchronized void start(int totalItems) {
        total = totalItems;
        done = 0;
        requested = 0;
        failed = 0;
        startNanos = nanoClock.getAsLong();
        lastShownNanos = startNanos;
        if (mode == Mode.LOG) {
            LOG.info("fetching {} answers", total);
        }
    }

    public synchronized void advance(Outcome outcome) {
        done++;
        if (outcome != Outcome.SKIPPED) {
            requested++;
        }
        if (outcome == Outcome.FAILED) {
            failed++;
        }
        long now = nanoClock.getAsLong();
        if (mode == Mode.TERMINAL && (now - lastShownNanos >= REDRAW_NANOS || done == total)) {
            lastShownNanos = now;
            terminal.print("\r" + line());
            terminal.flush();
        } else if (mode == Mode.LOG && now - lastShownNanos >= LOG_NANOS) {
            lastShownNanos = now;
            LOG.info("{}", line());
        }
    }

    public synchronized void finish() {
        if (mode == Mode.TERMINAL) {
            terminal.print("\r" + line() + System.lineSeparator());
            terminal.flush();
        } else if (mode == Mode.LOG) {
            LOG.info("done: {}", line());
        }
    }

    /** The progress in words: {@code [#####-----] 120/600  74.8/min  ETA 6m25s  3 failed}. */
    public synchronized String line() {
        double minutes = Math.max(1e-9, (nanoClock.getAsLong() - startNanos) / 60e9);
        double rate = requested / minutes;
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
        double perItemMinutes = done == 0 ? Double.NaN : minutes / done;
        String eta = done == 0 ? "?" : duration((total - done) * perItemMinutes * 60);
        return String.format(Locale.ROOT, "[%s] %d/%d  %.1f/min  ETA %s  %d failed", bar, done, total, rate, eta,
                failed);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
