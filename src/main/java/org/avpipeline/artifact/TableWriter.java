package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.MessageType;
import org.avpipeline.parquet.ColumnChunk;
import org.avpipeline.parquet.RowGroup;
import org.avpipeline.parquet.StagedParquetFile;

/**
 * Writes a companion file (artifact.md, "Companion artifacts") with the panel's format rules: ZSTD pages, dictionary
 * encoding, statistics, row groups that end at a ticker boundary after {@code rowGroupRows} rows or
 * {@link #ROW_GROUP_BYTES} buffered bytes, the run's footer metadata (plus {@value #META_TABLE}), written under a
 * temporary name beside the final one and renamed onto it by {@link #commit()} in one step (or by {@link #finish()}
 * then {@link #place()}). Closing without a commit deletes the temporary file and leaves any earlier file as it was.
 * Tickers must come in strictly ascending order; inside a ticker, a DATE second column (the sort key) must be present
 * and strictly ascending (in a table with {@code valid_from}, a key may repeat with a later {@code valid_from}). Single-threaded: the companions are small next to the panel. Not thread-safe.
 */
public final class TableWriter implements AutoCloseable {
    /** The footer key naming the table (the Parquet message name), e.g. {@code price_artifact}. */
    public static final String META_TABLE = "avpipeline.table";

    /** Rows per row group, ending at the next ticker boundary (the panel's limit). */
    public static final int DEFAULT_ROW_GROUP_ROWS = 100_000;
    /** Buffered bytes after which a row group ends at the next ticker boundary: bounds the writer's memory. */
    public static final long ROW_GROUP_BYTES = 32L << 20;

    private final TableSchema table;
    private final Path finalPath;
    private final StagedParquetFile file;
    private final Map<String, String> footer;
    private final int rowGroupLimit;
    private final MessageType schema;
    private final List<ColumnDescriptor> descriptors;
    private final boolean sortedByDate;

    /** The row group being filled; null between row groups. */
    private RowGroup rowGroup;
    private String lastTicker;
    private long rows;
    private int tickers;
    private int rowGroups;
    private boolean open = true;
    private boolean finished;
    private boolean committed;

    private TableWriter(TableSchema table, Path finalPath, ArtifactMetadata meta, int rowGroupLimit)
            throws IOException {
        if (rowGroupLimit < 1) {
            throw new IllegalArgumentException("row group rows must be positive: " + rowGroupLimit);
        }
        this.table = Objects.requireNonNull(table, "table");
        this.schema = table.messageType();
        this.descriptors = schema.getColumns();
        this.sortedByDate = table.columns().size() > 1 && table.columns().get(1).type() == ColumnType.DATE;
        this.finalPath = finalPath.toAbsolutePath();
        this.rowGroupLimit = rowGroupLimit;
        Map<String, String> f = new LinkedHashMap<>(Objects.requireNonNull(meta, "meta").toFooter());
        f.put(META_TABLE, table.name());
        this.footer = f;
        this.file = new StagedParquetFile(this.finalPath, schema, 64L << 20);
    }

    /** Starts a file of {@code table} that {@link #commit()} will put at {@code finalPath}. */
    public static TableWriter open(TableSchema table, Path finalPath, ArtifactMetadata meta) throws IOException {
        return new TableWriter(table, finalPath, meta, DEFAULT_ROW_GROUP_ROWS);
    }

    /** With row groups of another size (tests). */
    public static TableWriter open(TableSchema table, Path finalPath, ArtifactMetadata meta, int rowGroupRows)
            throws IOException {
        return new TableWriter(table, finalPath, meta, rowGroupRows);
    }

    public TableSchema table() {
        return table;
    }

    /**
     * Appends one ticker's rows.
     *
     * @throws IllegalArgumentException for rows of another table or out of order (the writer stays usable)
     * @throws IOException when writing fails (the writer is then unusable; close it)
     */
    public void write(TableRows part) throws IOException {
        requireOpen();
        if (part.schema() != table && !part.schema().equals(table)) {
            throw new IllegalArgumentException("rows of " + part.schema().name() + " given to the writer of "
                    + table.name());
        }
        checkOrder(part);
        lastTicker = part.ticker();
        if (part.rows() == 0) {
            return;
        }
        try {
            if (rowGroup == null) {
                rowGroup = file.newRowGroup();
            }
            writeColumns(part);
            rowGroup.endRows(part.rows());
            if (rowGroup.rows() >= rowGroupLimit || rowGroup.bufferedBytes() >= ROW_GROUP_BYTES) {
                endRowGroup();
            }
        } catch (IOException | RuntimeException e) {
            open = false;
            throw e;
        }
        rows += part.rows();
        tickers++;
    }

