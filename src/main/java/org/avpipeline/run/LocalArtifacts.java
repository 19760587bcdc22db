package org.avpipeline.run;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableSchema;
import org.avpipeline.raw.TempFiles;
import org.avpipeline.report.ArtifactFacts;
import org.avpipeline.report.HtmlReport;
import org.avpipeline.report.RunManifest;
import org.avpipeline.report.RunManifestJson;
import org.avpipeline.report.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a local run's artifacts go, under {@code DIR/ttm-artifacts/} (README, "What a run leaves behind"):
 * <ul>
 * <li>{@code YYYY-MM-DD/}: the day's published artifact with its report and manifest (success, or degraded with
 * {@code --accept-degraded}); the newest such folder is the next run's baseline;</li>
 * <li>{@code YYYY-MM-DD.degraded/}: a degraded artifact that was not published, beside the last good one;</li>
 * <li>{@code YYYY-MM-DD.failed/}: the report and manifest of a failed run (no artifact);</li>
 * <li>{@code .run-<pid>-<run id>/}: a run's staging folder; the artifact, its companion files, the report and the
 * manifest are written there first
 * and moved into one of the above when the outcome is known. A run that was killed leaves it behind; the next run
 * removes it (and any temporary file) when its process is gone.</li>
 * </ul>
 * Nothing is created before there is something to put in it, so no run leaves an empty folder.
 */
public final class LocalArtifacts {
    private static final Logger LOG = LoggerFactory.getLogger(LocalArtifacts.class);

    public static final String DEGRADED_SUFFIX = ".degraded";
    public static final String FAILED_SUFFIX = ".failed";
    static final String STAGING_PREFIX = ".run-";

    private final Path root;

    public LocalArtifacts(Path dataDir) {
        this.root = dataDir.toAbsolutePath().normalize().resolve("ttm-artifacts");
    }

    public Path root() {
        return root;
    }

    /** The day's published folder. */
    public Path published(LocalDate day) {
        return root.resolve(day.toString());
    }

    /** Where a degraded, unpublished artifact of the day goes. */
    public Path degraded(LocalDate day) {
        return root.resolve(day + DEGRADED_SUFFIX);
    }

    /** Where a failed run of the day leaves its report and manifest. */
    public Path failed(LocalDate day) {
        return root.resolve(day + FAILED_SUFFIX);
    }

    /** A new staging folder's path for this process and run (not created: the writers create it). */
    public Path staging(String runId) {
        return root.resolve(STAGING_PREFIX + ProcessHandle.current().pid() + "-" + runId);
    }

    /**
     * Removes what killed runs left: staging folders of processes that are gone, and temporary files in the day
     * folders. Returns how many entries were removed.
     */
    public int removeLeftovers() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) && Files.isDirectory(entry) && !ownerAlive(name)) {
                    deleteTree(entry);
                    removed++;
                } else if (Files.isDirectory(entry) && !name.startsWith(".")) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(entry)) {
                        for (Path f : files) {
                            if (TempFiles.isTemporary(f) && Files.isRegularFile(f)) {
                                Files.deleteIfExists(f);
                                removed++;
                            }
                        }
                    }
                } else if (TempFiles.isTemporary(entry) && Files.isRegularFile(entry)) {
                    Files.deleteIfExists(entry);
                    removed++;
                }
            }
        }
        if (removed > 0) {
            LOG.info("removed {} leftovers of interrupted runs under {}", removed, root);
        }
        return removed;
    }

    private static boolean ownerAlive(String stagingName) {
        String rest = stagingName.substring(STAGING_PREFIX.length());
        int dash = rest.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
            return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                    .orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The previous run to compare with: the newest {@code YYYY-MM-DD/} folder not after {@code today} that holds an
     * artifact and a readable manifest of a run that did not fail (the same day's earlier artifact when there is one).
     */
    public Optional<OutcomeRules.Baseline> baseline(LocalDate today) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<LocalDate> days = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.forEach(p -> {
                try {
                    LocalDate d = LocalDate.parse(p.getFileName().toString());
                    if (!d.isAfter(today) && Files.isDirectory(p)) {
                        days.add(d);
                    }
                } catch (DateTimeParseException notADay) {
                    // .degraded, .failed, staging folders and anything else are no baseline
                }
            });
        }
        days.sort(Comparator.reverseOrder());
        for (LocalDate day : days) {
            Path dir = published(day);
            Path artifact = dir.resolve(ArtifactSchema.FILE_NAME);
            Path manifestFile = dir.resolve(RunManifestJson.FILE_NAME);
            if (!Files.isRegularFile(artifact) || !Files.isRegularFile(manifestFile)) {
                continue;
            }
            Optional<OutcomeRules.Baseline> b = baselineOf(manifestFile, artifact.toString());
            if (b.isPresent()) {
                return b;
            }
        }
        return Optional.empty();
    }

    /** The baseline a manifest describes, when it is readable and of a run that produced an artifact. */
    public static Optional<OutcomeRules.Baseline> baselineOf(Path manifestFile, String location) {
        RunManifest m;
        try {
            m = RunManifestJson.read(manifestFile);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: unreadable run manifest, not used as the baseline ({})", manifestFile, e.getMessage());
            return Optional.empty();
        }
        return baselineOf(m, location);
    }

    /** The baseline a manifest describes, when it is of a run that produced an artifact. */
    public static Optional<OutcomeRules.Baseline> baselineOf(RunManifest m, String location) {
        ArtifactFacts a = m.artifact();
        if (a == null || m.run().status() == RunStatus.FAILED) {
            return Optional.empty();
        }
        return Optional.of(new OutcomeRules.Baseline(m.run().runId(), location, a.rows(), a.tickers(),
                m.outcome() == null ? List.of() : m.outcome().contents()));
    }

    /**
     * Moves what a run staged into {@code target} (created now): the artifact first (replacing the previous one
     * atomically), then the manifest and the report; then removes the staging folder. Returns the new paths.
     */
    public Placed place(Path staging, Path target) throws IOException {
        Files.createDirectories(target);
        for (TableSchema companion : CompanionSchemas.ALL) {
            // the companion files go with their panel; one of an earlier run that this run did not write goes away,
            // so that a folder never mixes two runs' files
            if (moveIfPresent(staging.resolve(companion.fileName()), target) == null) {
                Files.deleteIfExists(target.resolve(companion.fileName()));
            }
        }
        Path artifact = moveIfPresent(staging.resolve(ArtifactSchema.FILE_NAME), target);
        Path manifest = moveIfPresent(staging.resolve(RunManifestJson.FILE_NAME), target);
        Path report = moveIfPresent(staging.resolve(HtmlReport.FILE_NAME), target);
        deleteTree(staging);
        return new Placed(artifact, manifest, report);
    }

    /** The files after {@link #place}; null for one that was not staged. */
    public record Placed(Path artifact, Path manifest, Path report) {}

    private static Path moveIfPresent(Path file, Path targetDir) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Path target = targetDir.resolve(file.getFileName());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Removes a folder and what is in it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
