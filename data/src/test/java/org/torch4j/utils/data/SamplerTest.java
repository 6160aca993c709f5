package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.torch4j.Torch;

class SamplerTest {
    static <T> List<T> list(Iterable<T> it) {
        List<T> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }

    @Test
    void sequentialSamplerFollowsTheDatasetLength() {
        SequentialSampler s = new SequentialSampler(new Indices(4));
        assertEquals(List.of(0, 1, 2, 3), list(s));
        assertEquals(4, s.len());
        assertEquals(List.of(), list(new SequentialSampler(new Indices(0))));
    }

    @Test
    void batchSamplerKeepsOrDropsTheLastBatch() {
        SequentialSampler s = new SequentialSampler(new Indices(10));
        BatchSampler keep = new BatchSampler(s, 3, false);
        BatchSampler drop = new BatchSampler(s, 3, true);
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9)), list(keep));
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8)), list(drop));
        assertEquals(4, keep.len());
        assertEquals(3, drop.len());
        BatchSampler exact = new BatchSampler(new SequentialSampler(new Indices(6)), 3, true);
        assertEquals(2, list(exact).size());
        assertEquals(2, exact.len());
        assertEquals(List.of(), list(new BatchSampler(new SequentialSampler(new Indices(2)), 3, true)));
    }

    @Test
    void samplerArgumentErrors() {
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> new BatchSampler(new SequentialSampler(new Indices(3)), 0, false));
        assertEquals("batch_size should be a positive integer value, but got batch_size=0", batch.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> new RandomSampler(new Indices(0)));
        assertEquals("num_samples should be a positive integer value, but got num_samples=0", empty.getMessage());
        IllegalArgumentException num = assertThrows(IllegalArgumentException.class,
                () -> new RandomSampler(new Indices(5), true, -2, null));
        assertEquals("num_samples should be a positive integer value, but got num_samples=-2", num.getMessage());
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> new WeightedRandomSampler(Torch.ones(2, 2), 3, true, null));
        assertEquals("weights should be a 1d sequence but given weights have shape (2, 2)", weights.getMessage());
        IllegalArgumentException samples = assertThrows(IllegalArgumentException.class,
                () -> new WeightedRandomSampler(new double[] {1, 2}, 0));
        assertEquals("num_samples should be a positive integer value, but got num_samples=0", samples.getMessage());
    }

    @Test
    void lengths() {
        assertEquals(7, new RandomSampler(new Indices(7)).len());
        assertEquals(17, new RandomSampler(new Indices(7), false, 17, null).len());
        assertEquals(3, new SubsetRandomSampler(new int[] {4, 5, 6}).len());
        assertEquals(9, new WeightedRandomSampler(new double[] {1, 2}, 9).len());
    }
}
