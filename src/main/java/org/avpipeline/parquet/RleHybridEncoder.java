package org.avpipeline.parquet;

/**
 * Parquet's RLE / bit-packing hybrid encoding (definition levels, dictionary ids), fed with runs instead of single
 * values: a run of eight or more equal values becomes one RLE run, shorter runs go into bit-packed groups of eight.
 * A bit-packed group must be complete before an RLE run can start, so a long run first tops up the open group. The
 * last group is padded with zeros; readers stop at the page's value count.
 */
final class RleHybridEncoder {
    private final int width;
    private final int valueBytes;
    private final ByteSink out;
    /** Completed groups of the bit-packed run in progress. */
    private final ByteSink packed = new ByteSink(64);
    private int groups;
    private final int[] group = new int[8];
    private int inGroup;

    RleHybridEncoder(int width, ByteSink out) {
        if (width < 0 || width > 32) {
            throw new IllegalArgumentException("bit width " + width);
        }
        this.width = width;
        this.valueBytes = (width + 7) / 8;
        this.out = out;
    }

    /** The bit width of values {@code 0..maxValue}. */
    static int widthOf(int maxValue) {
        return 32 - Integer.numberOfLeadingZeros(maxValue);
    }

    /** Appends {@code length} copies of {@code value}. */
    void run(int value, int length) {
        if (length <= 0) {
            return;
        }
        while (inGroup > 0 && length > 0) {
            literal(value);
            length--;
        }
        if (length >= 8) {
            endPackedRun();
            out.unsignedVarInt((long) length << 1);
            for (int b = 0; b < valueBytes; b++) {
                out.write((value >>> (8 * b)) & 0xFF);
            }
            return;
        }
        for (int i = 0; i < length; i++) {
            literal(value);
        }
    }

    /** Writes what is pending (the open group padded with zeros). */
    void finish() {
        if (inGroup > 0) {
            while (inGroup > 0) {
                literal(0);
            }
        }
        endPackedRun();
    }

    private void literal(int value) {
        group[inGroup++] = value;
        if (inGroup == 8) {
            long acc = 0;
            int bits = 0;
            long mask = width == 32 ? 0xFFFF_FFFFL : (1L << width) - 1;
            for (int i = 0; i < 8; i++) {
                acc |= (group[i] & mask) << bits;
                bits += width;
                while (bits >= 8) {
                    packed.write((int) (acc & 0xFF));
                    acc >>>= 8;
                    bits -= 8;
                }
            }
            groups++;
            inGroup = 0;
        }
    }

    private void endPackedRun() {
        if (groups == 0) {
            return;
        }
        out.unsignedVarInt(((long) groups << 1) | 1);
        out.write(packed);
        packed.reset();
        groups = 0;
    }
}
