package org.avpipeline.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link ArrayFill} sets exactly what {@code Arrays.fill} sets, and nothing else. */
class ArrayFillProperties {

    @Property
    void doubleRangesAsArraysFill(@ForAll @IntRange(min = 0, max = 5000) int length,
            @ForAll @IntRange(min = 0, max = 5000) int a, @ForAll @IntRange(min = 0, max = 5000) int b,
            @ForAll double v) {
        int from = Math.min(a, b) % (length + 1);
        int to = Math.max(from, Math.max(a, b) % (length + 1));
        double[] expected = new double[length];
        for (int i = 0; i < length; i++) {
            expected[i] = i * 0.5;
        }
        double[] actual = expected.clone();
        Arrays.fill(expected, from, to, v);
        ArrayFill.fill(actual, from, to, v);
        assertArrayEquals(expected, actual);
    }

    @Property
    void wholeArraysAsArraysFill(@ForAll @IntRange(min = 0, max = 70_000) int length, @ForAll int i,
            @ForAll boolean flag) {
        int[] ints = new int[length];
        int[] expectedInts = new int[length];
        Arrays.fill(expectedInts, i);
        ArrayFill.fill(ints, i);
        assertArrayEquals(expectedInts, ints);

        boolean[] bools = new boolean[length];
        Arrays.fill(bools, !flag);
        boolean[] expectedBools = new boolean[length];
        Arrays.fill(expectedBools, flag);
        ArrayFill.fill(bools, flag);
        assertArrayEquals(expectedBools, bools);

        double[] doubles = new double[length];
        double[] expectedDoubles = new double[length];
        Arrays.fill(expectedDoubles, Double.NaN);
        ArrayFill.fill(doubles, Double.NaN);
        assertArrayEquals(expectedDoubles, doubles);
    }

    @Test
    void badRangesThrowAsArraysFillDoes() {
        double[] a = new double[10];
        assertThrows(IllegalArgumentException.class, () -> ArrayFill.fill(a, 5, 4, 1.0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> ArrayFill.fill(a, -1, 4, 1.0));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> ArrayFill.fill(a, 0, 11, 1.0));
    }
}
