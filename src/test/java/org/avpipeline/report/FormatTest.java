package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void sizesDurationsAndCounts() {
        assertEquals("999 bytes", Format.bytes(999));
        assertEquals("47.1 KiB", Format.bytes(48_213));
        assertEquals("178.7 MiB", Format.bytes(187_342_905));
        assertEquals("2.0 GiB", Format.bytes(2_100_000_000L));
        assertEquals("1.2 s", Format.duration(1.2));
        assertEquals("45 s", Format.duration(45));
        assertEquals("12 min 45 s", Format.duration(765));
        assertEquals("1 h 02 min", Format.duration(3725));
        assertEquals("436,871", Format.count(436_871));
        assertEquals("93%", Format.percent(70, 75));
        assertEquals("\u2014", Format.percent(1, 0));
        assertEquals("12.5", Format.px(12.5));
        assertEquals("12", Format.px(12.0));
    }

    @Test
    void axisTicksAreRoundAndReachTheMaximum() {
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, CoverageChart.ticks(99));
        assertArrayEquals(new double[] {0, 1}, CoverageChart.ticks(1));
        assertArrayEquals(new double[] {0, 1, 2, 3}, CoverageChart.ticks(3));
        assertArrayEquals(new double[] {0, 250, 500, 750, 1000, 1250}, CoverageChart.ticks(1100));
    }

    @Test
    void escapingCoversMarkupAndQuotes() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", Html.esc("<a href=\"x\">&'"));
        assertEquals("", Html.esc(null));
        assertEquals("plain", Html.esc("plain"));
    }
}
