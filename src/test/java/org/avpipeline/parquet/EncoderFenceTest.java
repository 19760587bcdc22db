package org.avpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The encoder's fence (package-info): this package imports no other package of ours, and no other package of ours
 * imports parquet-java's writing internals (format, page writing, codecs, file writer, the package-private read
 * options) — the reader's use of parquet-java's public reader API is allowed. Read from the sources.
 */
class EncoderFenceTest {
    private static final Path MAIN = Path.of("src/main/java/org/avpipeline");
    private static final List<String> INTERNALS = List.of(
            "import org.apache.parquet.format.",
            "import org.apache.parquet.internal.",
            "import org.apache.parquet.bytes.",
            "import org.apache.parquet.compression.",
            "import org.apache.parquet.crypto.",
            "import org.apache.parquet.column.values.",
            "import org.apache.parquet.column.page.PageWriter",
            "import org.apache.parquet.column.page.DictionaryPage",
            "import org.apache.parquet.hadoop.ParquetFileWriter",
            "import org.apache.parquet.hadoop.ColumnChunkPageWriteStore",
            "import org.apache.parquet.hadoop.metadata.CompressionCodecName",
            "import org.apache.parquet.io.OutputFile",
            "import org.apache.parquet.io.PositionOutputStream",
            "import org.apache.parquet.PlainReadOptions");

    @Test
    void theEncoderImportsNoOtherPackageOfOurs() throws IOException {
        assertEquals(List.of(), offending(MAIN.resolve("parquet"), List.of("import org.avpipeline.")));
    }

    @Test
    void noOtherPackageImportsParquetJavasWritingInternals() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> packages = Files.list(MAIN)) {
            for (Path p : packages.filter(Files::isDirectory).toList()) {
                if (!p.getFileName().toString().equals("parquet")) {
                    found.addAll(offending(p, INTERNALS));
                }
            }
        }
        assertEquals(List.of(), found);
        assertTrue(!offending(MAIN.resolve("parquet"), INTERNALS).isEmpty(), "the encoder itself does import them");
    }

    private static List<String> offending(Path dir, List<String> prefixes) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (prefixes.stream().anyMatch(line::startsWith)) {
                        found.add(MAIN.relativize(f) + ": " + line);
                    }
                }
            }
        }
        return found;
    }
}
