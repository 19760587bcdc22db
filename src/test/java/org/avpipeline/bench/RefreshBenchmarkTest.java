package org.avpipeline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.avpipeline.cli.Main;
import org.avpipeline.fetch.RefreshReason;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code bench refresh} end to end on a tiny market, and its arithmetic (what it measures is not asserted). */
class RefreshBenchmarkTest {
    @Test
    void reportsEachWeekAndTheShares() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        int code = cl.execute("bench", "refresh", "--tickers", "2", "--weeks", "2", "--first-week", "2024-05-06");
        assertEquals(0, code, out.toString());
        String text = out.toString();
        assertTrue(text.contains("2024-05-06") && text.contains("2024-05-13"), text);
        assertTrue(text.contains("mean share") && text.contains("worst week"), text);
        assertTrue(text.contains("EVERY_RUN=2"), "the prices of both tickers every week: " + text);
    }

    @Test
    void formatsMeanWorstAndTimeSaved() {
        List<RefreshBenchmark.Week> weeks = List.of(
                new RefreshBenchmark.Week(LocalDate.of(2024, 4, 1), 150, 600, Map.of(RefreshReason.EVERY_RUN, 100)),
                new RefreshBenchmark.Week(LocalDate.of(2024, 4, 8), 210, 600, Map.of(RefreshReason.REPORTED, 80)));
        String text = RefreshBenchmark.format(weeks, 75);
        assertTrue(text.contains("mean share 30.0%"), text);
        assertTrue(text.contains("worst week 2024-04-08 35.0%"), text);
        assertTrue(text.contains("calls 360 of 1200"), text);
        assertTrue(text.contains("(5.6 minutes saved)"), text); // (1200 - 360) / 75 / 2
    }
}
