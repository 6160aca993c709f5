package org.torch4j.utils.data;

import java.util.List;

/**
 * Several datasets one after the other; the equivalent of {@code torch.utils.data.ConcatDataset}.
 *
 * @param <T> the type of a sample
 */
public final class ConcatDataset<T> implements Dataset<T> {
    private final List<Dataset<? extends T>> datasets;
    private final int[] cumulativeSizes;

    /** {@code ConcatDataset(datasets)}, for example {@code new ConcatDataset<>(List.of(a, b))}. */
    public ConcatDataset(List<? extends Dataset<? extends T>> datasets) {
        if (datasets.isEmpty()) {
            throw new IllegalArgumentException("datasets should not be an empty iterable");
        }
        this.datasets = List.copyOf(datasets);
        cumulativeSizes = new int[datasets.size()];
        int sum = 0;
        for (int i = 0; i < cumulativeSizes.length; i++) {
            sum = Math.addExact(sum, datasets.get(i).len());
            cumulativeSizes[i] = sum;
        }
    }

    /** {@code dataset.cumulative_sizes}: the running totals of the lengths. */
    public int[] cumulativeSizes() {
        return cumulativeSizes.clone();
    }

    /** The sample of the dataset that holds the index (found by bisection, as {@code bisect_right}). */
    @Override
    public T getItem(int index) {
        int n = len();
        if (index < 0) {
            if (-index > n) {
                throw new IllegalArgumentException("absolute value of index should not exceed dataset length");
            }
            index += n;
        }
        if (index >= n) {
            throw new IndexOutOfBoundsException("list index out of range: index " + index
                    + " in a ConcatDataset of length " + n);
        }
        int lo = 0;
        int hi = cumulativeSizes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (index < cumulativeSizes[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int sampleIndex = lo == 0 ? index : index - cumulativeSizes[lo - 1];
        return datasets.get(lo).getItem(sampleIndex);
    }

    @Override
    public int len() {
        return cumulativeSizes[cumulativeSizes.length - 1];
    }
}
