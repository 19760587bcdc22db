package org.avpipeline.cloud;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.avpipeline.catalog.CatalogTable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The one-line files through which Athena finds a run's artifacts (deploy/terraform/athena.tf). A run-date folder holds
 * several files and Athena reads every file of a partition's location, so each Glue table's partition is a folder of
 * its own, {@code ttm-artifacts/YYYY-MM-DD/athena/<table>/}, holding {@code symlink.txt}: the {@code s3://} address of
 * that run's file of the table (Hive's SymlinkTextInputFormat). The artifacts themselves stay where they are.
 */
public final class AthenaPointers {
    private AthenaPointers() {}

    public static final String FOLDER = "athena/";
    public static final String FILE_NAME = "symlink.txt";

    /** A pointer to write: its key and its one line. */
    public record Pointer(String key, String body) {}

    /** {@code ttm-artifacts/YYYY-MM-DD/athena/<table>/symlink.txt}. */
    public static String key(LocalDate runDate, String table) {
        return S3ArtifactPublisher.folder(runDate) + FOLDER + table + "/" + FILE_NAME;
    }

    /**
     * The pointers for the published objects of one run that are a table's file (matched by file name, in the run's
     * folder); the others (the run report, the manifest) have none.
     */
    public static List<Pointer> forPublished(LocalDate runDate, List<PublishedObject> published,
            List<CatalogTable> tables) {
        List<Pointer> pointers = new ArrayList<>();
        for (CatalogTable table : tables) {
            String expectedKey = S3ArtifactPublisher.folder(runDate) + table.fileName();
            for (PublishedObject object : published) {
                if (object.key().equals(expectedKey)) {
                    pointers.add(new Pointer(key(runDate, table.name()), object.uri() + "\n"));
                }
            }
        }
        return pointers;
    }

    /** Writes each pointer (a small PutObject); returns the {@code s3://} addresses written. */
    public static List<String> write(S3Client s3, String bucket, List<Pointer> pointers) {
        Objects.requireNonNull(s3, "s3");
        List<String> written = new ArrayList<>();
        for (Pointer p : pointers) {
            s3.putObject(b -> b.bucket(bucket).key(p.key()).contentType(S3ArtifactPublisher.contentType(
                    Path.of(FILE_NAME))), RequestBody.fromString(p.body()));
            written.add("s3://" + bucket + "/" + p.key());
        }
        return written;
    }
}
