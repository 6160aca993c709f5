package org.torch4j.autograd.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.Torch;
import org.torch4j.autograd.AnomalyMode;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.Shapes;

/**
 * The backward engine, as {@code torch::autograd::Engine}: counts the dependencies of every node
 * reachable from the roots, then runs each node once all the gradients flowing into it have arrived
 * (most recently created first among the ready ones), summing gradients per input slot. In
 * {@link #grad} mode it only runs the nodes that lead to the requested inputs and captures their
 * gradients instead of accumulating into {@code .grad}.
 */
public final class Engine {
    private final boolean keepGraph;
    private final Map<Node, List<int[]>> captures;
    private final Map<Node, Boolean> needed;
    /**
     * The nodes of this pass, each with its dependency count and input buffer (PyTorch's dependencies and not_ready):
     * a node's record sits in its {@link Node#pass} field when this engine claimed it, else (another pass runs on
     * the same node, as a backward from a hook) in this map, created on first need.
     */
    private Map<Node, Pending> pending;
    /** The records this engine claimed in their nodes, linked, to hand the nodes back after the pass. */
    private Pending claimed;
    private final ReadyQueue ready = new ReadyQueue();
    /** The nodes {@link #countDependencies} has still to visit. */
    private Node[] stack = new Node[8];
    private int stackSize;
    private Tensor[] captured;

    /** A node of this pass: how many gradients it still waits for, and those that arrived, summed per slot. */
    static final class Pending {
        final Node node;
        final Engine engine;
        /** The previous record claimed by the same engine. */
        Pending nextClaimed;
        int dependencies = 1;
        Tensor[] buffer;
        /** Bit i: only the engine holds the gradient in buffer slot i (see {@link AccumulateGrad}). */
        long owned;

        Pending(Node node, Engine engine) {
            this.node = node;
            this.engine = engine;
        }
    }

    private Engine(boolean keepGraph, Map<Node, List<int[]>> captures) {
        this.keepGraph = keepGraph;
        this.captures = captures;
        this.needed = captures == null ? null : new IdentityHashMap<>();
    }

    /** {@code torch.autograd.backward(tensors, grad_tensors, retain_graph, create_graph)}. */
    public static void backward(Tensor[] roots, Tensor[] grads, boolean keepGraph, boolean createGraph) {
        new Engine(keepGraph, null).run(roots, grads, createGraph);
    }

    /**
     * {@code torch.autograd.grad(outputs, inputs, grad_outputs, retain_graph, create_graph, allow_unused)}:
     * the gradients of the roots with respect to {@code inputs} (null where unused and allowed).
     */
    public static Tensor[] grad(Tensor[] roots, Tensor[] grads, Tensor[] inputs, boolean keepGraph, boolean createGraph,
            boolean allowUnused) {
        Map<Node, List<int[]>> captures = new IdentityHashMap<>();
        for (int j = 0; j < inputs.length; j++) {
            Tensor input = inputs[j];
            if (!input.requiresGrad()) {
                throw new IllegalArgumentException("One of the differentiated Tensors does not require grad");
            }
            Node node = Graph.gradientEdgeNode(input);
            captures.computeIfAbsent(node, k -> new ArrayList<>(1)).add(new int[] {Graph.gradientEdgeNr(input), j});
        }
        Engine engine = new Engine(keepGraph, captures);
        engine.captured = new Tensor[inputs.length];
        engine.run(roots, grads, createGraph);
        for (Tensor g : engine.captured) {
            if (g == null && !allowUnused) {
                throw new IllegalArgumentException("One of the differentiated Tensors appears to not have been used in the "
                        + "graph. Set allow_unused=True if this is the desired behavior.");
            }
        }
        return engine.captured;
    }

    private void run(Tensor[] roots, Tensor[] grads, boolean createGraph) {
        Node[] rootNodes = new Node[roots.length];
        int[] rootSlots = new int[roots.length];
        Tensor[] rootGrads = new Tensor[roots.length];
        for (int i = 0; i < roots.length; i++) {
            Tensor root = roots[i];
            if (!root.requiresGrad()) {
                throw new IllegalArgumentException("element " + i + " of tensors does not require grad and does not have a "
                        + "grad_fn");
            }
            rootGrads[i] = rootGradient(root, grads == null ? null : grads[i], i);
            rootNodes[i] = Graph.gradientEdgeNode(root);
            rootSlots[i] = Graph.gradientEdgeNr(root);
        }
        boolean previous = GradMode.set(createGraph);
        try {
            if (captures != null) {
                markNeeded(rootNodes);
            }
            countDependencies(rootNodes);
            for (int i = 0; i < rootNodes.length; i++) {
                deliver(rootNodes[i], rootSlots[i], rootGrads[i], false);
            }
            while (!ready.isEmpty()) {
                evaluate(ready.poll());
            }
        } finally {
            GradMode.set(previous);
            for (Pending p = claimed; p != null; p = p.nextClaimed) {
                p.node.releasePass(p);
            }
        }
    }

