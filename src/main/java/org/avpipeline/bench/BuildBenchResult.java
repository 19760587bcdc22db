package org.avpipeline.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What {@code avpipeline bench build} measured.
 *
 * @param tickers the universe's tickers
 * @param inArtifact the tickers with rows in the artifact
 * @param threads the build's threads
 * @param rows the artifact's rows
 * @param artifactBytes the artifact's size
 * @param companionBytes the companion files' size together (0 without them)
 * @param wall the build's wall time (the store's fill not included)
 * @param cpu the CPU time the whole process used during the build (all threads, JIT and GC included)
 * @param memory the memory after the build (peaks since just before it, when the RSS peak could be reset)
 * @param peakRssFromBuildStart whether the peak RSS counts from the build's start (else from the JVM's start)
 * @param fill how the raw store was made ready
 */
public record BuildBenchResult(int tickers, int inArtifact, int threads, long rows, long artifactBytes, long companionBytes, Duration wall,
        Duration cpu, ProcessMemory.Snapshot memory, boolean peakRssFromBuildStart, SimulatedRawStore.Fill fill) {

    /** Rows written per second of wall time. */
    public double rowsPerSecond() {
        return wall.isZero() ? Double.NaN : rows / (wall.toNanos() / 1e9);
    }

    /** CPU time ÷ wall time: how many processors the build kept busy on average. */
    public double busyProcessors() {
        return wall.isZero() ? Double.NaN : (double) cpu.toNanos() / wall.toNanos();
    }

    /** The report lines. */
    public String format() {
        return String.format(Locale.ROOT, """
                Raw store           %s
                Tickers             %d (%d in the artifact), %d build threads
                Rows                %,d
                Wall time           %.2f s
                CPU time            %.2f s (%.2f processors busy on average)
                Rows per second     %,.0f
                Artifact size       %s%s
                Peak RSS            %s%s
                Heap max            %s
                """, fill.reused() ? "reused" : String.format(Locale.ROOT, "filled now (%d answers in %.1f s)",
                        fill.answers(), fill.took().toNanos() / 1e9),
                tickers, inArtifact, threads, rows, wall.toNanos() / 1e9,
                cpu.toNanos() / 1e9, busyProcessors(), rowsPerSecond(), mib(artifactBytes),
                companionBytes > 0 ? " (+ " + mib(companionBytes) + " of companion files)" : " (no companion files)",
                mib(memory.peakRssBytes()), peakRssFromBuildStart ? "" : " (since the JVM started: could not reset)",
                mib(memory.heapMaxBytes()));
    }

    static String mib(OptionalLong bytes) {
        return bytes.isPresent() ? mib(bytes.getAsLong()) : "unknown (no /proc/self/status)";
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
