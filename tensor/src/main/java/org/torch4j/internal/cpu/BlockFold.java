package org.torch4j.internal.cpu;

import org.torch4j.internal.Parallel;

/**
 * Folds one long contiguous run as a fixed pairwise tree over leaves (blocks of a fixed size whose boundaries lie
 * on cache lines). With several threads the leaves are cut into {@value #PARTS_PER_THREAD} contiguous parts per
 * thread, which {@link Parallel#forRange} hands out as one contiguous home range per thread (a thread that starts
 * late leaves some of its parts to the others); a part folds the largest tree nodes inside it, and the calling
 * thread joins them in the tree's shape. A node's value depends only on the run, so the result has the same bits
 * on any number of threads. A part folds its leaves in groups whose two halves are read side by side, leaf k with
 * leaf k + half: two streams megabytes apart keep more of the memory system busy than one.
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
    /** Leaves between the two streams of a group at most (2 MiB of 64 KiB leaves); a group has twice as many. */
    private static final int PAIR_SPAN = 32;

    /** Folds the leaves of a run's array. */
    interface Leaf {
        /** The fold of the elements [from, to). */
        double fold(int from, int to);

        /**
         * The folds of the two leaves of {@code length} elements (a multiple of 64, from line starts) at x and y,
         * into out[i] and out[j]: the same bits as {@link #fold} gives each, the two read side by side.
         */
        default void foldPair(int x, int y, int length, double[] out, int i, int j) {
            out[i] = fold(x, x + length);
            out[j] = fold(y, y + length);
        }
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
            return tree.node(0, tree.leaves, new Cursor(tree, 0, tree.leaves));
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

        /** The fold of leaf k. */
        double leaf(int k) {
            return f.fold(start(k), start(k + 1));
        }

        /** The folds of leaves x and y into out[i] and out[j], side by side when both are whole leaves. */
        void pair(int x, int y, double[] out, int i, int j) {
            if (start(x + 1) - start(x) == leaf && start(y + 1) - start(y) == leaf) {
                f.foldPair(start(x), start(y), leaf, out, i, j);
            } else {
                out[i] = leaf(x);
                out[j] = leaf(y);
            }
        }

        /** The fold of leaves [lo, hi): the two halves folded, then combined; the leaves come from c, in order. */
        double node(int lo, int hi, Cursor c) {
            if (hi - lo == 1) {
                return c.leaf(lo);
            }
            int mid = (lo + hi) >>> 1;
            return kind.combine(node(lo, mid, c), node(mid, hi, c));
        }
    }

    /**
     * The values of the leaves [first, end) of a tree, asked for in order: folded in groups of up to
     * 2 * {@link #PAIR_SPAN} leaves, leaf k of a group beside leaf k + half.
     */
    private static final class Cursor {
        private final Tree tree;
        private final int end;
        private final double[] values = new double[2 * PAIR_SPAN];
        private int groupStart;
        private int groupEnd;

        Cursor(Tree tree, int first, int end) {
            this.tree = tree;
            this.end = end;
            groupStart = first;
            groupEnd = first;
        }

        /** The fold of leaf k, which is at or after the leaves asked for before. */
        double leaf(int k) {
            if (k >= groupEnd) {
                groupStart = k;
                groupEnd = Math.min(end, k + 2 * PAIR_SPAN);
                int half = (groupEnd - k) / 2;
                for (int i = 0; i < half; i++) {
                    tree.pair(k + i, k + half + i, values, i, half + i);
                }
                if (2 * half < groupEnd - k) {
                    values[2 * half] = tree.leaf(groupEnd - 1);
                }
            }
            return values[k - groupStart];
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
                collect(p, new Cursor(tree, first(p), first(p + 1)), first(p), first(p + 1), 0, tree.leaves);
            }
        }

        /** Stores, left to right, the value of each largest node of [lo, hi) inside the part's leaves [a, b). */
        private void collect(int p, Cursor c, int a, int b, int lo, int hi) {
            if (hi <= a || b <= lo) {
                return;
            }
            if (a <= lo && hi <= b) {
                slots[p * MAX_NODES + stored[p]++] = tree.node(lo, hi, c);
                return;
            }
            int mid = (lo + hi) >>> 1;
            collect(p, c, a, b, lo, mid);
            collect(p, c, a, b, mid, hi);
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
