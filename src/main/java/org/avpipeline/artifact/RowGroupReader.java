package org.avpipeline.artifact;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.avpipeline.parquet.ReadOptions;

/** Reads a Parquet file's flat columns row group by row group: a column reader per column for each row group. */
final class RowGroupReader {
    private final Path path;
    private final MessageType schema;
    private final String createdBy;

    RowGroupReader(Path path, MessageType schema, String createdBy) {
        this.path = path;
        this.schema = schema;
        this.createdBy = createdBy;
    }

    @FunctionalInterface
    interface Visitor {
        void visit(long rows, List<ColumnReader> columns) throws IOException;
    }

    /** Calls the visitor with a reader per named column for each row group the predicate lets through. */
    void forEach(List<String> columns, Predicate<BlockMetaData> read, Visitor visitor) throws IOException {
        List<Type> types = new ArrayList<>();
        for (String c : columns) {
            types.add(schema.getType(c));
        }
        MessageType projection = new MessageType(schema.getName(), types);
        try (ParquetFileReader r = new ParquetFileReader(new LocalInputFile(path), ReadOptions.plain())) {
            r.setRequestedSchema(projection);
            for (BlockMetaData block : r.getRowGroups()) {
                if (!read.test(block)) {
                    r.skipNextRowGroup();
                    continue;
                }
                PageReadStore pages = r.readNextRowGroup();
                if (pages == null) {
                    break;
                }
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, new IgnoringGroupConverter(projection),
                        projection, createdBy);
                List<ColumnReader> readers = new ArrayList<>();
                for (String c : columns) {
                    readers.add(store.getColumnReader(projection.getColumnDescription(new String[] {c})));
                }
                visitor.visit(pages.getRowCount(), readers);
            }
        }
    }

    /** A top-level, non-repeated column's descriptor; other names are refused with the file's name. */
    ColumnDescriptor readableColumn(String name) {
        if (!schema.containsField(name)) {
            throw new IllegalArgumentException("no column " + name + " in " + path.getFileName());
        }
        Type t = schema.getType(name);
        if (!isFlat(t)) {
            throw new IllegalArgumentException("column " + name + " is nested or repeated; only flat columns can be"
                    + " read as rows");
        }
        return schema.getColumnDescription(new String[] {name});
    }

    /** The top-level columns that can be read as rows, in schema order. */
    List<String> flatColumns() {
        return schema.getFields().stream().filter(RowGroupReader::isFlat).map(Type::getName).toList();
    }

    static boolean isFlat(Type t) {
        return t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED);
    }

    static ColumnChunkMetaData chunk(BlockMetaData block, ColumnDescriptor d) {
        for (ColumnChunkMetaData c : block.getColumns()) {
            if (java.util.Arrays.equals(c.getPath().toArray(), d.getPath())) {
                return c;
            }
        }
        throw new IllegalStateException("row group has no chunk for " + String.join(".", d.getPath()));
    }

    /** Reads all values of a chunk, converting only the selected ones (the others are skipped, as parquet needs). */
    static Object[] readAll(ColumnReader r, ValueReader read, int rows, boolean[] selected) {
        Object[] values = new Object[rows];
        int present = r.getDescriptor().getMaxDefinitionLevel();
        for (int i = 0; i < rows; i++) {
            if (r.getCurrentDefinitionLevel() == present) {
                if (selected[i]) {
                    values[i] = read.read(r);
                } else {
                    r.skip();
                }
            }
            r.consume();
        }
        return values;
    }

    /** parquet's column readers want converters; values are read from the readers directly instead. */
    private static final class IgnoringGroupConverter extends GroupConverter {
        private final Converter[] children;

        IgnoringGroupConverter(GroupType type) {
            children = new Converter[type.getFieldCount()];
            for (int i = 0; i < children.length; i++) {
                Type t = type.getType(i);
                children[i] = t.isPrimitive() ? new PrimitiveConverter() {} : new IgnoringGroupConverter(t.asGroupType());
            }
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return children[fieldIndex];
        }

        @Override
        public void start() {}

        @Override
        public void end() {}
    }
}
