package org.avpipeline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesBothFilesAndNothingElse() throws Exception {
        Path out = dir.resolve("run");
        Files.createDirectories(out);
        Files.writeString(out.resolve(HtmlReport.FILE_NAME), "old report");
        RunManifest m = SampleManifests.realistic();

        RunReportFiles.Written w = RunReportFiles.write(out, m);

        assertEquals(out.resolve("run_manifest.json"), w.manifest());
        assertEquals(out.resolve("run_report.html"), w.report());
        assertEquals(m, RunManifestJson.read(w.manifest()));
        assertEquals(HtmlReport.render(m), Files.readString(w.report()));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("run_manifest.json", "run_report.html"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void createsTheDirectory() throws Exception {
        Path out = dir.resolve("a/b");
        RunReportFiles.write(out, SampleManifests.oneMonth());
        assertEquals(SampleManifests.oneMonth(), RunManifestJson.read(out.resolve(RunManifestJson.FILE_NAME)));
    }
}
