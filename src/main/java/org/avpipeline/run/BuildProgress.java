package org.avpipeline.run;

import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a build: a one-line bar redrawn on stderr when there is a terminal, a log line every few seconds
 * otherwise (CloudWatch), nothing when silent. Called from one thread (the build's sink).
 */
public final class BuildProgress {
    private static final Logger LOG = LoggerFactory.getLogger(BuildProgress.class);
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_NANOS = 5_000_000_000L;

    private final PrintStream terminal;
    private final boolean log;
    private int total;
    private int done;
    private long rows;
    private long start;
    private long lastShown;

    private BuildProgress(PrintStream terminal, boolean log) {
        this.terminal = terminal;
        this.log = log;
    }

    public static BuildProgress auto() {
        return System.console() != null ? new BuildProgress(System.err, false) : new BuildProgress(null, true);
    }

    public static BuildProgress silent() {
        return new BuildProgress(null, false);
    }

    public void start(int tickers) {
        total = tickers;
        start = System.nanoTime();
        lastShown = start;
        if (log) {
            LOG.info("building {} tickers", tickers);
        }
    }

    public void tickerDone(long tickerRows) {
        done++;
        rows += tickerRows;
        long now = System.nanoTime();
        if (terminal != null && (now - lastShown >= REDRAW_NANOS || done == total)) {
            lastShown = now;
            terminal.print("\r" + line());
            terminal.flush();
        } else if (log && now - lastShown >= LOG_NANOS) {
            lastShown = now;
            LOG.info("{}", line());
        }
    }

    public void finish() {
        if (terminal != null) {
            terminal.print("\r" + line() + System.lineSeparator());
            terminal.flush();
        }
    }

    String line() {
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        return String.format(Locale.ROOT, "building: %d/%d tickers  %,d rows  %.0f rows/s", done, total, rows,
                rows / seconds);
    }
}
