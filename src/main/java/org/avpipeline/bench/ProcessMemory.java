package org.avpipeline.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The memory (and CPU time) this JVM uses, as the operating system and the heap see it: the peak resident set size ({@code VmHWM}
 * of {@code /proc/self/status}, Linux only), the current one ({@code VmRSS}), the heap's maximum ({@code -Xmx}) and
 * the heap's peak use since the last {@link #resetPeaks()}.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessMemory() {}

    /** A snapshot; the RSS figures are empty where {@code /proc/self/status} is unreadable (not Linux). */
    public record Snapshot(OptionalLong peakRssBytes, OptionalLong rssBytes, long heapMaxBytes, long heapPeakUsedBytes) {}

    public static Snapshot now() {
        String status;
        try {
            status = Files.readString(STATUS, StandardCharsets.US_ASCII);
        } catch (IOException | UnsupportedOperationException e) {
            status = "";
        }
        return new Snapshot(statusBytes(status, "VmHWM"), statusBytes(status, "VmRSS"),
                Runtime.getRuntime().maxMemory(), heapPeakUsed());
    }

    /**
     * Starts the peaks afresh: the heap pools' peak use, and the peak RSS (writing {@code 5} to
     * {@code /proc/self/clear_refs}, Linux 4.0 and later).
     *
     * @return whether the peak RSS could be reset (when not, it still counts what came before)
     */
    public static boolean resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        try {
            Files.writeString(CLEAR_REFS, "5", StandardCharsets.US_ASCII);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** The CPU time this process has used (all threads), or 0 where the JVM cannot tell. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    /**
     * A size field of a {@code /proc/<pid>/status} text in bytes, e.g. {@code "VmHWM:\t  123456 kB"} → 126418944;
     * empty when the field is absent or not a size in kB.
     */
    static OptionalLong statusBytes(String status, String field) {
        String prefix = field + ":";
        for (String line : status.split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            String[] parts = line.substring(prefix.length()).trim().split("\\s+");
            if (parts.length != 2 || !parts[1].equals("kB")) {
                return OptionalLong.empty();
            }
            try {
                return OptionalLong.of(Math.multiplyExact(Long.parseLong(parts[0]), 1024L));
            } catch (NumberFormatException | ArithmeticException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** The sum of the heap pools' peak use (an upper bound of the heap's peak: the pools peak at different times). */
    private static long heapPeakUsed() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
