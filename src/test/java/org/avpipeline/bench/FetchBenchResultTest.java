package org.avpipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchBenchResultTest {
    private static FetchBenchResult result(long calls, int rate, Duration wall) {
        return new FetchBenchResult(50, rate, calls, 0, 0, true, wall);
    }

    @Test
    void idealIsCallsAtTheRate() {
        assertEquals(Duration.ofSeconds(30), result(300, 600, Duration.ofSeconds(31)).ideal());
        assertEquals(Duration.ofMillis(48_000), result(60, 75, Duration.ZERO).ideal());
    }

    @Test
    void ratioIsWallOverIdealAgainstTheTarget() {
        FetchBenchResult onTime = result(300, 600, Duration.ofMillis(32_400));
        assertEquals(1.08, onTime.ratio(), 1e-9);
        assertTrue(onTime.meetsTarget());
        FetchBenchResult late = result(300, 600, Duration.ofMillis(33_300));
        assertEquals(1.11, late.ratio(), 1e-9);
        assertFalse(late.meetsTarget());
        assertTrue(Double.isNaN(result(0, 600, Duration.ofSeconds(1)).ratio()));
    }

    @Test
    void reportShowsTheNumbers() {
        String text = new FetchBenchResult(50, 600, 321, 21, 1, false, Duration.ofMillis(36_900)).format();
        assertTrue(text.contains("Calls               321 (21 retries)"), text);
        assertTrue(text.contains("Ideal (calls/rate)  32.10 s"), text);
        assertTrue(text.contains("Wall / ideal        1.150 (target <= 1.10: MISSED)"), text);
        assertTrue(text.contains("All six data types  NO"), text);
    }

    @Test
    void aRateBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> result(1, 0, Duration.ZERO));
    }
}
