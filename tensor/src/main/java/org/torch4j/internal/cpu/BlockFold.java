package org.torch4j.internal.cpu;

import org.torch4j.internal.Parallel;

/**
 * Folds one long contiguous run as a fixed pairwise tree over leaves (blocks of a fixed size whose boundaries lie
 * on cache lines). With several threads the leaves are cut into {@value #PARTS_PER_THREAD} contiguous parts per
 * thread, which {@link Parallel#forRange} hands out as one contiguous home range per thread (a thread that starts
 * late leaves some of its parts to the others); a part folds the largest tree nodes inside it, and the calling
 * thread joins them in the tree's shape. A node's value depends only on the run, so the result has the same bits
 * on any number of threads.
 */
final class BlockFold {
    /** Runs shorter than this many elements are folded on the calling thread. */
    static final int PARALLEL_MIN = 2 * Parallel.GRAIN_SIZE;
    private static final int LINE_BYTES = 64;
    /**
     * Bytes from a cache line to an array's first element: HotSpot's array header (64-bit, compressed class
     * pointers). A large array starts a G1 heap region, so its element {@code (64 - 16) / size} starts a line;
     * for other arrays the guess only costs split loads, as not aligning at all would.
     */
    private static final int ARRAY_BASE = 16;
    /** Parts per thread. */
    private static final int PARTS_PER_THREAD = 4;
    /** Tree nodes one part can hold at most: two per level of a tree over up to 2^31 leaves. */
    private static final int MAX_NODES = 64;

    /** The fold of the elements [from, to) of the run's array. */
    interface Leaf {
        double fold(int from, int to);
    }

    private BlockFold() {
    }

    /** The first index at or after i whose element starts a 64-byte line, in an array of elementBytes-byte elements. */
    static int lineStart(int i, int elementBytes) {
        return i + Math.floorMod((LINE_BYTES - ARRAY_BASE) / elementBytes - i, LINE_BYTES / elementBytes);
    }

    /**
     * The fold of the n elements from {@code off}: leaf boundaries at off, then at every {@code leaf} elements
     * from the first line start, then off + n; parallel from {@link #PARALLEL_MIN} elements.
     */
    static double fold(ReduceKind kind, int off, int n, int leaf, int elementBytes, Leaf f) {
        Tree tree = new Tree(kind, off, n, lineStart(off, elementBytes) - off, leaf, f);
        int threads = Parallel.numThreads();
        int parts = n < PARALLEL_MIN || threads <= 1 ? 1 : Math.min(threads * PARTS_PER_THREAD, tree.leaves);
        if (parts == 1) {
            return tree.node(0, tree.leaves);
        }
        Parts job = new Parts(tree, parts);
        Parallel.forRange(parts, 1, job);
        return job.join(0, tree.leaves);
    }

    /** The leaves of a run and the value of any node of the pairwise tree over them. */
    private static final class Tree {
        private final ReduceKind kind;
        private final int off;
        private final int n;
        private final int head;
        private final int leaf;
        private final Leaf f;
        final int leaves;

        Tree(ReduceKind kind, int off, int n, int head, int leaf, Leaf f) {
            this.kind = kind;
            this.off = off;
            this.n = n;
            this.head = head;
            this.leaf = leaf;
            this.f = f;
            leaves = Math.max(1, (int) (((long) n - head + leaf - 1) / leaf));
        }

        /** Index of the first element of leaf k (k == leaves: the end of the run). */
        int start(int k) {
            return k == 0 ? off : k == leaves ? off + n : off + head + k * leaf;
        }

        /** The fold of leaves [lo, hi): the two halves folded, then combined. */
        double node(int lo, int hi) {
            if (hi - lo == 1) {
                return f.fold(start(lo), start(hi));
            }
            int mid = (lo + hi) >>> 1;
            return kind.combine(node(lo, mid), node(mid, hi));
        }
    }

    /** Part p of the run is the leaves [leaves * p / parts, leaves * (p + 1) / parts); its nodes go to its slots. */
    private static final class Parts implements Parallel.RangeTask {
        private final Tree tree;
        private final int parts;
        private final double[] slots;
        /** Nodes each part has stored, then (while joining) taken back. */
        private final int[] stored;
        private final int[] taken;

        Parts(Tree tree, int parts) {
            this.tree = tree;
            this.parts = parts;
            slots = new double[parts * MAX_NODES];
            stored = new int[parts];
            taken = new int[parts];
        }

        private int first(int p) {
            return (int) ((long) tree.leaves * p / parts);
        }

        @Override
        public void run(int begin, int end) {
            for (int p = begin; p < end; p++) {
                collect(p, first(p), first(p + 1), 0, tree.leaves);
            }
        }

        /** Stores, left to right, the value of each largest node of [lo, hi) inside the part's leaves [a, b). */
        private void collect(int p, int a, int b, int lo, int hi) {
            if (hi <= a || b <= lo) {
                return;
            }
            if (a <= lo && hi <= b) {
                slots[p * MAX_NODES + stored[p]++] = tree.node(lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            collect(p, a, b, lo, mid);
            collect(p, a, b, mid, hi);
        }

        /** The value of node [lo, hi), taking the nodes that one part holds whole from its slots, in order. */
        double join(int lo, int hi) {
            int p = 0;
            while (first(p + 1) <= lo) {
                p++;
            }
            if (hi <= first(p + 1)) {
                return slots[p * MAX_NODES + taken[p]++];
            }
            int mid = (lo + hi) >>> 1;
            return tree.kind.combine(join(lo, mid), join(mid, hi));
        }
    }
}
