package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.avpipeline.alphavantage.AnswerKind;
import org.junit.jupiter.api.Test;

/** The early stop when every request fails the same way (issue 10, case 2). */
class ReachabilityTest {
    private static final String REFUSED = "cannot connect: connection refused by 127.0.0.1:1";

    @Test
    void threeAlikeFailuresBeforeAnyAnswerStopTheFetchWithTheHost() {
        Reachability r = new Reachability();
        assertEquals(Optional.empty(), r.failed(AnswerKind.TRANSIENT, REFUSED));
        assertEquals(Optional.empty(), r.failed(AnswerKind.TRANSIENT, REFUSED));
        Optional<String> stop = r.failed(AnswerKind.TRANSIENT, REFUSED);
        assertTrue(stop.isPresent());
        assertTrue(stop.get().contains("127.0.0.1:1") && stop.get().contains("unreachable"), stop.get());
    }

    @Test
    void anAnswerProvesTheApiReachable() {
        Reachability r = new Reachability();
        r.failed(AnswerKind.TRANSIENT, REFUSED);
        r.answered();
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.empty(), r.failed(AnswerKind.TRANSIENT, REFUSED));
        }
    }

    @Test
    void aMessageFromTheApiOrFailuresThatDifferAreNoReasonToStop() {
        Reachability unknown = new Reachability();
        unknown.failed(AnswerKind.UNKNOWN_SYMBOL, "x");
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), unknown.failed(AnswerKind.TRANSIENT, REFUSED));
        }
        Reachability mixed = new Reachability();
        mixed.failed(AnswerKind.TRANSIENT, REFUSED);
        mixed.failed(AnswerKind.TRANSIENT, "HTTP 503");
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), mixed.failed(AnswerKind.TRANSIENT, REFUSED));
        }
    }
}
