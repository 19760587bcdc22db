package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.avpipeline.report.HtmlReport;
import org.avpipeline.report.OutcomeThresholds;
import org.avpipeline.report.RunOutcome;
import org.avpipeline.run.OutcomeRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 21, point 11: a failed run says "the previous artifact is unchanged" only when there is one. */
class PreviousArtifactNoteTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aFailedFirstRunSaysThereWasNoPreviousArtifact() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new RunCommand(Map.of()));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("--api-key", "demo", "--av-url", "http://127.0.0.1:1/query", "--data-dir",
                dir.toString(), "--tickers", "ACMA");
        assertEquals(ExitCodes.FETCH_FAILED, code, err.toString());
        assertTrue(err.toString().contains("(there was no previous artifact)"), err.toString());
        assertFalse(err.toString().contains("unchanged"), err.toString());
        String report = Files.readString(dir.resolve("ttm-artifacts/" + TODAY + ".failed/" + HtmlReport.FILE_NAME));
        assertTrue(report.contains("No artifact was published; there was no previous artifact."), report);
        assertFalse(report.contains("previous artifact is unchanged"), report);
    }

    @Test
    void aFailedRunAfterAnArtifactSaysItIsUnchanged() {
        RunOutcome failed = OutcomeRules.failed("unreachable", Optional.of(new OutcomeRules.Baseline("run-1",
                "/data/ttm-artifacts/2025-01-03", 10, 1, List.of())), OutcomeThresholds.defaults());
        assertTrue(failed.hadPrevious());
        assertEquals("the previous artifact is unchanged", RunOutcome.previousArtifactNote(failed.hadPrevious()));
        assertFalse(OutcomeRules.failed("unreachable", Optional.empty(), OutcomeThresholds.defaults()).hadPrevious());
    }
}
