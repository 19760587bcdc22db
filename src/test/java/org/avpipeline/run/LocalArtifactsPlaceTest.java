package org.avpipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableSchema;
import org.avpipeline.report.HtmlReport;
import org.avpipeline.report.RunManifestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placing a staged run moves the panel with its companion files, report and manifest, and leaves no staging. */
class LocalArtifactsPlaceTest {
    @TempDir
    Path dir;

    @Test
    void theCompanionFilesGoWithTheirPanel() throws Exception {
        LocalArtifacts artifacts = new LocalArtifacts(dir);
        Path staging = artifacts.staging("run-1");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve(ArtifactSchema.FILE_NAME), "panel");
        Files.writeString(staging.resolve(RunManifestJson.FILE_NAME), "{}");
        Files.writeString(staging.resolve(HtmlReport.FILE_NAME), "<html>");
        for (TableSchema t : CompanionSchemas.ALL) {
            Files.writeString(staging.resolve(t.fileName()), t.name());
        }
        Path target = artifacts.published(LocalDate.of(2026, 12, 1));
        LocalArtifacts.Placed placed = artifacts.place(staging, target);

        assertEquals(target.resolve(ArtifactSchema.FILE_NAME), placed.artifact());
        for (TableSchema t : CompanionSchemas.ALL) {
            assertEquals(t.name(), Files.readString(target.resolve(t.fileName())), t.fileName());
        }
        assertFalse(Files.exists(staging), "the staging folder is gone");
    }

    @Test
    void aRunWithoutCompanionFilesRemovesAnEarlierRunsFromTheFolder() throws Exception {
        LocalArtifacts artifacts = new LocalArtifacts(dir);
        Path target = artifacts.published(LocalDate.of(2026, 12, 1));
        Files.createDirectories(target);
        for (TableSchema t : CompanionSchemas.ALL) {
            Files.writeString(target.resolve(t.fileName()), "earlier run");
        }
        Path staging = artifacts.staging("run-2");
        Files.createDirectories(staging);
        Files.writeString(staging.resolve(ArtifactSchema.FILE_NAME), "panel");
        artifacts.place(staging, target);

        assertTrue(Files.isRegularFile(target.resolve(ArtifactSchema.FILE_NAME)));
        for (TableSchema t : CompanionSchemas.ALL) {
            assertFalse(Files.exists(target.resolve(t.fileName())), t.fileName() + " of the earlier run");
        }
    }
}
