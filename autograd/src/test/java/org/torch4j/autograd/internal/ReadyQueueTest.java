package org.torch4j.autograd.internal;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/** The engine's ready queue pops nodes in exactly the order of the PriorityQueue it replaced, ties included. */
class ReadyQueueTest {
    @Test
    void popsInPriorityQueueOrder() {
        Tensor leaf = Torch.ones(1).requiresGrad_(true);
        List<Engine.Pending> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            // accumulators share the highest sequence number: ties must leave in PriorityQueue's order
            Node node = i % 3 == 0 ? new AccumulateGrad(leaf) : OpNode.of("TestBackward", leaf);
            records.add(new Engine.Pending(node, null));
        }
        Random random = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            ReadyQueue queue = new ReadyQueue();
            PriorityQueue<Engine.Pending> reference =
                    new PriorityQueue<>((a, b) -> Long.compare(b.node.sequenceNr(), a.node.sequenceNr()));
            for (int step = 0; step < 60; step++) {
                if (!reference.isEmpty() && random.nextInt(3) == 0) {
                    assertSame(reference.poll(), queue.poll());
                } else {
                    Engine.Pending p = records.get(random.nextInt(records.size()));
                    reference.add(p);
                    queue.add(p);
                }
            }
            while (!reference.isEmpty()) {
                assertSame(reference.poll(), queue.poll());
            }
            assertTrue(queue.isEmpty());
        }
    }
}
