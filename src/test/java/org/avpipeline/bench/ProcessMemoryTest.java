package org.avpipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    /** The head of a real {@code /proc/self/status} of a JVM. */
    static final String STATUS = """
            Name:\tjava
            Umask:\t0022
            State:\tS (sleeping)
            Tgid:\t21474
            VmPeak:\t 8564904 kB
            VmSize:\t 8499368 kB
            VmLck:\t       0 kB
            VmHWM:\t 1595008 kB
            VmRSS:\t  931204 kB
            RssAnon:\t  902112 kB
            Threads:\t31
            """;

    @Test
    void sizeFieldsInBytes() {
        assertEquals(OptionalLong.of(1_595_008L * 1024), ProcessMemory.statusBytes(STATUS, "VmHWM"));
        assertEquals(OptionalLong.of(931_204L * 1024), ProcessMemory.statusBytes(STATUS, "VmRSS"));
        assertEquals(OptionalLong.of(0), ProcessMemory.statusBytes(STATUS, "VmLck"));
    }

    @Test
    void absentOrNotASizeIsEmpty() {
        assertEquals(OptionalLong.empty(), ProcessMemory.statusBytes(STATUS, "VmSwap"));
        assertEquals(OptionalLong.empty(), ProcessMemory.statusBytes(STATUS, "Threads"), "not in kB");
        assertEquals(OptionalLong.empty(), ProcessMemory.statusBytes(STATUS, "Vm"), "a prefix of a field is no field");
        assertEquals(OptionalLong.empty(), ProcessMemory.statusBytes("", "VmHWM"));
        assertEquals(OptionalLong.empty(), ProcessMemory.statusBytes("VmHWM:\t  12x kB\n", "VmHWM"));
    }

    @Test
    void thisProcessOnLinuxHasAPeakAtLeastItsCurrentSize() {
        ProcessMemory.Snapshot now = ProcessMemory.now();
        assertEquals(Runtime.getRuntime().maxMemory(), now.heapMaxBytes());
        if (now.peakRssBytes().isPresent()) {
            assertTrue(now.peakRssBytes().getAsLong() >= now.rssBytes().getAsLong());
        }
    }
}
