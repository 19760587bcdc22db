package org.avpipeline.run;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;
import java.util.TreeMap;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.cloud.S3ArtifactPublisher;
import org.avpipeline.report.RunManifestJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The AWS run's baseline: the manifest of the newest {@code ttm-artifacts/YYYY-MM-DD/} folder in the bucket not after
 * the run date (the same day's earlier run included), as {@link LocalArtifacts#baseline} finds it locally.
 */
public final class S3Baselines {
    private static final Logger LOG = LoggerFactory.getLogger(S3Baselines.class);

    private S3Baselines() {}

    public static Optional<OutcomeRules.Baseline> latest(S3Client s3, String bucket, LocalDate runDate) {
        TreeMap<LocalDate, String> manifests = new TreeMap<>(Comparator.reverseOrder());
        String suffix = "/" + RunManifestJson.FILE_NAME;
        try {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket)
                    .prefix(S3ArtifactPublisher.ARTIFACT_FOLDER)).contents()) {
                String key = o.key();
                if (!key.endsWith(suffix)) {
                    continue;
                }
                String folder = key.substring(S3ArtifactPublisher.ARTIFACT_FOLDER.length(),
                        key.length() - suffix.length());
                try {
                    LocalDate day = LocalDate.parse(folder);
                    if (!day.isAfter(runDate)) {
                        manifests.put(day, key);
                    }
                } catch (DateTimeParseException notADay) {
                    // YYYY-MM-DD.degraded and anything else is no baseline
                }
            }
            for (var e : manifests.entrySet()) {
                String json = s3.getObjectAsBytes(b -> b.bucket(bucket).key(e.getValue()))
                        .asString(StandardCharsets.UTF_8);
                String location = "s3://" + bucket + "/" + S3ArtifactPublisher.folder(e.getKey())
                        + ArtifactSchema.FILE_NAME;
                try {
                    Optional<OutcomeRules.Baseline> b = LocalArtifacts.baselineOf(RunManifestJson.fromJson(json),
                            location);
                    if (b.isPresent()) {
                        return b;
                    }
                } catch (RuntimeException unreadable) {
                    LOG.warn("{}: unreadable run manifest, not used as the baseline", e.getValue());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the previous run's manifest from s3://{}: {} (the run is judged without a "
                    + "baseline)", bucket, e.toString());
        }
        return Optional.empty();
    }
}
