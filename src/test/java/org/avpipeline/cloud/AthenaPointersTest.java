package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.time.LocalDate;
import java.util.List;
import org.avpipeline.catalog.CatalogTable;
import org.avpipeline.catalog.CatalogTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link AthenaPointers}: one pointer per published table file, in the folder the Glue table's projection names. */
class AthenaPointersTest {
    @RegisterExtension
    static final S3MockExtension S3_MOCK = S3MockExtension.builder().silent().withSecureConnection(false).build();

    private static final LocalDate RUN_DATE = LocalDate.of(2025, 1, 5);
    private static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = TestAws.s3(S3_MOCK.getHttpPort());
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static PublishedObject published(String key) {
        return new PublishedObject("bkt", key, 1, "SHA256", "x", "FULL_OBJECT", "00", 1);
    }

    @Test
    void thePointerOfATableIsInItsOwnFolderInsideTheRunsFolder() {
        assertEquals("ttm-artifacts/2025-01-05/athena/ttm_per_share_financial_artifact/symlink.txt",
                AthenaPointers.key(RUN_DATE, "ttm_per_share_financial_artifact"));
    }

    @Test
    void onlyTheFilesOfATableGetAPointerNamingTheirS3Address() {
        CatalogTable prices = new CatalogTable("price_artifact", "price_artifact.parquet", "",
                CatalogTables.PANEL.schema());
        List<PublishedObject> objects = List.of(
                published("ttm-artifacts/2025-01-05/ttm_per_share_financial_artifact.parquet"),
                published("ttm-artifacts/2025-01-05/run_report.html"),
                published("ttm-artifacts/2025-01-05/run_manifest.json"),
                published("ttm-artifacts/2025-01-05/price_artifact.parquet"),
                published("ttm-artifacts/2025-01-04/elsewhere/price_artifact.parquet"));
        assertEquals(List.of(
                new AthenaPointers.Pointer("ttm-artifacts/2025-01-05/athena/ttm_per_share_financial_artifact/symlink.txt",
                        "s3://bkt/ttm-artifacts/2025-01-05/ttm_per_share_financial_artifact.parquet\n"),
                new AthenaPointers.Pointer("ttm-artifacts/2025-01-05/athena/price_artifact/symlink.txt",
                        "s3://bkt/ttm-artifacts/2025-01-05/price_artifact.parquet\n")),
                AthenaPointers.forPublished(RUN_DATE, objects, List.of(CatalogTables.PANEL, prices)));
    }

    @Test
    void thePointersAreWrittenToTheBucket() {
        s3.createBucket(b -> b.bucket("pointers"));
        List<AthenaPointers.Pointer> pointers = List.of(new AthenaPointers.Pointer("ttm-artifacts/2025-01-05/athena/t/"
                + AthenaPointers.FILE_NAME, "s3://pointers/ttm-artifacts/2025-01-05/t.parquet\n"));
        assertEquals(List.of("s3://pointers/ttm-artifacts/2025-01-05/athena/t/symlink.txt"),
                AthenaPointers.write(s3, "pointers", pointers));
        assertEquals("s3://pointers/ttm-artifacts/2025-01-05/t.parquet\n", s3.getObjectAsBytes(b -> b.bucket("pointers")
                .key("ttm-artifacts/2025-01-05/athena/t/symlink.txt")).asUtf8String());
    }
}
