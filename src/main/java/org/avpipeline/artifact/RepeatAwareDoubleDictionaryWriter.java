package org.avpipeline.artifact;

import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.dictionary.IntList;

/**
 * parquet's dictionary writer for doubles, with one shortcut: a value equal to the one before it reuses its
 * dictionary id instead of looking it up again. Per-share fundamentals change once a quarter, so most values of a
 * column repeat the one before; the hash lookup was the largest single cost of writing the artifact. The output is
 * identical.
 */
final class RepeatAwareDoubleDictionaryWriter extends DictionaryValuesWriter.PlainDoubleDictionaryValuesWriter {
    private RememberingIntList ids;
    private long lastBits;
    private int lastId = -1;

    RepeatAwareDoubleDictionaryWriter(int maxDictionaryByteSize, Encoding dataPageEncoding,
                                      Encoding dictionaryPageEncoding, ByteBufferAllocator allocator) {
        super(maxDictionaryByteSize, dataPageEncoding, dictionaryPageEncoding, allocator);
        rememberIds();
    }

    @Override
    public void writeDouble(double v) {
        long bits = Double.doubleToRawLongBits(v);
        if (lastId >= 0 && bits == lastBits) {
            ids.add(lastId);
            return;
        }
        super.writeDouble(v);
        lastBits = bits;
        lastId = ids.last;
    }

    /** After a page: the ids start over, the dictionary (and so the last id) stays. */
    @Override
    public void reset() {
        super.reset();
        rememberIds();
    }

    @Override
    public void fallBackAllValuesTo(ValuesWriter writer) {
        super.fallBackAllValuesTo(writer);
        rememberIds();
        lastId = -1;
    }

    @Override
    protected void clearDictionaryContent() {
        super.clearDictionaryContent();
        lastId = -1;
    }

    private void rememberIds() {
        ids = new RememberingIntList();
        encodedValues = ids;
    }

    private static final class RememberingIntList extends IntList {
        int last = -1;

        @Override
        public void add(int i) {
            last = i;
            super.add(i);
        }
    }
}
