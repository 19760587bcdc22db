package org.avpipeline.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code run_manifest.json} and {@code run_report.html} into a directory, each atomically (a temporary file in
 * the same directory, then a rename): a reader sees the old file or the new one, never half of one.
 */
public final class RunReportFiles {
    private RunReportFiles() {}

    /** The two files written. */
    public record Written(Path manifest, Path report) {}

    public static Written write(Path dir, RunManifest manifest) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(RunManifestJson.FILE_NAME);
        Path html = dir.resolve(HtmlReport.FILE_NAME);
        writeAtomically(json, RunManifestJson.toJson(manifest));
        writeAtomically(html, HtmlReport.render(manifest));
        return new Written(json, html);
    }

    static void writeAtomically(Path target, String content) throws IOException {
        Path tmp = org.avpipeline.raw.TempFiles.createBeside(target);
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