    private static Tensor rootGradient(Tensor root, Tensor grad, int i) {
        if (grad == null) {
            if (root.numel() != 1) {
                throw new IllegalArgumentException("grad can be implicitly created only for scalar outputs");
            }
            return Torch.onesLike(root);
        }
        if (!Arrays.equals(grad.shape(), root.shape())) {
            throw new IllegalArgumentException("Mismatch in shape: grad_output[" + i + "] has a shape of "
                    + sizeString(grad.shape()) + " and output[" + i + "] has a shape of " + sizeString(root.shape()) + ".");
        }
        return grad.dtype() == root.dtype() ? grad : grad.to(root.dtype());
    }

    static String sizeString(int[] shape) {
        return "torch.Size(" + Shapes.format(shape) + ")";
    }

    /** In grad mode, a node runs only when a captured input lies below it. */
    private boolean isNeeded(Node n) {
        return needed == null || needed.getOrDefault(n, false);
    }

    private boolean isCaptureTarget(Node n) {
        return captures != null && captures.containsKey(n);
    }

    /** Whether gradients flowing into {@code n} are of use: it runs or captures. */
    private boolean isWanted(Node n) {
        return isNeeded(n) || isCaptureTarget(n);
    }

    /** Post-order walk deciding which nodes lead to a captured input. */
    private void markNeeded(Node[] roots) {
        Deque<Node> stack = new ArrayDeque<>();
        Deque<Integer> position = new ArrayDeque<>();
        Map<Node, Boolean> visited = new IdentityHashMap<>();
        for (Node root : roots) {
            if (visited.put(root, Boolean.TRUE) != null) {
                continue;
            }
            stack.push(root);
            position.push(0);
            while (!stack.isEmpty()) {
                Node n = stack.peek();
                int k = position.pop();
                if (k < n.nextNodes.length) {
                    position.push(k + 1);
                    Node next = n.nextNodes[k];
                    if (next != null && visited.put(next, Boolean.TRUE) == null) {
                        stack.push(next);
                        position.push(0);
                    }
                    continue;
                }
                stack.pop();
                boolean leads = false;
                if (!(n instanceof AccumulateGrad)) {
                    for (Node next : n.nextNodes) {
                        if (next != null && (isCaptureTarget(next) || needed.getOrDefault(next, false))) {
                            leads = true;
                            break;
                        }
                    }
                }
                needed.put(n, leads);
            }
        }
    }

    /** Depth-first over the wanted nodes, counting each node's incoming edges (its first visit pushes it). */
    private void countDependencies(Node[] roots) {
        for (Node root : roots) {
            increment(root);
        }
        while (stackSize > 0) {
            Node n = stack[--stackSize];
            stack[stackSize] = null;
            if (!isNeeded(n)) {
                continue;
            }
            for (Node next : n.nextNodes) {
                if (next != null && isWanted(next)) {
                    increment(next);
                }
            }
        }
    }

    private void push(Node n) {
        if (stackSize == stack.length) {
            stack = Arrays.copyOf(stack, 2 * stackSize);
        }
        stack[stackSize++] = n;
    }

    private Pending pendingOf(Node n) {
        Pending p = n.pass;
        if (p != null && p.engine == this) {
            return p;
        }
        return pending == null ? null : pending.get(n);
    }

    private void increment(Node n) {
        Pending p = pendingOf(n);
        if (p == null) {
            p = new Pending(n, this);
            if (n.claimPass(p)) {
                p.nextClaimed = claimed;
                claimed = p;
            } else {
                if (pending == null) {
                    pending = new HashMap<>();
                }
                pending.put(n, p);
            }
            push(n);
        } else {
            p.dependencies++;
        }
    }

    /** Adds a gradient to a node's input buffer; the node becomes ready when its last dependency arrives. */
    private void deliver(Node n, int slot, Tensor grad, boolean owned) {
        Pending p = pendingOf(n);
        if (grad != null) {
            if (p.buffer == null) {
                p.buffer = new Tensor[n.numOutputs()];
            }
            // a sum is the engine's own tensor
            if (slot < Long.SIZE && (p.buffer[slot] != null || owned)) {
                p.owned |= 1L << slot;
            }
            p.buffer[slot] = p.buffer[slot] == null ? grad : p.buffer[slot].add(grad);
        }
        if (--p.dependencies == 0) {
            ready.add(p);
        }
    }

