package org.torch4j.autograd.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.UnaryOperator;
import org.torch4j.DType;
import org.torch4j.Device;
import org.torch4j.GradFn;
import org.torch4j.Tensor;
import org.torch4j.autograd.AnomalyMode;
import org.torch4j.internal.AutogradMeta;
import org.torch4j.internal.TensorAccess;

/**
 * A function of the backward graph, as {@code torch::autograd::Node}: it takes the gradients of its forward
 * outputs and returns the gradients of its forward inputs, which flow along its edges to the next nodes.
 * Each input slot also keeps the input's metadata (shape, dtype, device) so the engine can reduce a
 * broadcast gradient and convert its dtype, as PyTorch's {@code validate_outputs} does.
 */
public abstract class Node implements GradFn {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final AtomicReferenceFieldUpdater<Node, Engine.Pending> PASS =
            AtomicReferenceFieldUpdater.newUpdater(Node.class, Engine.Pending.class, "pass");

    private final String name;
    private final long sequenceNr;
    final Node[] nextNodes;
    /** Per input slot with an edge: the edge's input number and the input's metadata (null where no edge). */
    final InputSlot[] inputSlots;
    private final int numOutputs;
    /**
     * The autograd state of each forward output, for {@code retain_grad()} (no tensor data is kept): output 0's here,
     * those of further outputs (multi-output ops) in {@link #laterOutputMetas}, made when the first is attached.
     */
    private AutogradMeta firstOutputMeta;
    private AutogradMeta[] laterOutputMetas;
    private TensorHooks hooks;
    /** The record of the backward pass that claimed this node (saves that engine a map lookup per visit). */
    volatile Engine.Pending pass;
    private final Throwable forwardTrace;

    /** A node for a forward op with these inputs (null entries and inputs that need no grad get no edge). */
    protected Node(String name, int numOutputs, Tensor... inputs) {
        this(name, numOutputs, SEQUENCE.getAndIncrement(), inputs);
    }

    Node(String name, int numOutputs, long sequenceNr, Tensor... inputs) {
        this.name = name;
        this.sequenceNr = sequenceNr;
        int n = inputs.length;
        this.nextNodes = new Node[n];
        this.inputSlots = new InputSlot[n];
        this.numOutputs = numOutputs;
        for (int i = 0; i < n; i++) {
            Tensor t = inputs[i];
            if (t != null && t.requiresGrad()) {
                setEdge(i, Graph.gradientEdgeNode(t), Graph.gradientEdgeNr(t), t);
            }
        }
        this.forwardTrace = AnomalyMode.isEnabled()
                ? new Throwable("Error detected in " + name + ". Traceback of forward call that caused the error:") : null;
    }

    final void setEdge(int slot, Node next, int inputNr, Tensor metadataOf) {
        nextNodes[slot] = next;
        inputSlots[slot] = new InputSlot(inputNr, TensorAccess.shape(metadataOf), metadataOf.dtype(), metadataOf.device());
    }

    /** An edge's input number on its next node and the forward input's metadata (PyTorch's InputMetadata). */
    static final class InputSlot {
        final int inputNr;
        final int[] shape;
        final DType dtype;
        final Device device;

        InputSlot(int inputNr, int[] shape, DType dtype, Device device) {
            this.inputNr = inputNr;
            this.shape = shape;
            this.dtype = dtype;
            this.device = device;
        }
    }

    /** Computes the input gradients from the output gradients (entries may be null: no gradient). */
    protected abstract Tensor[] apply(Tensor[] gradOutputs);

    /** Frees what the node saved for backward (called after backward unless the graph is retained). */
    protected void release() {
    }

    /** {@code grad_fn.name()}. */
    @Override
    public String name() {
        return name;
    }

    @Override
    public List<GradFn> nextFunctions() {
        return Collections.unmodifiableList(Arrays.asList((GradFn[]) nextNodes.clone()));
    }

    /** Whether the gradient of input {@code i} is wanted (the input requires grad). */
    public final boolean needsInputGrad(int i) {
        return nextNodes[i] != null;
    }

    /** Number of forward inputs (edges, some possibly empty). */
    public final int numInputs() {
        return nextNodes.length;
    }

    /** Number of forward outputs, that is of incoming gradients. */
    public final int numOutputs() {
        return numOutputs;
    }

    /** Records the autograd state of forward output {@code nr} (the tensor this node became the grad_fn of). */
    final void setOutputMeta(int nr, AutogradMeta meta) {
        if (nr == 0) {
            firstOutputMeta = meta;
            return;
        }
        if (laterOutputMetas == null) {
            laterOutputMetas = new AutogradMeta[numOutputs - 1];
        }
        laterOutputMetas[nr - 1] = meta;
    }

    private AutogradMeta outputMeta(int nr) {
        if (nr == 0) {
            return firstOutputMeta;
        }
        return laterOutputMetas == null ? null : laterOutputMetas[nr - 1];
    }

    /** Claims this node for a backward pass; false when another pass holds it. */
    final boolean claimPass(Engine.Pending p) {
        return PASS.compareAndSet(this, null, p);
    }

    /**
     * Hands the node back after the pass that claimed it ({@code p}, which no other pass can replace, so an ordered
     * store suffices where a compare-and-set would fence).
     */
    final void releasePass(Engine.Pending p) {
        if (pass == p) {
            PASS.lazySet(this, null);
        }
    }

    final long sequenceNr() {
        return sequenceNr;
    }

    /**
     * Hashes by the sequence number, which is unique per node (accumulators override this): the engine's
     * per-pass maps then never compute an identity hash for the nodes a forward pass just created. Equality
     * stays identity.
     */
    @Override
    public int hashCode() {
        return Long.hashCode(sequenceNr);
    }

    final Throwable forwardTrace() {
        return forwardTrace;
    }

    /**
     * Registers a hook on the gradient of output {@code slot} (a tensor hook), run before this node;
     * {@code retainsGrad}: whether that output already retains its gradient. Returns the hook's removal.
     */
    final Runnable addHook(int slot, UnaryOperator<Tensor> hook, boolean retainsGrad) {
        if (hooks == null) {
            hooks = new TensorHooks(numOutputs());
        }
        return hooks.add(slot, hook, retainsGrad);
    }

    /** Whether a tensor hook was ever registered on this node's gradients (they may keep or replace them). */
    final boolean hasHooks() {
        return hooks != null;
    }

    /** Runs the tensor hooks on the incoming gradients and stores the retained gradients, in PyTorch's order. */
    final void runPreHooks(Tensor[] grads) {
        if (hooks != null) {
            hooks.run(grads, false);
        }
        storeRetainedGrads(grads);
        if (hooks != null) {
            hooks.run(grads, true);
        }
    }

    private void storeRetainedGrads(Tensor[] grads) {
        for (int i = 0; i < numOutputs; i++) {
            AutogradMeta m = outputMeta(i);
            if (m != null && m.retainsGrad && m.gradFn == this && m.outputNr == i && grads[i] != null) {
                m.grad = m.grad == null ? grads[i].clone() : m.grad.add(grads[i]);
            }
        }
    }

    @Override
    public String toString() {
        return "<" + name + ">";
    }
}
