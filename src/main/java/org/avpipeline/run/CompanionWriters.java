package org.avpipeline.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.avpipeline.artifact.ArtifactMetadata;
import org.avpipeline.artifact.ArtifactStats;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.TableRows;
import org.avpipeline.artifact.TableSchema;
import org.avpipeline.artifact.TableWriter;
import org.avpipeline.panel.TickerCompanions;

/**
 * The three companion files of a build, written beside the panel in one directory as the tickers stream by (in
 * ticker order), each committed atomically by {@link #commit()}; closing without a commit abandons all three.
 */
final class CompanionWriters implements AutoCloseable {
    private final List<TableWriter> writers;

    private CompanionWriters(List<TableWriter> writers) {
        this.writers = writers;
    }

    /** Starts the files of {@link CompanionSchemas#ALL} in {@code dir}. */
    static CompanionWriters open(Path dir, ArtifactMetadata meta) throws IOException {
        List<TableWriter> opened = new ArrayList<>();
        try {
            for (TableSchema table : CompanionSchemas.ALL) {
                opened.add(TableWriter.open(table, dir.resolve(table.fileName()), meta));
            }
        } catch (IOException | RuntimeException e) {
            for (TableWriter w : opened) {
                w.close();
            }
            throw e;
        }
        return new CompanionWriters(List.copyOf(opened));
    }

    /** Appends one ticker's rows (what it lacks is skipped). */
    void write(TickerCompanions companions) throws IOException {
        write(0, companions.quarters());
        write(1, companions.prices());
        write(2, companions.profile());
    }

    private void write(int file, TableRows rows) throws IOException {
        if (rows != null) {
            writers.get(file).write(rows);
        }
    }

    /** Commits the three files, in the order of {@link CompanionSchemas#ALL}. */
    List<ArtifactStats> commit() throws IOException {
        List<ArtifactStats> stats = new ArrayList<>();
        for (TableWriter w : writers) {
            stats.add(w.commit());
        }
        return List.copyOf(stats);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (TableWriter w : writers) {
            try {
                w.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
