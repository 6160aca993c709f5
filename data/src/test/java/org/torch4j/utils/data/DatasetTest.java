package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

class DatasetTest {
    private final Tensor x = Torch.tensor(new float[][] {{1, 2}, {3, 4}, {5, 6}});
    private final Tensor y = Torch.tensor(new long[] {7, 8, 9});

    @Test
    void tensorDatasetSlicesTheFirstDimension() {
        TensorDataset ds = new TensorDataset(x, y);
        assertEquals(3, ds.len());
        Tensor[] item = ds.getItem(1);
        assertEquals(2, item.length);
        assertArrayEquals(new float[] {3, 4}, item[0].toFloatArray());
        assertArrayEquals(new int[] {2}, item[0].shape());
        assertEquals(0, item[1].dim());
        assertEquals(8, item[1].itemLong());
        assertEquals(9, ds.getItem(-1)[1].itemLong());
    }

    @Test
    void tensorDatasetErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TensorDataset(x, Torch.tensor(new long[] {1, 2})));
        assertEquals("Size mismatch between tensors", e.getMessage());
        TensorDataset ds = new TensorDataset(x);
        IndexOutOfBoundsException out = assertThrows(IndexOutOfBoundsException.class, () -> ds.getItem(3));
        assertTrue(out.getMessage().contains("index 3 out of range"), out.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> ds.getItem(-4));
    }

    @Test
    void subsetMapsIndices() {
        Subset<Integer> s = new Subset<>(new Indices(10), new int[] {7, 2, 5});
        assertEquals(3, s.len());
        assertEquals(7, s.getItem(0));
        assertEquals(5, s.getItem(2));
        assertEquals(5, s.getItem(-1));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> s.getItem(3));
        assertEquals("list index out of range: index 3 in a Subset of length 3", e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.getItem(-4));
    }

    @Test
    void concatDatasetFindsTheRightPart() {
        Dataset<Integer> a = new Indices(3);
        Dataset<Integer> b = new Subset<>(new Indices(100), new int[] {50, 60});
        Dataset<Integer> c = new Indices(0);
        Dataset<Integer> d = new Indices(2);
        ConcatDataset<Integer> cat = new ConcatDataset<>(List.of(a, b, c, d));
        assertEquals(7, cat.len());
        assertArrayEquals(new int[] {3, 5, 5, 7}, cat.cumulativeSizes());
        int[] expected = {0, 1, 2, 50, 60, 0, 1};
        for (int i = 0; i < 7; i++) {
            assertEquals(expected[i], cat.getItem(i), "item " + i);
        }
        assertEquals(1, cat.getItem(-1));
        assertEquals(0, cat.getItem(-7));
        IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> cat.getItem(-8));
        assertEquals("absolute value of index should not exceed dataset length", neg.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> cat.getItem(7));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new ConcatDataset<Integer>(List.of()));
        assertEquals("datasets should not be an empty iterable", empty.getMessage());
    }

    @Test
    void fractionsBecomeLengthsWithTheRemainderRoundRobin() {
        assertArrayEquals(new int[] {10, 9, 12}, RandomSplit.lengthsOf(new double[] {0.3, 0.3, 0.4}, 31));
        assertArrayEquals(new int[] {2, 2, 1}, RandomSplit.lengthsOf(new double[] {0.34, 0.33, 0.33}, 5));
        assertArrayEquals(new int[] {5, 2, 2}, RandomSplit.lengthsOf(new double[] {0.5, 0.25, 0.25}, 9));
        assertArrayEquals(new int[] {1, 0}, RandomSplit.lengthsOf(new double[] {0.1, 0.9}, 1));
    }

    @Test
    void randomSplitErrors() {
        IllegalArgumentException sum = assertThrows(IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(new Indices(10), new int[] {3, 6}));
        assertEquals("Sum of input lengths does not equal the length of the input dataset!", sum.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(new Indices(10), new double[] {0.5, -0.5, 1.0}));
        assertEquals("Fraction at index 1 is not between 0 and 1", fraction.getMessage());
        IllegalArgumentException notOne = assertThrows(IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(new Indices(10), new double[] {0.5, 0.4}));
        assertTrue(notOne.getMessage().startsWith("Sum of input lengths does not equal"), notOne.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> RandomSplit.randomSplit(new Indices(10), new int[] {-1, 11}));
    }
}