    private void evaluate(Pending p) {
        Node n = p.node;
        Tensor[] inputs = p.buffer != null ? p.buffer : new Tensor[n.numOutputs()];
        p.buffer = null;
        if (captures != null) {
            List<int[]> wanted = captures.get(n);
            if (wanted != null) {
                for (int[] c : wanted) {
                    captured[c[1]] = inputs[c[0]];
                }
            }
            if (!isNeeded(n)) {
                return;
            }
        }
        ownedOutputs = 0;
        Tensor[] outputs = call(n, inputs, p.owned);
        for (int i = 0; i < n.nextNodes.length; i++) {
            Node next = n.nextNodes[i];
            if (next != null && isWanted(next)) {
                deliver(next, n.inputSlots[i].inputNr, i < outputs.length ? outputs[i] : null, (ownedOutputs >>> i & 1) != 0);
            }
        }
    }

    /**
     * Bit i: only the engine holds output i of the node just called (an OpNode). Outside grad mode and
     * {@code autograd.grad} only.
     */
    private long ownedOutputs;

    /** Sets {@link #ownedOutputs} for the results of an OpNode's formula, before its saved tensors are released. */
    private void markOwned(Node n, Tensor[] inputs, long ownedInputs, Tensor[] outputs) {
        if (!(n instanceof OpNode) || captures != null || GradMode.isEnabled()) {
            return;
        }
        // tensor hooks may have kept or replaced the incoming gradients
        long ownedIn = n.hasHooks() ? 0 : ownedInputs;
        for (int i = 0; i < Math.min(outputs.length, Math.min(n.nextNodes.length, Long.SIZE)); i++) {
            if (outputs[i] != null && n.nextNodes[i] != null && ((OpNode) n).owns(inputs, ownedIn, outputs, i)) {
                ownedOutputs |= 1L << i;
            }
        }
    }

    private Tensor[] call(Node n, Tensor[] inputs, long owned) {
        n.runPreHooks(inputs);
        boolean any = false;
        for (Tensor t : inputs) {
            any |= t != null;
        }
        if (!any) {
            // nothing to compute, but the pass still consumes the node: PyTorch frees its saved tensors as well
            if (!keepGraph) {
                n.release();
            }
            return new Tensor[n.numInputs()];
        }
        Tensor[] outputs;
        try {
            outputs = (owned & 1) != 0 && captures == null && n instanceof AccumulateGrad && !n.hasHooks()
                    ? ((AccumulateGrad) n).accumulate(inputs, true) : n.apply(inputs);
            markOwned(n, inputs, owned, outputs);
            if (!keepGraph) {
                n.release();
            }
            validate(n, outputs);
            if (AnomalyMode.isEnabled()) {
                checkNaN(n, outputs);
            }
        } catch (RuntimeException e) {
            if (n.forwardTrace() != null) {
                e.addSuppressed(n.forwardTrace());
            }
            throw e;
        }
        return outputs;
    }

    /** PyTorch's {@code validate_outputs}: reduce broadcast gradients, convert dtype and device. */
    private static void validate(Node n, Tensor[] grads) {
        if (grads.length != n.numInputs()) {
            throw new IllegalStateException("invalid number of gradients - expected " + n.numInputs() + ", but got "
                    + grads.length);
        }
        for (int i = 0; i < grads.length; i++) {
            Tensor g = grads[i];
            if (g == null || n.nextNodes[i] == null) {
                grads[i] = null;
                continue;
            }
            Node.InputSlot input = n.inputSlots[i];
            int[] expected = input.shape;
            if (!Formulas.hasShape(g, expected)) {
                if (!Formulas.expandable(expected, g.shape())) {
                    throw new IllegalStateException("Function " + n.name() + " returned an invalid gradient at index " + i
                            + " - got " + Shapes.format(g.shape()) + " but expected shape compatible with "
                            + Shapes.format(expected));
                }
                g = Formulas.sumTo(g, expected);
            }
            if (g.dtype() != input.dtype) {
                g = g.to(input.dtype);
            }
            if (!g.device().equals(input.device)) {
                g = g.to(input.device);
            }
            grads[i] = g;
        }
    }

    private static void checkNaN(Node n, Tensor[] grads) {
        for (int i = 0; i < grads.length; i++) {
            Tensor g = grads[i];
            if (g == null || !g.isFloatingPoint()) {
                continue;
            }
            for (double v : g.toDoubleArray()) {
                if (Double.isNaN(v)) {
                    throw new IllegalStateException("Function '" + n.name() + "' returned nan values in its " + i
                            + "th output.");
                }
            }
        }
    }
}
