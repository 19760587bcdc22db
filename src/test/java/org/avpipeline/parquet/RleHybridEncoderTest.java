package org.avpipeline.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.api.Test;

/** What the encoder writes, parquet's own decoder reads back, for every bit width and every mix of run lengths. */
class RleHybridEncoderTest {
    private static List<Integer> decode(byte[] bytes, int width, int count) throws Exception {
        RunLengthBitPackingHybridDecoder d = new RunLengthBitPackingHybridDecoder(width, new ByteArrayInputStream(bytes));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(d.readInt());
        }
        return out;
    }

    @Test
    void parquetsDecoderReadsBackRandomRuns() throws Exception {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 3000; trial++) {
            int width = trial % 33;
            long max = width == 0 ? 0 : (1L << width) - 1;
            ByteSink sink = new ByteSink(16);
            RleHybridEncoder e = new RleHybridEncoder(width, sink);
            List<Integer> expected = new ArrayList<>();
            int runs = r.nextInt(1, 40);
            for (int k = 0; k < runs; k++) {
                int value = (int) (max == 0 ? 0 : r.nextLong(max + 1));
                int length = switch (r.nextInt(4)) {
                    case 0 -> 1;
                    case 1 -> r.nextInt(1, 8);
                    case 2 -> r.nextInt(8, 20);
                    default -> r.nextInt(1, 200);
                };
                e.run(value, length);
                for (int i = 0; i < length; i++) {
                    expected.add(value);
                }
            }
            e.finish();
            assertEquals(expected, decode(sink.toByteArray(), width, expected.size()), "width " + width);
        }
    }

    @Test
    void aLongRunIsOneRleRunAndShortRunsArePackedInGroupsOfEight() throws Exception {
        ByteSink sink = new ByteSink(16);
        RleHybridEncoder e = new RleHybridEncoder(1, sink);
        e.run(1, 1000);
        e.finish();
        assertEquals(3, sink.size(), "header varint (2 bytes for 2000) and one value byte");

        ByteSink packed = new ByteSink(16);
        RleHybridEncoder p = new RleHybridEncoder(3, packed);
        for (int i = 0; i < 5; i++) {
            p.run(i, 1);
        }
        p.finish();
        assertEquals(1 + 3, packed.size(), "one header byte and one group of 8 values × 3 bits");
        assertEquals(List.of(0, 1, 2, 3, 4), decode(packed.toByteArray(), 3, 5));
    }

    @Test
    void widthsOfDictionarySizes() {
        assertEquals(0, RleHybridEncoder.widthOf(0));
        assertEquals(1, RleHybridEncoder.widthOf(1));
        assertEquals(2, RleHybridEncoder.widthOf(3));
        assertEquals(3, RleHybridEncoder.widthOf(4));
        assertEquals(17, RleHybridEncoder.widthOf(100_000));
    }
}
