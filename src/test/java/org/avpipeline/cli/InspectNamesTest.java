package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.ArtifactWriter;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.report.ByteSizes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 21, point 11: {@code inspect} says KiB/MiB for binary units, and finds {@code --ticker acma} as run does. */
class InspectNamesTest {
    @TempDir
    Path dir;

    @Test
    void theFileSizeIsInBinaryUnitsAndALowerCaseTickerIsFound() throws Exception {
        Path artifact = dir.resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(artifact, new ArtifactMetadata("9.9.9", "run-7", "SPY",
                LocalDate.of(2020, 1, 1), Instant.parse("2025-06-01T06:00:00Z")))) {
            TickerPanel a = TickerPanel.empty("ACMA", 1);
            a.dates(ArtifactSchema.DATE)[0] = (int) LocalDate.of(2020, 1, 2).toEpochDay();
            a.doubles("adjusted_close")[0] = 75.0;
            w.write(a);
            w.commit();
        }
        String size = ByteSizes.human(Files.size(artifact));
        assertTrue(size.endsWith(" KiB"), size);

        StringWriter out = new StringWriter();
        assertEquals(0, execute(out, "inspect", artifact.toString()));
        assertTrue(out.toString().contains("file        " + artifact + " (" + size + ")\n"), out.toString());
        assertTrue(!out.toString().contains(" KB)") && !out.toString().contains(" MB)"), out.toString());

        StringWriter rows = new StringWriter();
        assertEquals(0, execute(rows, "inspect", artifact.toString(), "--ticker", " acma", "--columns",
                "date,ticker", "--csv"));
        assertEquals("date,ticker\n2020-01-02,ACMA\n", rows.toString());
    }

    private static int execute(StringWriter out, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        return cl.execute(args);
    }
}
