package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FetchProgressTest {
    @Test
    void terminalBarShowsCountsRateEtaAndFailures() {
        AtomicLong now = new AtomicLong();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FetchProgress p = FetchProgress.terminal(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);
        p.start(4);
        now.addAndGet(30_000_000_000L);
        p.advance(FetchProgress.Outcome.FETCHED);
        p.advance(FetchProgress.Outcome.FAILED);
        // two answers with requests in 30 s: 4 per minute; 2 left at 15 s each: 30 s
        assertEquals("[############------------] 2/4  4.0/min  ETA 0m30s  1 failed", p.line());
        p.advance(FetchProgress.Outcome.SKIPPED);
        p.advance(FetchProgress.Outcome.FETCHED);
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("\r[#####"), out);
        assertTrue(out.contains("\r[########################] 4/4"), out);
        assertTrue(out.endsWith(System.lineSeparator()), out);
    }
}
