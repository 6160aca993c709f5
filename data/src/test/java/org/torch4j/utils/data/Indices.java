package org.torch4j.utils.data;

/** A dataset whose item i is i, so that batches show which indices a loader drew. */
final class Indices implements Dataset<Integer> {
    private final int n;

    Indices(int n) {
        this.n = n;
    }

    @Override
    public Integer getItem(int index) {
        if (index < 0 || index >= n) {
            throw new IndexOutOfBoundsException("index " + index + " is out of range for " + n + " items");
        }
        return index;
    }

    @Override
    public int len() {
        return n;
    }
}
