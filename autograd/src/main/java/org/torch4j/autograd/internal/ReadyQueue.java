package org.torch4j.autograd.internal;

import java.util.Arrays;

/**
 * The engine's ready nodes, most recently created (highest sequence number) first, as PyTorch's {@code ReadyQueue}: a
 * binary heap with {@link java.util.PriorityQueue}'s sift rules, so that nodes with equal numbers (the accumulators)
 * leave in the same order as from that queue, but without a comparator call per step or a collection built per pass
 * (the array comes with the first ready node).
 */
final class ReadyQueue {
    private Engine.Pending[] heap;
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    void add(Engine.Pending p) {
        if (heap == null) {
            heap = new Engine.Pending[8];
        } else if (size == heap.length) {
            heap = Arrays.copyOf(heap, 2 * size);
        }
        long key = p.node.sequenceNr();
        int k = size++;
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            Engine.Pending e = heap[parent];
            if (e.node.sequenceNr() >= key) {
                break;
            }
            heap[k] = e;
            k = parent;
        }
        heap[k] = p;
    }

    /** Removes and returns the ready node with the highest sequence number (the queue must not be empty). */
    Engine.Pending poll() {
        Engine.Pending result = heap[0];
        int n = --size;
        Engine.Pending x = heap[n];
        heap[n] = null;
        if (n > 0) {
            siftDown(x, n);
        }
        return result;
    }

    private void siftDown(Engine.Pending x, int n) {
        long key = x.node.sequenceNr();
        int k = 0;
        int half = n >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            Engine.Pending c = heap[child];
            int right = child + 1;
            if (right < n && heap[right].node.sequenceNr() > c.node.sequenceNr()) {
                child = right;
                c = heap[child];
            }
            if (c.node.sequenceNr() <= key) {
                break;
            }
            heap[k] = c;
            k = child;
        }
        heap[k] = x;
    }
}
