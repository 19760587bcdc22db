package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunManifestJson;
import org.avpipeline.run.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The README's main job: {@code avpipeline demo}, end to end on the in-process simulator. */
class DemoCommandTest {

    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void runsTheWholeJobAndShowsTheArtifactThenReusesFreshData() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(out, err, "demo", "--tickers", "6", "--data-dir", dir.toString());
        assertEquals(0, code, err.toString());
        Path artifact = Pipeline.artifactPath(dir, LocalDate.now(ZoneOffset.UTC));
        assertTrue(Files.size(artifact) > 0);
        assertTrue(Files.exists(artifact.resolveSibling("run_report.html")));
        for (org.avpipeline.artifact.TableSchema t : org.avpipeline.artifact.CompanionSchemas.ALL) {
            assertTrue(Files.isRegularFile(artifact.resolveSibling(t.fileName())), t.fileName() + " beside the panel");
        }
        String text = out.toString();
        assertTrue(text.contains("A few rows of " + artifact), text);
        assertTrue(text.contains("Tickers in universe"), text);

        RunManifest first = RunManifestJson.read(artifact.resolveSibling(RunManifestJson.FILE_NAME));
        assertEquals(6, first.funnel().tickersInArtifact());
        assertTrue(first.fetch().requests() > 6 * 6, "the first run fetches everything");

        StringWriter again = new StringWriter();
        assertEquals(0, run(again, new StringWriter(), "demo", "--tickers", "6", "--data-dir", dir.toString()));
        RunManifest second = RunManifestJson.read(artifact.resolveSibling(RunManifestJson.FILE_NAME));
        assertTrue(second.fetch().requests() < 10, "a second run the same day fetches only what failed before: "
                + second.fetch().requests());
        assertEquals(first.artifact().rows(), second.artifact().rows());

        // issue 21.5: another simulated market into this folder would reuse these answers as fresh: refused
        for (String[] other : new String[][] {{"--seed", "7", "--tickers", "6"}, {"--tickers", "5"}}) {
            StringWriter refused = new StringWriter();
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("demo", "--data-dir",
                    dir.toString()), java.util.Arrays.stream(other)).toArray(String[]::new);
            assertEquals(ExitCodes.USAGE, run(new StringWriter(), refused, args), refused.toString());
            assertTrue(refused.toString().contains("it holds the answers of the simulated market with seed 42, 6 "
                    + "constituents of QQQ, not "), refused.toString());
            assertTrue(refused.toString().contains("Use another --data-dir, e.g. avpipeline-demo-seed"),
                    refused.toString());
        }
        assertEquals(first.artifact().rows(), RunManifestJson.read(artifact.resolveSibling(RunManifestJson.FILE_NAME))
                .artifact().rows(), "the folder's artifact is untouched");
    }

    @Test
    void rejectsBadOptionsBeforeStarting() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.USAGE, run(new StringWriter(), err, "demo", "--tickers", "0"));
        assertTrue(err.toString().contains("--tickers"), err.toString());
    }
}
