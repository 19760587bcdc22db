package org.avpipeline.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    @Test
    void parsesEveryKindOfFault() {
        FaultPlan p = FaultPlan.parse("5xx=0.1, slow=0.05,malformed=0.02,truncated=0.02,premium,bad-key,slow-ms=250");
        assertEquals(0.1, p.serverErrors());
        assertEquals(0.05, p.slow());
        assertEquals(0.02, p.malformed());
        assertEquals(0.02, p.truncated());
        assertTrue(p.premium());
        assertTrue(p.badKey());
        assertEquals(Duration.ofMillis(250), p.slowDelay());
        assertEquals(p, FaultPlan.parse(p.toSpec()));
    }

    @Test
    void blankMeansNoFaults() {
        assertEquals(FaultPlan.NONE, FaultPlan.parse(""));
        assertEquals(FaultPlan.NONE, FaultPlan.parse(null));
        assertFalse(FaultPlan.NONE.hasRandomFaults());
        assertEquals("", FaultPlan.NONE.toSpec());
        assertEquals(FaultPlan.DEFAULT_SLOW_DELAY, FaultPlan.NONE.slowDelay());
    }

    @Test
    void drawsFaultsInProportion() {
        FaultPlan p = FaultPlan.parse("5xx=0.1,slow=0.1,malformed=0.1,truncated=0.1");
        assertEquals(FaultPlan.Fault.SERVER_ERROR, p.draw(0.05));
        assertEquals(FaultPlan.Fault.SLOW, p.draw(0.15));
        assertEquals(FaultPlan.Fault.MALFORMED, p.draw(0.25));
        assertEquals(FaultPlan.Fault.TRUNCATED, p.draw(0.35));
        assertEquals(FaultPlan.Fault.NONE, p.draw(0.45));
    }

    @Test
    void rejectsBadSpecsWithAMessageNamingThePart() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("flaky=0.1")).getMessage()
                .contains("flaky"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("5xx=2")).getMessage()
                .contains("5xx"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("slow=abc")).getMessage()
                .contains("slow"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("malformed")).getMessage()
                .contains("malformed"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("5xx=0.6,slow=0.6"));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse("premium=maybe"));
    }
}
