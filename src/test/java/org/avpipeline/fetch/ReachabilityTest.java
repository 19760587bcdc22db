package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.avpipeline.alphavantage.AnswerKind;
import org.junit.jupiter.api.Test;

/** The early stop when every request fails the same way (issue 10, case 2; issue 21, point 9). */
class ReachabilityTest {
    private static final String REFUSED = "cannot connect: connection refused by 127.0.0.1:1";
    private static final String STATUS = "HTTP 502 from 127.0.0.1:8080";

    @Test
    void threeAlikeFailuresBeforeAnyAnswerStopTheFetchWithTheHost() {
        Reachability r = new Reachability();
        assertEquals(Optional.empty(), r.failed(AnswerKind.TRANSIENT, STATUS));
        assertEquals(Optional.empty(), r.failed(AnswerKind.TRANSIENT, STATUS));
        Optional<String> stop = r.failed(AnswerKind.TRANSIENT, STATUS);
        assertTrue(stop.isPresent());
        assertTrue(stop.get().contains("127.0.0.1:8080") && stop.get().contains("unreachable")
                && stop.get().contains("the first 3 requests all failed"), stop.get());
    }

    @Test
    void theFirstRequestThatCannotConnectStopsTheFetch() {
        // its attempts were the evidence: the client tried it three times within 1.5 s
        for (String cannotConnect : List.of(REFUSED, "cannot connect: host api.example cannot be resolved (DNS)",
                "cannot connect: TLS with api.example:443 failed: PKIX path building failed")) {
            Optional<String> stop = new Reachability().failed(AnswerKind.TRANSIENT, cannotConnect);
            assertTrue(stop.isPresent(), cannotConnect);
            assertTrue(stop.get().startsWith("Alpha Vantage is unreachable: the first request failed the same way "
                    + "after its retries (") && stop.get().contains(cannotConnect), stop.get());
        }
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
        mixed.failed(AnswerKind.TRANSIENT, STATUS);
        mixed.failed(AnswerKind.TRANSIENT, "HTTP 503");
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), mixed.failed(AnswerKind.TRANSIENT, REFUSED));
        }
    }
}