    /** Finishes the file, forces it to the disk and renames it onto the final path in one step. */
    public ArtifactStats commit() throws IOException {
        ArtifactStats stats = finish();
        place();
        return stats;
    }

    /**
     * Finishes the file and forces it to the disk under its temporary name, so that several files can be finished at
     * once and then placed together; nothing at the final path changes until {@link #place()}, and closing before
     * that deletes the file. @return what the file holds (at its final path once placed)
     */
    public ArtifactStats finish() throws IOException {
        requireOpen();
        long bytes;
        try {
            endRowGroup();
            bytes = file.finish(footer);
        } catch (IOException | RuntimeException e) {
            open = false;
            throw e;
        }
        open = false;
        finished = true;
        return new ArtifactStats(finalPath, rows, descriptors.size(), tickers, rowGroups, bytes,
                Optional.empty(), Optional.empty());
    }

    /** Renames the {@link #finish finished} file onto its final path in one step. */
    public void place() throws IOException {
        if (!finished || committed) {
            throw new IllegalStateException("the writer of " + finalPath + (committed ? " has already placed it"
                    : " has not finished it"));
        }
        file.place();
        committed = true;
    }

    /** Without a commit: abandons the file (the temporary file is deleted, the final path untouched). */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        open = false;
        rowGroup = null; // abandoned with the file
        file.abandon();
    }

    private void checkOrder(TableRows part) {
        String ticker = part.ticker();
        if (ticker.isBlank()) {
            throw new IllegalArgumentException("blank ticker");
        }
        if (lastTicker != null && ticker.compareTo(lastTicker) <= 0) {
            throw new IllegalArgumentException(table.fileName() + ": tickers out of order: " + ticker + " after "
                    + lastTicker + " (tickers must be written once each, in ascending order)");
        }
        if (!sortedByDate) {
            return;
        }
        int[] keys = part.dates(1);
        // versions of one key (the quarterly companion's valid_from, pipeline.md §8a) ascend by their first day
        int[] versions = table.contains(CompanionSchemas.VALID_FROM) ? part.dates(CompanionSchemas.VALID_FROM) : null;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == TickerPanel.NO_DATE) {
                throw new IllegalArgumentException(table.fileName() + ": " + ticker + ": row " + i + " has no "
                        + table.columns().get(1).name());
            }
            boolean laterVersion = versions != null && i > 0 && keys[i] == keys[i - 1]
                    && versions[i] > versions[i - 1];
            if (i > 0 && keys[i] <= keys[i - 1] && !laterVersion) {
                throw new IllegalArgumentException(table.fileName() + ": " + ticker + ": "
                        + table.columns().get(1).name() + " not strictly ascending at row " + i + ": "
                        + LocalDate.ofEpochDay(keys[i]) + " after " + LocalDate.ofEpochDay(keys[i - 1]));
            }
        }
    }

    private void writeColumns(TableRows part) {
        List<Column> columns = table.columns();
        int n = part.rows();
        for (int c = 0; c < columns.size(); c++) {
            ColumnChunk chunk = rowGroup.column(c);
            switch (columns.get(c).type()) {
                case STRING -> {
                    if (c == 0) {
                        chunk.appendText(part.ticker(), n);
                    } else {
                        chunk.appendTexts(part.strings(c), n);
                    }
                }
                case DATE -> chunk.appendInts(part.dates(c), n, TickerPanel.NO_DATE);
                case DOUBLE -> chunk.appendDoubles(part.doubles(c), n);
                case BOOLEAN -> chunk.appendBooleans(part.booleans(c), n);
                case TIMESTAMP -> chunk.appendLongs(part.timestamps(c), n, TableRows.NO_TIMESTAMP);
            }
        }
    }

    private void endRowGroup() throws IOException {
        if (rowGroup != null && file.write(rowGroup)) {
            rowGroups++;
        }
    }

    private void requireOpen() {
        if (!open) {
            throw new IllegalStateException("the writer of " + finalPath + " is closed");
        }
    }
}
