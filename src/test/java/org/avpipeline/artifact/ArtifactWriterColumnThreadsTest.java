package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing the columns on several threads changes nothing in the file. */
class ArtifactWriterColumnThreadsTest {
    @TempDir
    Path dir;

    @Test
    void columnRangesCoverEveryColumnOnceInNearlyEqualParts() {
        assertArrayEquals(new int[] {0, 159}, ColumnThreads.ranges(159, 1));
        assertArrayEquals(new int[] {0, 79, 159}, ColumnThreads.ranges(159, 2));
        assertArrayEquals(new int[] {0, 39, 79, 119, 159}, ColumnThreads.ranges(159, 4));
        assertArrayEquals(new int[] {0, 1, 2, 3}, ColumnThreads.ranges(3, 8), "no more parts than columns");
    }

    @Test
    void theSameBytesWithOneThreeAndFiveColumnThreads() throws IOException {
        byte[] one = write(1);
        assertArrayEquals(one, write(3));
        assertArrayEquals(one, write(5));
    }

    @Test
    void noThreadsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ArtifactWriter.open(dir.resolve("x.parquet"),
                SamplePanels.META, ArtifactWriter.RowGroupLimits.DEFAULT, 0));
    }

    private byte[] write(int threads) throws IOException {
        Random random = new Random(11);
        List<TickerPanel> panels = new ArrayList<>();
        int[] sizes = {12_000, 30_000, 1, 5_000};
        for (int t = 0; t < sizes.length; t++) {
            panels.add(ArtifactRoundTripTest.randomPanel("T" + t, sizes[t], random));
        }
        Path file = dir.resolve(threads + "-threads").resolve(ArtifactSchema.FILE_NAME);
        try (ArtifactWriter w = ArtifactWriter.open(file, SamplePanels.META,
                new ArtifactWriter.RowGroupLimits(25_000, 64L << 20), threads)) {
            for (TickerPanel p : panels) {
                w.write(p);
            }
            w.commit();
        }
        return Files.readAllBytes(file);
    }
}
