package org.torch4j.utils.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.torch4j.Generator;
import org.torch4j.Torch;

/** {@code torch.utils.data.random_split}: non-overlapping random subsets of a dataset. */
public final class RandomSplit {
    private RandomSplit() {
    }

    /** {@code random_split(dataset, lengths)} with the default generator. */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths) {
        return randomSplit(dataset, lengths, Generator.defaultGenerator());
    }

    /**
     * {@code random_split(dataset, lengths, generator=g)}: the lengths must add up to {@code len(dataset)}; the
     * subsets are consecutive slices of {@code randperm(len(dataset), generator=g)}.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, int[] lengths, Generator generator) {
        long total = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                throw new IllegalArgumentException("Length of split at index " + i + " is negative: " + lengths[i]);
            }
            total += lengths[i];
        }
        if (total != dataset.len()) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!");
        }
        long[] perm = Torch.randperm((int) total, generator).toLongArray();
        List<Subset<T>> subsets = new ArrayList<>(lengths.length);
        int offset = 0;
        for (int length : lengths) {
            int[] indices = new int[length];
            for (int i = 0; i < length; i++) {
                indices[i] = (int) perm[offset + i];
            }
            subsets.add(new Subset<>(dataset, indices));
            offset += length;
        }
        return subsets;
    }

    /** {@code random_split(dataset, fractions)} with the default generator. */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions) {
        return randomSplit(dataset, fractions, Generator.defaultGenerator());
    }

    /**
     * {@code random_split(dataset, fractions, generator=g)}: fractions summing to 1 become lengths
     * {@code floor(len(dataset) * fraction)}, and the remainder is handed out one by one, round-robin from the first
     * split, as PyTorch 1.13 does.
     */
    public static <T> List<Subset<T>> randomSplit(Dataset<T> dataset, double[] fractions, Generator generator) {
        return randomSplit(dataset, lengthsOf(fractions, dataset.len()), generator);
    }

    /** The lengths {@code random_split} derives from fractions for a dataset of n samples. */
    static int[] lengthsOf(double[] fractions, int n) {
        double sum = 0;
        for (double f : fractions) {
            sum += f;
        }
        boolean closeToOne = Math.abs(sum - 1) <= 1e-9 * Math.max(Math.abs(sum), 1);
        if (!closeToOne || sum > 1) {
            throw new IllegalArgumentException("Sum of input lengths does not equal the length of the input dataset!"
                    + " (fractions " + Arrays.toString(fractions) + " do not add up to 1)");
        }
        int[] lengths = new int[fractions.length];
        int assigned = 0;
        for (int i = 0; i < fractions.length; i++) {
            if (fractions[i] < 0 || fractions[i] > 1) {
                throw new IllegalArgumentException("Fraction at index " + i + " is not between 0 and 1");
            }
            lengths[i] = (int) Math.floor(n * fractions[i]);
            assigned += lengths[i];
        }
        for (int i = 0; i < n - assigned; i++) {
            lengths[i % lengths.length]++;
        }
        return lengths;
    }
}
