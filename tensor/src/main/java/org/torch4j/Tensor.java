package org.torch4j;

import java.util.ArrayList;
import java.util.List;
import org.torch4j.internal.AutogradHook;
import org.torch4j.internal.AutogradMeta;
import org.torch4j.internal.CpuStorage;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.GradMode;
import org.torch4j.internal.OpTable;
import org.torch4j.internal.Shapes;
import org.torch4j.internal.SharedStrides;
import org.torch4j.internal.Storage;
import org.torch4j.internal.TensorAccess;
import org.torch4j.internal.TensorFormatter;
import org.torch4j.internal.TypePromotion;
import org.torch4j.internal.random.RandomFill;

/**
 * An n-dimensional strided array; the equivalent of {@code torch.Tensor}.
 *
 * <p>A tensor is a view (shape, strides, offset) of a {@link Storage}; view operations share the storage.
 * Every operator goes through the op table ({@link Dispatcher}), so the same call runs on the CPU, on
 * CUDA, and under autograd. In-place operators end with {@code _} as in PyTorch; other multi-word names
 * are camelCase. Scalar overloads take {@code long} (integer scalars, which keep integer dtypes) or
 * {@code double} (floating scalars).
 */
public final class Tensor {
    private final Storage storage;
    private final int[] shape;
    private final int[] strides;
    private final int offset;
    private final boolean wrappedNumber;
    /** The element count, kept since kernels ask for it often; -1 when too large for an array ({@link #numel} throws). */
    private final int numel;
    private AutogradMeta autograd;

    private Tensor(Storage storage, int[] shape, int[] strides, int offset, boolean wrappedNumber) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        this.wrappedNumber = wrappedNumber;
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        this.numel = n > Integer.MAX_VALUE - 8 ? -1 : (int) n;
    }

    /**
     * A tensor viewing {@code storage} with the given geometry, as {@code torch.Tensor().set_(storage,
     * offset, size, stride)}. Backends use it to build results and views; the arrays are not copied.
     */
    public static Tensor of(Storage storage, int[] shape, int[] strides, int offset) {
        return new Tensor(storage, shape, strides, offset, false);
    }

    /** A contiguous tensor over the whole of {@code storage}. */
    public static Tensor of(Storage storage, int... shape) {
        return new Tensor(storage, shape, SharedStrides.rowMajor(shape), 0, false);
    }

    /** An empty shape, stride or dim list: it cannot change, so one serves every wrapped number and full reduction. */
    private static final int[] NO_DIMS = new int[0];

    static {
        TensorAccess.install(new TensorAccess.Accessor() {
            @Override
            public int[] shape(Tensor t) {
                return t.shape;
            }

            @Override
            public int[] strides(Tensor t) {
                return t.strides;
            }
        });
    }

    /** A 0-dim tensor standing for a Python number in an operator (PyTorch's "wrapped number"). */
    static Tensor wrappedNumber(double value) {
        return new Tensor(CpuStorage.wrap(new double[] {value}), NO_DIMS, NO_DIMS, 0, true);
    }

    /** A wrapped Python int. */
    static Tensor wrappedNumber(long value) {
        return new Tensor(CpuStorage.wrap(new long[] {value}), NO_DIMS, NO_DIMS, 0, true);
    }

    /** A wrapped Python bool. */
    static Tensor wrappedNumber(boolean value) {
        return new Tensor(CpuStorage.wrap(new boolean[] {value}), NO_DIMS, NO_DIMS, 0, true);
    }

    // ------------------------------------------------------------------ metadata

    /** {@code tensor.shape} as a copy. */
    public int[] shape() {
        return shape.clone();
    }

    /** {@code tensor.size(dim)}; negative dims count from the end. */
    public int size(int dim) {
        return shape[existingDim(dim, dim)];
    }

    /** {@code tensor.dim()}. */
    public int dim() {
        return shape.length;
    }

    /** {@code tensor.numel()}. */
    public int numel() {
        return numel >= 0 ? numel : Shapes.numel(shape);
    }

    /** {@code tensor.stride()} as a copy, in elements. */
    public int[] stride() {
        return strides.clone();
    }

    /** {@code tensor.stride(dim)}. */
    public int stride(int dim) {
        return strides[existingDim(dim, dim)];
    }

    /**
     * dim wrapped, for a lookup in the shape: a 0-dim tensor accepts dims 0 and -1 but has none to look up
     * (PyTorch's IndexError, which names the dim as {@code named}).
     */
    private int existingDim(int dim, int named) {
        int d = Shapes.wrapDim(dim, shape.length);
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("Dimension specified as " + named + " but tensor has no dimensions");
        }
        return d;
    }

    /** {@code tensor.storage_offset()}. */
    public int storageOffset() {
        return offset;
    }

    /** {@code tensor.is_contiguous()}. */
    public boolean isContiguous() {
        return Shapes.isContiguous(shape, strides);
    }

    /** {@code tensor.dtype}. */
    public DType dtype() {
        return storage.dtype();
    }

    /** {@code tensor.device}. */
    public Device device() {
        return storage.device();
    }

    /** {@code tensor.is_floating_point()}. */
    public boolean isFloatingPoint() {
        return dtype().isFloatingPoint();
    }

    /** {@code tensor.element_size()}. */
    public int elementSize() {
        return dtype().itemSize();
    }

    /** The storage this tensor views ({@code tensor.untyped_storage()}). */
    public Storage storage() {
        return storage;
    }

    /** Whether this 0-dim tensor stands for a Java number passed to an operator (affects type promotion). */
    public boolean isWrappedNumber() {
        return wrappedNumber;
    }

    /** {@code tensor._version}: bumped by every in-place write to the storage. */
    public int version() {
        return storage.version();
    }

    // ------------------------------------------------------------------ autograd state

    /** The opaque autograd state (c10's AutogradMeta), created on first use; for the autograd module. */
    public AutogradMeta autogradMeta() {
        if (autograd == null) {
            autograd = new AutogradMeta();
        }
        return autograd;
    }

    /** The autograd state or null when the tensor never had any. */
    public AutogradMeta autogradMetaOrNull() {
        return autograd;
    }

    /** {@code tensor.requires_grad}. */
    public boolean requiresGrad() {
        return autograd != null && (autograd.requiresGrad || autograd.gradFn != null);
    }

    /** {@code tensor.requires_grad_(flag)}; only leaves of floating dtype may change it. */
    public Tensor requiresGrad_(boolean flag) {
        if (autograd != null && autograd.gradFn != null) {
            if (!flag) {
                throw new IllegalStateException("you can only change requires_grad flags of leaf variables. If you want to "
                        + "use a computed variable in a subgraph that doesn't require differentiation use "
                        + "var_no_grad = var.detach().");
            }
            return this;
        }
        if (flag && !isFloatingPoint()) {
            throw new IllegalStateException("only Tensors of floating point dtype can require gradients");
        }
        autogradMeta().requiresGrad = flag;
        return this;
    }

    /** {@code tensor.requires_grad_()}. */
    public Tensor requiresGrad_() {
        return requiresGrad_(true);
    }

    /** {@code tensor.grad}, or null. */
    public Tensor grad() {
        return autograd == null ? null : autograd.grad;
    }

    /** {@code tensor.grad = g} (null clears it). */
    public void setGrad(Tensor g) {
        if (g != null) {
            if (!java.util.Arrays.equals(g.shape, shape)) {
                throw new IllegalArgumentException("assigned grad has data of a different size");
            }
            if (g.dtype() != dtype()) {
                throw new IllegalArgumentException("assigned grad has data of a different type");
            }
        }
        if (g != null || autograd != null) {
            autogradMeta().grad = g;
        }
    }

    /** {@code tensor.grad_fn}, or null for leaves. */
    public GradFn gradFn() {
        return autograd == null ? null : autograd.gradFn;
    }

    /** {@code tensor.is_leaf}. */
    public boolean isLeaf() {
        return autograd == null || autograd.gradFn == null;
    }

    /** {@code tensor.retain_grad()}: keep {@code .grad} of a non-leaf after backward. */
    public Tensor retainGrad() {
        if (!requiresGrad()) {
            throw new IllegalStateException("can't retain_grad on Tensor that has requires_grad=False");
        }
        if (!isLeaf()) {
            autogradMeta().retainsGrad = true;
        }
        return this;
    }

    /** {@code tensor.retains_grad}. */
    public boolean retainsGrad() {
        return autograd != null && autograd.retainsGrad;
    }

    /** {@code tensor.backward()} for a scalar output. */
    public void backward() {
        backward(null, false, false);
    }

    /** {@code tensor.backward(gradient)}. */
    public void backward(Tensor gradient) {
        backward(gradient, false, false);
    }

    /** {@code tensor.backward(gradient, retain_graph, create_graph)}; gradient may be null for scalars. */
    public void backward(Tensor gradient, boolean retainGraph, boolean createGraph) {
        AutogradHook hook = Dispatcher.autograd();
        if (hook == null) {
            throw new IllegalStateException("backward() needs the autograd engine: add the torch4j-autograd module "
                    + "(org.torch4j:torch4j-autograd) to the class path");
        }
        hook.backward(this, gradient, retainGraph, createGraph);
    }

    /** {@code tensor.detach()}: a view that shares storage and has no autograd history. */
    public Tensor detach() {
        return new Tensor(storage, shape, strides, offset, false);
    }

    /** {@code tensor.detach_()}: drops the history of this tensor in place. */
    public Tensor detach_() {
        if (autograd != null) {
            autograd.gradFn = null;
            autograd.requiresGrad = false;
        }
        return this;
    }

    // ------------------------------------------------------------------ conversion and copies

    /** {@code tensor.to(dtype)}; returns this tensor when it already has the dtype. */
    public Tensor to(DType dtype) {
        return dtype == dtype() ? this : Dispatcher.of(this).toDType(this, dtype);
    }

    /** {@code tensor.to(device)}; returns this tensor when it is already there. */
    public Tensor to(Device device) {
        if (device.equals(device())) {
            return this;
        }
        if (requiresGrad() && GradMode.isEnabled()) {
            return Dispatcher.of(this).toDevice(this, device);
        }
        OpTable target = Dispatcher.backend(device.isCpu() ? device() : device);
        return target.toDevice(this, device);
    }

    /** {@code tensor.to(device, dtype)}. */
    public Tensor to(Device device, DType dtype) {
        return to(dtype).to(device);
    }

    /** {@code tensor.cpu()}. */
    public Tensor cpu() {
        return to(Device.CPU);
    }

    /** {@code tensor.cuda()}: to CUDA device 0. */
    public Tensor cuda() {
        return to(Device.cuda(0));
    }

    /** {@code tensor.float()}. */
    public Tensor toFloat() {
        return to(DType.FLOAT32);
    }

    /** {@code tensor.double()}. */
    public Tensor toDouble() {
        return to(DType.FLOAT64);
    }

    /** {@code tensor.long()}. */
    public Tensor toLong() {
        return to(DType.INT64);
    }

    /** {@code tensor.int()}. */
    public Tensor toInt() {
        return to(DType.INT32);
    }

    /** {@code tensor.bool()}. */
    public Tensor toBool() {
        return to(DType.BOOL);
    }

    /** {@code tensor.clone()}: keeps the strides of dense layouts ({@code torch.preserve_format}). */
    public Tensor clone() {
        return Dispatcher.of(this).clone(this, false);
    }

    /** {@code tensor.contiguous()}: this tensor if already contiguous, else a row-major copy. */
    public Tensor contiguous() {
        return isContiguous() ? this : Dispatcher.of(this).clone(this, true);
    }

    /**
     * {@code tensor.copy_(src)}: src broadcast to this shape and converted to this dtype; as in PyTorch, src may be
     * on another device (it is moved to this tensor's first; a 0-dim CPU src joins as a scalar).
     */
    public Tensor copy_(Tensor src) {
        Tensor from = src.device().equals(device()) || src.dim() == 0 && src.device().isCpu() ? src : src.to(device());
        return Dispatcher.of(this, from).copy_(this, from);
    }

    /** {@code tensor.fill_(value)}. */
    public Tensor fill_(double value) {
        return Dispatcher.of(this).fill_(this, wrappedNumber(value));
    }

    /** {@code tensor.fill_(value)} for an integer value. */
    public Tensor fill_(long value) {
        return Dispatcher.of(this).fill_(this, wrappedNumber(value));
    }

    /** {@code tensor.fill_(value)} with a 0-dim tensor. */
    public Tensor fill_(Tensor value) {
        if (value.dim() != 0) {
            throw new IllegalArgumentException("fill_ only supports 0-dimension value tensor but got tensor with "
                    + value.dim() + " dimensions.");
        }
        return Dispatcher.of(this, value).fill_(this, value);
    }

    /** {@code tensor.zero_()}. */
    public Tensor zero_() {
        return Dispatcher.of(this).zero_(this);
    }

    /** {@code tensor.item()} of a one-element tensor, as a double. */
    public double item() {
        Tensor t = singleElement();
        return ((CpuStorage) t.storage).getDouble(t.offset);
    }

    /** {@code tensor.item()} as a float. */
    public float itemFloat() {
        return (float) item();
    }

    /** {@code tensor.item()} as a long (exact for int64). */
    public long itemLong() {
        Tensor t = singleElement();
        return ((CpuStorage) t.storage).getLong(t.offset);
    }

    /** {@code tensor.item()} as an int. */
    public int itemInt() {
        return (int) itemLong();
    }

    /** {@code tensor.item()} as a boolean (non-zero is true). */
    public boolean itemBool() {
        return item() != 0;
    }

    /** This one-element tensor on the CPU (no copy when it is there): its element is at its storage offset. */
    private Tensor singleElement() {
        if (numel() != 1) {
            throw new IllegalArgumentException("only one element tensors can be converted to Python scalars");
        }
        return device().isCpu() ? this : detach().cpu();
    }

    /** The elements in row-major order as float[] (converted from any dtype). */
    public float[] toFloatArray() {
        return (float[]) ((CpuStorage) cpuContiguous(DType.FLOAT32).storage).array();
    }

    /** The elements in row-major order as double[]. */
    public double[] toDoubleArray() {
        return (double[]) ((CpuStorage) cpuContiguous(DType.FLOAT64).storage).array();
    }

    /** The elements in row-major order as long[]. */
    public long[] toLongArray() {
        return (long[]) ((CpuStorage) cpuContiguous(DType.INT64).storage).array();
    }

    /** The elements in row-major order as int[]. */
    public int[] toIntArray() {
        return (int[]) ((CpuStorage) cpuContiguous(DType.INT32).storage).array();
    }

    /** The elements in row-major order as boolean[]. */
    public boolean[] toBoolArray() {
        return (boolean[]) ((CpuStorage) cpuContiguous(DType.BOOL).storage).array();
    }

    /** {@code tensor.tolist()}: nested lists of Double, Long or Boolean (a bare number for 0-dim). */
    public Object tolist() {
        Tensor c = cpuContiguous();
        CpuStorage s = (CpuStorage) c.storage;
        return tolist(s, 0, 0);
    }

    private Object tolist(CpuStorage s, int dim, int base) {
        if (dim == shape.length) {
            switch (dtype()) {
                case BOOL: return s.bools()[base];
                case INT32:
                case INT64: return s.getLong(base);
                default: return s.getDouble(base);
            }
        }
        int step = Shapes.contiguousStrides(shape)[dim];
        List<Object> list = new ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            list.add(tolist(s, dim + 1, base + i * step));
        }
        return list;
    }

    /** A detached, contiguous CPU tensor of this dtype whose storage is exactly its elements. */
    private Tensor cpuContiguous() {
        return cpuContiguous(dtype());
    }

    /**
     * A contiguous CPU tensor of the requested dtype whose storage holds exactly its elements and is shared with
     * nothing: the converted copy itself when it fits, else a clone.
     */
    private Tensor cpuContiguous(DType dtype) {
        Tensor t = detach().to(Device.CPU).to(dtype);
        boolean exactFit = t.storage != storage && t.offset == 0 && t.isContiguous() && t.storage.length() == t.numel();
        return exactFit ? t : Dispatcher.of(t).clone(t, true);
    }

    // ------------------------------------------------------------------ views

    /** {@code tensor.view(shape)}; one dim may be -1. Fails on layouts that cannot be viewed, as PyTorch does. */
    public Tensor view(int... shape) {
        return Dispatcher.of(this).view(this, Shapes.inferSize(shape, numel()));
    }

    /** {@code tensor.view_as(other)}. */
    public Tensor viewAs(Tensor other) {
        return view(other.shape);
    }

    /** {@code tensor.reshape(shape)}: a view when possible, otherwise a copy. */
    public Tensor reshape(int... shape) {
        int[] resolved = Shapes.inferSize(shape, numel());
        if (Shapes.viewStrides(this.shape, strides, resolved) != null) {
            return Dispatcher.of(this).reshapeAlias(this, resolved);
        }
        Tensor copy = Dispatcher.of(this).clone(this, true);
        return Dispatcher.of(copy).unsafeView(copy, resolved);
    }

    /** {@code tensor.reshape_as(other)}. */
    public Tensor reshapeAs(Tensor other) {
        return reshape(other.shape);
    }

    /** {@code tensor.flatten()}. */
    public Tensor flatten() {
        return flatten(0, -1);
    }

    /** {@code tensor.flatten(start_dim, end_dim)}. */
    public Tensor flatten(int startDim, int endDim) {
        if (shape.length == 0) {
            return reshape(1);
        }
        int start = Shapes.wrapDim(startDim, shape.length);
        int end = Shapes.wrapDim(endDim, shape.length);
        if (start > end) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        if (start == end) {
            return this;
        }
        int[] out = new int[shape.length - (end - start)];
        System.arraycopy(shape, 0, out, 0, start);
        out[start] = Shapes.numel(java.util.Arrays.copyOfRange(shape, start, end + 1));
        System.arraycopy(shape, end + 1, out, start + 1, shape.length - end - 1);
        return reshape(out);
    }

    /** {@code tensor.unflatten(dim, sizes)}. */
    public Tensor unflatten(int dim, int... sizes) {
        int d = Shapes.wrapDim(dim, shape.length);
        if (sizes.length == 0) {
            throw new IllegalArgumentException("unflatten: sizes must be non-empty");
        }
        int[] inner;
        try {
            inner = Shapes.inferSize(sizes, size(d));
        } catch (IllegalArgumentException e) {
            throw unflattenError(e, d, sizes);
        }
        int[] out = new int[shape.length - 1 + inner.length];
        System.arraycopy(shape, 0, out, 0, d);
        System.arraycopy(inner, 0, out, d, inner.length);
        System.arraycopy(shape, d + 1, out, d + inner.length, shape.length - d - 1);
        return view(out);
    }

    /** ATen's {@code handle_unflatten_exception}: the errors of infer_size that it rewords. */
    private IllegalArgumentException unflattenError(IllegalArgumentException e, int dim, int[] sizes) {
        String message = e.getMessage();
        if (message.contains("is invalid for input of size")) {
            return new IllegalArgumentException("unflatten: Provided sizes " + Shapes.format(sizes)
                    + " don't multiply up to the size of dim " + dim + " (" + shape[dim] + ") in the input tensor");
        }
        if (message.equals("only one dimension can be inferred")) {
            return new IllegalArgumentException("unflatten got an unexpected error:\n" + message);
        }
        return e;
    }

    /** {@code tensor.transpose(dim0, dim1)}. */
    public Tensor transpose(int dim0, int dim1) {
        int d0 = Shapes.wrapDim(dim0, shape.length);
        int d1 = Shapes.wrapDim(dim1, shape.length);
        return Dispatcher.of(this).transpose(this, d0, d1);
    }

    /** {@code tensor.t()} for tensors of at most 2 dims. */
    public Tensor t() {
        if (shape.length > 2) {
            throw new IllegalArgumentException("t() expects a tensor with <= 2 dimensions, but self is " + shape.length + "D");
        }
        return Dispatcher.of(this).t(this);
    }

    /** {@code tensor.mT}: the last two dims swapped. */
    public Tensor mT() {
        if (shape.length < 2) {
            throw new IllegalArgumentException("tensor.mT is only supported on matrices or batches of matrices. Got "
                    + shape.length + "-D tensor.");
        }
        return transpose(-2, -1);
    }

    /** {@code tensor.permute(dims)}. */
    public Tensor permute(int... dims) {
        if (dims.length != shape.length) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does not "
                    + "match the length of the desired ordering of dimensions i.e. input.dim() = " + shape.length
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] wrapped = new int[dims.length];
        boolean[] seen = new boolean[dims.length];
        for (int i = 0; i < dims.length; i++) {
            wrapped[i] = Shapes.wrapDim(dims[i], shape.length);
            if (seen[wrapped[i]]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[wrapped[i]] = true;
        }
        return Dispatcher.of(this).permute(this, wrapped);
    }

    /** {@code tensor.squeeze()}: drops every size-1 dim. */
    public Tensor squeeze() {
        return Dispatcher.of(this).squeeze(this, null);
    }

    /** {@code tensor.squeeze(dim)}: drops dim if its size is 1. */
    public Tensor squeeze(int dim) {
        return Dispatcher.of(this).squeeze(this, Shapes.wrapDim(dim, shape.length));
    }

    /** {@code tensor.unsqueeze(dim)}. */
    public Tensor unsqueeze(int dim) {
        return Dispatcher.of(this).unsqueeze(this, Shapes.wrapDim(dim, shape.length + 1));
    }

    /** {@code tensor.expand(sizes)}; -1 keeps a size. */
    public Tensor expand(int... sizes) {
        if (sizes.length < shape.length) {
            throw new IllegalArgumentException("expand(" + legacyTypeName() + "{" + Shapes.format(shape) + "}, size="
                    + Shapes.format(sizes) + "): the number of sizes provided (" + sizes.length + ") must be greater or "
                    + "equal to the number of dimensions in the tensor (" + shape.length + ")");
        }
        int[] target = sizes.clone();
        int lead = sizes.length - shape.length;
        for (int i = 0; i < sizes.length; i++) {
            int own = i >= lead ? shape[i - lead] : 1;
            if (sizes[i] == -1) {
                if (i < lead) {
                    throw new IllegalArgumentException("The expanded size of the tensor (-1) isn't allowed in a leading, "
                            + "non-existing dimension " + i);
                }
                target[i] = own;
            } else if (i >= lead && own != 1 && own != sizes[i]) {
                throw new IllegalArgumentException("The expanded size of the tensor (" + sizes[i] + ") must match the "
                        + "existing size (" + own + ") at non-singleton dimension " + i + ".  Target sizes: "
                        + Shapes.format(sizes) + ".  Tensor sizes: " + Shapes.format(shape));
            }
        }
        return Dispatcher.of(this).expand(this, target);
    }

    /**
     * The name PyTorch's messages give this tensor's type ({@code torch.FloatTensor}, {@code torch.cuda.LongTensor};
     * bool has no legacy tensor type, so it keeps ATen's {@code CPUBoolType}).
     */
    private String legacyTypeName() {
        if (dtype() == DType.BOOL) {
            return device().isCpu() ? "CPUBoolType" : "CUDABoolType";
        }
        return (device().isCpu() ? "torch." : "torch.cuda.") + dtype().scalarTypeName() + "Tensor";
    }

    /** {@code tensor.expand_as(other)}. */
    public Tensor expandAs(Tensor other) {
        return expand(other.shape);
    }

    /** {@code tensor.narrow(dim, start, length)}. */
    public Tensor narrow(int dim, int start, int length) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("narrow() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        int size = shape[d];
        int s = start == size ? start : Shapes.wrapDim(start, size);
        if (length < 0 || s > size - length) {
            throw new IllegalArgumentException("start (" + s + ") + length (" + length
                    + ") exceeds dimension size (" + size + ").");
        }
        return Dispatcher.of(this).slice(this, d, s, s + length, 1);
    }

    /** {@code tensor[..., start:end, ...]} along dim, Python slice semantics (clamped, negatives from the end). */
    public Tensor slice(int dim, int start, int end) {
        return slice(dim, start, end, 1);
    }

    /** {@code tensor[..., start:end:step, ...]} along dim. */
    public Tensor slice(int dim, int start, int end, int step) {
        if (step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must be greater than zero");
        }
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("slice() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        int size = shape[d];
        int s = clampSliceBound(start, size);
        int e = Math.max(clampSliceBound(end, size), s);
        return Dispatcher.of(this).slice(this, d, s, e, step);
    }

    private static int clampSliceBound(int bound, int size) {
        int b = bound < 0 ? bound + size : bound;
        return Math.min(Math.max(b, 0), size);
    }

    /** {@code tensor.select(dim, index)}: drops dim, keeping the index-th slice. */
    public Tensor select(int dim, int index) {
        if (shape.length == 0) {
            throw new IndexOutOfBoundsException("select() cannot be applied to a 0-dim tensor.");
        }
        int d = Shapes.wrapDim(dim, shape.length);
        int size = shape[d];
        if (index < -size || index >= size) {
            throw new IndexOutOfBoundsException("select(): index " + index + " out of range for tensor of size "
                    + Shapes.format(shape) + " at dimension " + d);
        }
        return Dispatcher.of(this).select(this, d, index < 0 ? index + size : index);
    }

    /** {@code tensor[i]}, {@code tensor[i, j]}, ...: select along the leading dims. */
    public Tensor get(int... indices) {
        Tensor t = this;
        for (int index : indices) {
            t = t.select(0, index);
        }
        return t;
    }

    /** {@code torch.as_strided(tensor, size, stride, storage_offset)}. */
    public Tensor asStrided(int[] size, int[] stride, int storageOffset) {
        if (size.length != stride.length) {
            throw new IllegalArgumentException("mismatch in length of strides and shape");
        }
        return Dispatcher.of(this).asStrided(this, size.clone(), stride.clone(), storageOffset);
    }

    /** {@code tensor.unbind(dim)}. */
    public Tensor[] unbind(int dim) {
        int d = Shapes.wrapDim(dim, shape.length);
        return Dispatcher.of(this).unbind(this, existingDim(d, d));
    }

    /** {@code tensor.split(split_size, dim)}: views of splitSize along dim (the last may be smaller). */
    public Tensor[] split(int splitSize, int dim) {
        checkSplittable("split");
        if (splitSize < 0) {
            throw new IllegalArgumentException("split expects split_size be non-negative, but got split_size=" + splitSize);
        }
        int d = Shapes.wrapDim(dim, shape.length);
        if (splitSize == 0 && shape[d] != 0) {
            throw new IllegalArgumentException("split_size can only be 0 if dimension size is 0, but got dimension size of "
                    + shape[d]);
        }
        return Dispatcher.of(this).split(this, splitSize, d);
    }

    /** {@code tensor.split(split_size)} along dim 0. */
    public Tensor[] split(int splitSize) {
        return split(splitSize, 0);
    }

    /** {@code tensor.split([sizes], dim)}: views of the given sizes, which must add up to the dim's size. */
    public Tensor[] split(int[] sizes, int dim) {
        checkSplittable("split");
        int d = Shapes.wrapDim(dim, shape.length);
        int total = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("split_with_sizes expects split_sizes have only non-negative entries, "
                        + "but got split_sizes=" + Shapes.format(sizes));
            }
            total += s;
        }
        if (total != shape[d]) {
            throw new IllegalArgumentException("split_with_sizes expects split_sizes to sum exactly to " + shape[d]
                    + " (input tensor's size at dimension " + dim + "), but got split_sizes=" + Shapes.format(sizes));
        }
        return Dispatcher.of(this).splitWithSizes(this, sizes.clone(), d);
    }

    /** {@code tensor.chunk(chunks, dim)}: at most {@code chunks} views of equal size (the last may be smaller). */
    public Tensor[] chunk(int chunks, int dim) {
        checkSplittable("chunk");
        if (chunks <= 0) {
            throw new IllegalArgumentException("chunk expects `chunks` to be greater than 0, got: " + chunks);
        }
        int d = Shapes.wrapDim(dim, shape.length);
        int splitSize = (shape[d] + chunks - 1) / chunks;
        if (splitSize == 0 && shape[d] == 0) {
            return Dispatcher.of(this).splitWithSizes(this, new int[chunks], d);
        }
        return split(splitSize, d);
    }

    private void checkSplittable(String op) {
        if (shape.length == 0) {
            throw new IllegalArgumentException(op + " expects at least a 1-dimensional tensor");
        }
    }

    /** {@code tensor.chunk(chunks)} along dim 0. */
    public Tensor[] chunk(int chunks) {
        return chunk(chunks, 0);
    }

    // ------------------------------------------------------------------ elementwise binary

    /** {@code tensor + other}. */
    public Tensor add(Tensor other) {
        return add(other, 1.0);
    }

    /** {@code torch.add(tensor, other, alpha=alpha)}. */
    public Tensor add(Tensor other, double alpha) {
        return Dispatcher.of(this, other).add(this, other, alpha, null);
    }

    /** {@code tensor + value}. */
    public Tensor add(double value) {
        return add(wrappedNumber(value));
    }

    /** {@code tensor + value} for an integer value. */
    public Tensor add(long value) {
        return add(wrappedNumber(value));
    }

    /** {@code tensor += other}. */
    public Tensor add_(Tensor other) {
        return add_(other, 1.0);
    }

    /** {@code tensor.add_(other, alpha=alpha)}. */
    public Tensor add_(Tensor other, double alpha) {
        return Dispatcher.of(this, other).add(this, other, alpha, this);
    }

    /** {@code tensor += value}. */
    public Tensor add_(double value) {
        return add_(wrappedNumber(value));
    }

    /** {@code tensor += value} for an integer value. */
    public Tensor add_(long value) {
        return add_(wrappedNumber(value));
    }

    /** {@code tensor - other}. */
    public Tensor sub(Tensor other) {
        return sub(other, 1.0);
    }

    /** {@code torch.sub(tensor, other, alpha=alpha)}. */
    public Tensor sub(Tensor other, double alpha) {
        return Dispatcher.of(this, other).sub(this, other, alpha, null);
    }

    /** {@code tensor - value}. */
    public Tensor sub(double value) {
        return sub(wrappedNumber(value));
    }

    /** {@code tensor - value} for an integer value. */
    public Tensor sub(long value) {
        return sub(wrappedNumber(value));
    }

    /** {@code tensor -= other}. */
    public Tensor sub_(Tensor other) {
        return sub_(other, 1.0);
    }

    /** {@code tensor.sub_(other, alpha=alpha)}. */
    public Tensor sub_(Tensor other, double alpha) {
        return Dispatcher.of(this, other).sub(this, other, alpha, this);
    }

    /** {@code tensor -= value}. */
    public Tensor sub_(double value) {
        return sub_(wrappedNumber(value));
    }

    /** {@code tensor -= value} for an integer value. */
    public Tensor sub_(long value) {
        return sub_(wrappedNumber(value));
    }

    /** {@code value - tensor} ({@code torch.rsub}). */
    public Tensor rsub(double value) {
        return wrappedNumber(value).sub(this);
    }

    /** {@code value - tensor} for an integer value (integer tensors stay integer). */
    public Tensor rsub(long value) {
        return wrappedNumber(value).sub(this);
    }

    /** {@code tensor * other}. */
    public Tensor mul(Tensor other) {
        return Dispatcher.of(this, other).mul(this, other, null);
    }

    /** {@code tensor * value}. */
    public Tensor mul(double value) {
        return mul(wrappedNumber(value));
    }

    /** {@code tensor * value} for an integer value. */
    public Tensor mul(long value) {
        return mul(wrappedNumber(value));
    }

    /** {@code tensor *= other}. */
    public Tensor mul_(Tensor other) {
        return Dispatcher.of(this, other).mul(this, other, this);
    }

    /** {@code tensor *= value}. */
    public Tensor mul_(double value) {
        return mul_(wrappedNumber(value));
    }

    /** {@code tensor *= value} for an integer value. */
    public Tensor mul_(long value) {
        return mul_(wrappedNumber(value));
    }

    /** {@code tensor / other} (true division). */
    public Tensor div(Tensor other) {
        return Dispatcher.of(this, other).div(this, other, null);
    }

    /** {@code tensor / value}. */
    public Tensor div(double value) {
        return div(wrappedNumber(value));
    }

    /** {@code tensor / value} for an integer value. */
    public Tensor div(long value) {
        return div(wrappedNumber(value));
    }

    /** {@code tensor /= other}. */
    public Tensor div_(Tensor other) {
        return Dispatcher.of(this, other).div(this, other, this);
    }

    /** {@code tensor /= value}. */
    public Tensor div_(double value) {
        return div_(wrappedNumber(value));
    }

    /** {@code tensor ** exponent}. */
    public Tensor pow(Tensor exponent) {
        return Dispatcher.of(this, exponent).pow(this, exponent, null);
    }

    /** {@code tensor ** exponent}. */
    public Tensor pow(double exponent) {
        return pow(wrappedNumber(exponent));
    }

    /** {@code tensor ** exponent} for an integer exponent. */
    public Tensor pow(long exponent) {
        return pow(wrappedNumber(exponent));
    }

    /** {@code tensor **= exponent}. */
    public Tensor pow_(Tensor exponent) {
        return Dispatcher.of(this, exponent).pow(this, exponent, this);
    }

    /** {@code tensor **= exponent}. */
    public Tensor pow_(double exponent) {
        return pow_(wrappedNumber(exponent));
    }

    /** {@code tensor **= exponent} for an integer exponent (integer tensors stay integer). */
    public Tensor pow_(long exponent) {
        return pow_(wrappedNumber(exponent));
    }

    /** {@code tensor % other} (Python semantics). */
    public Tensor remainder(Tensor other) {
        return Dispatcher.of(this, other).remainder(this, other, null);
    }

    /** {@code tensor % value}. */
    public Tensor remainder(double value) {
        return remainder(wrappedNumber(value));
    }

    /** {@code tensor % value} for an integer value. */
    public Tensor remainder(long value) {
        return remainder(wrappedNumber(value));
    }

    /** {@code torch.maximum(tensor, other)}. */
    public Tensor maximum(Tensor other) {
        return Dispatcher.of(this, other).maximum(this, other, null);
    }

    /** {@code torch.minimum(tensor, other)}. */
    public Tensor minimum(Tensor other) {
        return Dispatcher.of(this, other).minimum(this, other, null);
    }

    /** {@code torch.atan2(tensor, other)}. */
    public Tensor atan2(Tensor other) {
        return Dispatcher.of(this, other).atan2(this, other, null);
    }

    // ------------------------------------------------------------------ comparisons and logic

    /** {@code tensor == other}. */
    public Tensor eq(Tensor other) {
        return Dispatcher.of(this, other).eq(this, other, null);
    }

    /** {@code tensor == value}: a bool tensor. */
    public Tensor eq(double value) {
        return eq(wrappedNumber(value));
    }

    /** {@code tensor == value} for an integer value: a bool tensor. */
    public Tensor eq(long value) {
        return eq(wrappedNumber(value));
    }

    /** {@code tensor != other}. */
    public Tensor ne(Tensor other) {
        return Dispatcher.of(this, other).ne(this, other, null);
    }

    /** {@code tensor != value}: a bool tensor. */
    public Tensor ne(double value) {
        return ne(wrappedNumber(value));
    }

    /** {@code tensor != value} for an integer value: a bool tensor. */
    public Tensor ne(long value) {
        return ne(wrappedNumber(value));
    }

    /** {@code tensor < other}. */
    public Tensor lt(Tensor other) {
        return Dispatcher.of(this, other).lt(this, other, null);
    }

    /** {@code tensor < value}: a bool tensor. */
    public Tensor lt(double value) {
        return lt(wrappedNumber(value));
    }

    /** {@code tensor < value} for an integer value: a bool tensor. */
    public Tensor lt(long value) {
        return lt(wrappedNumber(value));
    }

    /** {@code tensor <= other}. */
    public Tensor le(Tensor other) {
        return Dispatcher.of(this, other).le(this, other, null);
    }

    /** {@code tensor <= value}: a bool tensor. */
    public Tensor le(double value) {
        return le(wrappedNumber(value));
    }

    /** {@code tensor <= value} for an integer value: a bool tensor. */
    public Tensor le(long value) {
        return le(wrappedNumber(value));
    }

    /** {@code tensor > other}. */
    public Tensor gt(Tensor other) {
        return Dispatcher.of(this, other).gt(this, other, null);
    }

    /** {@code tensor > value}: a bool tensor. */
    public Tensor gt(double value) {
        return gt(wrappedNumber(value));
    }

    /** {@code tensor > value} for an integer value: a bool tensor. */
    public Tensor gt(long value) {
        return gt(wrappedNumber(value));
    }

    /** {@code tensor >= other}. */
    public Tensor ge(Tensor other) {
        return Dispatcher.of(this, other).ge(this, other, null);
    }

    /** {@code tensor >= value}: a bool tensor. */
    public Tensor ge(double value) {
        return ge(wrappedNumber(value));
    }

    /** {@code tensor >= value} for an integer value: a bool tensor. */
    public Tensor ge(long value) {
        return ge(wrappedNumber(value));
    }

    /** {@code torch.equal(tensor, other)}: same shape and same elements. */
    public boolean equal(Tensor other) {
        return java.util.Arrays.equals(shape, other.shape) && eq(other).all().itemBool();
    }

    /**
     * {@code torch.allclose(tensor, other, rtol, atol)}: both of one dtype, and every pair of elements (broadcast)
     * equal or within {@code atol + rtol * |other|}, computed in that dtype (float32 for integers and bool).
     * Equal infinities are close; NaN is close to nothing.
     */
    public boolean allclose(Tensor other, double rtol, double atol) {
        if (dtype() != other.dtype()) {
            throw new IllegalArgumentException(dtype().scalarTypeName() + " did not match " + other.dtype().scalarTypeName());
        }
        Tensor close = eq(other);
        if (rtol != 0 || atol != 0) {
            DType floating = TypePromotion.toFloating(dtype());
            Tensor a = to(floating);
            Tensor b = other.to(floating);
            Tensor error = a.sub(b).abs();
            close = close.logicalOr(error.le(b.mul(rtol).abs().add(atol)).logicalAnd(error.lt(Double.POSITIVE_INFINITY)));
        }
        return close.all().itemBool();
    }

    /** {@code torch.allclose(tensor, other)} with rtol=1e-5, atol=1e-8. */
    public boolean allclose(Tensor other) {
        return allclose(other, 1e-5, 1e-8);
    }

    /** {@code torch.logical_and}. */
    public Tensor logicalAnd(Tensor other) {
        return Dispatcher.of(this, other).logicalAnd(this, other, null);
    }

    /** {@code torch.logical_or}. */
    public Tensor logicalOr(Tensor other) {
        return Dispatcher.of(this, other).logicalOr(this, other, null);
    }

    /** {@code torch.logical_xor}. */
    public Tensor logicalXor(Tensor other) {
        return Dispatcher.of(this, other).logicalXor(this, other, null);
    }

    /** {@code torch.logical_not}. */
    public Tensor logicalNot() {
        return Dispatcher.of(this).logicalNot(this, null);
    }

    /** {@code tensor.any()}: whether any element is non-zero. */
    public Tensor any() {
        return ne(0L).sum().gt(0L);
    }

    /** {@code tensor.all()}: whether every element is non-zero. */
    public Tensor all() {
        return eq(0L).sum().eq(0L);
    }

    // ------------------------------------------------------------------ elementwise unary

    /** {@code -tensor}. */
    public Tensor neg() {
        return Dispatcher.of(this).neg(this, null);
    }

    /** {@code tensor.neg_()}: in place. */
    public Tensor neg_() {
        return Dispatcher.of(this).neg(this, this);
    }

    /** {@code torch.abs(tensor)}. */
    public Tensor abs() {
        return Dispatcher.of(this).abs(this, null);
    }

    /** {@code tensor.abs_()}: in place. */
    public Tensor abs_() {
        return Dispatcher.of(this).abs(this, this);
    }

    /** {@code torch.sign(tensor)}. */
    public Tensor sign() {
        return Dispatcher.of(this).sign(this, null);
    }

    /** {@code torch.exp(tensor)}. */
    public Tensor exp() {
        return Dispatcher.of(this).exp(this, null);
    }

    /** {@code tensor.exp_()}: in place. */
    public Tensor exp_() {
        return Dispatcher.of(this).exp(this, this);
    }

    /** {@code torch.log(tensor)}. */
    public Tensor log() {
        return Dispatcher.of(this).log(this, null);
    }

    /** {@code tensor.log_()}: in place. */
    public Tensor log_() {
        return Dispatcher.of(this).log(this, this);
    }

    /** {@code torch.log2(tensor)}. */
    public Tensor log2() {
        return Dispatcher.of(this).log2(this, null);
    }

    /** {@code torch.log10(tensor)}. */
    public Tensor log10() {
        return Dispatcher.of(this).log10(this, null);
    }

    /** {@code torch.log1p(tensor)}. */
    public Tensor log1p() {
        return Dispatcher.of(this).log1p(this, null);
    }

    /** {@code torch.expm1(tensor)}. */
    public Tensor expm1() {
        return Dispatcher.of(this).expm1(this, null);
    }

    /** {@code torch.sqrt(tensor)}. */
    public Tensor sqrt() {
        return Dispatcher.of(this).sqrt(this, null);
    }

    /** {@code tensor.sqrt_()}: in place. */
    public Tensor sqrt_() {
        return Dispatcher.of(this).sqrt(this, this);
    }

    /** {@code torch.rsqrt(tensor)}. */
    public Tensor rsqrt() {
        return Dispatcher.of(this).rsqrt(this, null);
    }

    /** {@code torch.reciprocal(tensor)}. */
    public Tensor reciprocal() {
        return Dispatcher.of(this).reciprocal(this, null);
    }

    /** {@code tensor.square()}: {@code tensor ** 2}. */
    public Tensor square() {
        return pow(2L);
    }

    /** {@code torch.sin(tensor)}. */
    public Tensor sin() {
        return Dispatcher.of(this).sin(this, null);
    }

    /** {@code torch.cos(tensor)}. */
    public Tensor cos() {
        return Dispatcher.of(this).cos(this, null);
    }

    /** {@code torch.tan(tensor)}. */
    public Tensor tan() {
        return Dispatcher.of(this).tan(this, null);
    }

    /** {@code torch.asin(tensor)}. */
    public Tensor asin() {
        return Dispatcher.of(this).asin(this, null);
    }

    /** {@code torch.acos(tensor)}. */
    public Tensor acos() {
        return Dispatcher.of(this).acos(this, null);
    }

    /** {@code torch.atan(tensor)}. */
    public Tensor atan() {
        return Dispatcher.of(this).atan(this, null);
    }

    /** {@code torch.sinh(tensor)}. */
    public Tensor sinh() {
        return Dispatcher.of(this).sinh(this, null);
    }

    /** {@code torch.cosh(tensor)}. */
    public Tensor cosh() {
        return Dispatcher.of(this).cosh(this, null);
    }

    /** {@code torch.tanh(tensor)}. */
    public Tensor tanh() {
        return Dispatcher.of(this).tanh(this, null);
    }

    /** {@code tensor.tanh_()}: in place. */
    public Tensor tanh_() {
        return Dispatcher.of(this).tanh(this, this);
    }

    /** {@code torch.sigmoid(tensor)}. */
    public Tensor sigmoid() {
        return Dispatcher.of(this).sigmoid(this, null);
    }

    /** {@code tensor.sigmoid_()}: in place. */
    public Tensor sigmoid_() {
        return Dispatcher.of(this).sigmoid(this, this);
    }

    /** {@code torch.relu(tensor)}. */
    public Tensor relu() {
        return Dispatcher.of(this).relu(this, null);
    }

    /** {@code tensor.relu_()}: in place. */
    public Tensor relu_() {
        return Dispatcher.of(this).relu(this, this);
    }

    /** {@code torch.erf(tensor)}. */
    public Tensor erf() {
        return Dispatcher.of(this).erf(this, null);
    }

    /** {@code torch.floor(tensor)}. */
    public Tensor floor() {
        return Dispatcher.of(this).floor(this, null);
    }

    /** {@code torch.ceil(tensor)}. */
    public Tensor ceil() {
        return Dispatcher.of(this).ceil(this, null);
    }

    /** {@code torch.round}: half to even. */
    public Tensor round() {
        return Dispatcher.of(this).round(this, null);
    }

    /** {@code torch.trunc(tensor)}. */
    public Tensor trunc() {
        return Dispatcher.of(this).trunc(this, null);
    }

    /**
     * {@code tensor.clamp(min, max)} with floating bounds, either of which may be null; as in PyTorch, the bounds
     * take part in type promotion, so an integer or bool tensor gives float32.
     */
    public Tensor clamp(Double min, Double max) {
        return clamp(min, max, true, false);
    }

    /** {@code tensor.clamp(min, max)} with integer bounds: integer tensors keep their dtype (bool gives int64). */
    public Tensor clamp(long min, long max) {
        return clamp((double) min, (double) max, false, false);
    }

    /** {@code tensor.clamp_(min, max)}; either bound may be null. */
    public Tensor clamp_(Double min, Double max) {
        return clamp(min, max, true, true);
    }

    /** {@code tensor.clamp_(min, max)} with integer bounds. */
    public Tensor clamp_(long min, long max) {
        return clamp((double) min, (double) max, false, true);
    }

    /** {@code tensor.clamp(min=min)}. */
    public Tensor clampMin(double min) {
        return clamp(min, null, true, false);
    }

    /** {@code tensor.clamp(min=min)} with an integer bound. */
    public Tensor clampMin(long min) {
        return clamp((double) min, null, false, false);
    }

    /** {@code tensor.clamp(max=max)}. */
    public Tensor clampMax(double max) {
        return clamp(null, max, true, false);
    }

    /** {@code tensor.clamp(max=max)} with an integer bound. */
    public Tensor clampMax(long max) {
        return clamp(null, (double) max, false, false);
    }

    /**
     * clamp with bounds that are Python floats or ints: the result dtype is this tensor's promoted with the bounds
     * (floating bounds turn integers into float32, integer bounds turn bool into int64), which an in-place clamp
     * must be able to store.
     */
    private Tensor clamp(Double min, Double max, boolean floatingBounds, boolean inPlace) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        }
        DType result = floatingBounds ? TypePromotion.toFloating(dtype()) : dtype() == DType.BOOL ? DType.INT64 : dtype();
        if (inPlace) {
            if (!DType.canCast(result, dtype())) {
                throw new IllegalArgumentException("result type " + result.scalarTypeName()
                        + " can't be cast to the desired output type " + TypePromotion.cppTypeName(dtype()));
            }
            return Dispatcher.of(this).clamp(this, min, max, this);
        }
        Tensor x = to(result);
        return Dispatcher.of(x).clamp(x, min, max, null);
    }

    // ------------------------------------------------------------------ selection

    /** {@code torch.where(condition, tensor, other)}. */
    public Tensor where(Tensor condition, Tensor other) {
        return Torch.where(condition, this, other);
    }

    /** {@code tensor.masked_fill(mask, value)}. */
    public Tensor maskedFill(Tensor mask, double value) {
        return maskedFill(mask, wrappedNumber(value));
    }

    /** {@code tensor.masked_fill(mask, value)} for an integer value. */
    public Tensor maskedFill(Tensor mask, long value) {
        return maskedFill(mask, wrappedNumber(value));
    }

    /** {@code tensor.masked_fill(mask, value)} with a 0-dim value tensor. */
    public Tensor maskedFill(Tensor mask, Tensor value) {
        return Dispatcher.of(this, mask, value).maskedFill(this, mask, checkMaskedFillValue(value), null);
    }

    /** {@code tensor.masked_fill_(mask, value)}. */
    public Tensor maskedFill_(Tensor mask, double value) {
        return maskedFill_(mask, wrappedNumber(value));
    }

    /** {@code tensor.masked_fill_(mask, value)} for an integer value. */
    public Tensor maskedFill_(Tensor mask, long value) {
        return maskedFill_(mask, wrappedNumber(value));
    }

    /** {@code tensor.masked_fill_(mask, value)} with a 0-dim value tensor. */
    public Tensor maskedFill_(Tensor mask, Tensor value) {
        return Dispatcher.of(this, mask, value).maskedFill(this, mask, checkMaskedFillValue(value), this);
    }

    private static Tensor checkMaskedFillValue(Tensor value) {
        if (value.dim() != 0) {
            throw new IllegalArgumentException("masked_fill_ only supports a 0-dimensional value tensor, but got tensor "
                    + "with " + value.dim() + " dimension(s).");
        }
        return value;
    }

    // ------------------------------------------------------------------ reductions

    /** {@code tensor.sum()}. */
    public Tensor sum() {
        return Dispatcher.of(this).sum(this, NO_DIMS, false, null);
    }

    /** {@code tensor.sum(dim)}. */
    public Tensor sum(int dim) {
        return sum(new int[] {dim}, false);
    }

    /** {@code tensor.sum(dim, keepdim)}. */
    public Tensor sum(int dim, boolean keepdim) {
        return sum(new int[] {dim}, keepdim);
    }

    /** {@code tensor.sum(dims, keepdim)}. */
    public Tensor sum(int[] dims, boolean keepdim) {
        return Dispatcher.of(this).sum(this, Shapes.wrapDims(dims, shape.length), keepdim, null);
    }

    /** {@code tensor.sum(dtype=dtype)}. */
    public Tensor sum(DType dtype) {
        return Dispatcher.of(this).sum(this, NO_DIMS, false, dtype);
    }

    /** {@code tensor.sum(dims, keepdim, dtype=dtype)}. */
    public Tensor sum(int[] dims, boolean keepdim, DType dtype) {
        return Dispatcher.of(this).sum(this, Shapes.wrapDims(dims, shape.length), keepdim, dtype);
    }

    /** {@code tensor.mean()}. */
    public Tensor mean() {
        return Dispatcher.of(this).mean(this, NO_DIMS, false);
    }

    /** {@code tensor.mean(dim)}. */
    public Tensor mean(int dim) {
        return mean(new int[] {dim}, false);
    }

    /** {@code tensor.mean(dim, keepdim)}. */
    public Tensor mean(int dim, boolean keepdim) {
        return mean(new int[] {dim}, keepdim);
    }

    /** {@code tensor.mean(dims, keepdim)}. */
    public Tensor mean(int[] dims, boolean keepdim) {
        return Dispatcher.of(this).mean(this, Shapes.wrapDims(dims, shape.length), keepdim);
    }

    /** {@code tensor.prod()}. */
    public Tensor prod() {
        return Dispatcher.of(this).prod(this, null, false);
    }

    /** {@code tensor.prod(dim, keepdim)}. */
    public Tensor prod(int dim, boolean keepdim) {
        return Dispatcher.of(this).prod(this, Shapes.wrapDim(dim, shape.length), keepdim);
    }

    /** {@code tensor.max()}: the largest element as a 0-dim tensor. */
    public Tensor max() {
        return Dispatcher.of(this).maxAll(this);
    }

    /** {@code tensor.max(dim)}: values and indices. */
    public ValuesIndices max(int dim) {
        return max(dim, false);
    }

    /** {@code tensor.max(dim, keepdim)}. */
    public ValuesIndices max(int dim, boolean keepdim) {
        Tensor[] r = Dispatcher.of(this).maxDim(this, Shapes.wrapDim(dim, shape.length), keepdim);
        return new ValuesIndices(r[0], r[1]);
    }

    /** {@code tensor.min()}. */
    public Tensor min() {
        return Dispatcher.of(this).minAll(this);
    }

    /** {@code tensor.min(dim)}. */
    public ValuesIndices min(int dim) {
        return min(dim, false);
    }

    /** {@code tensor.min(dim, keepdim)}. */
    public ValuesIndices min(int dim, boolean keepdim) {
        Tensor[] r = Dispatcher.of(this).minDim(this, Shapes.wrapDim(dim, shape.length), keepdim);
        return new ValuesIndices(r[0], r[1]);
    }

    /** {@code tensor.amax(dims, keepdim)}. */
    public Tensor amax(int[] dims, boolean keepdim) {
        return Dispatcher.of(this).amax(this, Shapes.wrapDims(dims, shape.length), keepdim);
    }

    /** {@code tensor.amin(dims, keepdim)}. */
    public Tensor amin(int[] dims, boolean keepdim) {
        return Dispatcher.of(this).amin(this, Shapes.wrapDims(dims, shape.length), keepdim);
    }

    /** {@code tensor.argmax()} over the flattened tensor. */
    public Tensor argmax() {
        return Dispatcher.of(this).argmax(this, null, false);
    }

    /** {@code tensor.argmax(dim, keepdim)}. */
    public Tensor argmax(int dim, boolean keepdim) {
        return Dispatcher.of(this).argmax(this, Shapes.wrapDim(dim, shape.length), keepdim);
    }

    /** {@code tensor.argmin()} over the flattened tensor. */
    public Tensor argmin() {
        return Dispatcher.of(this).argmin(this, null, false);
    }

    /** {@code tensor.argmin(dim, keepdim)}. */
    public Tensor argmin(int dim, boolean keepdim) {
        return Dispatcher.of(this).argmin(this, Shapes.wrapDim(dim, shape.length), keepdim);
    }

    /** {@code tensor.var()}: unbiased (correction 1). */
    public Tensor var() {
        return Dispatcher.of(this).var(this, NO_DIMS, 1, false);
    }

    /** {@code tensor.var(dim)} unbiased. */
    public Tensor var(int dim) {
        return var(new int[] {dim}, 1, false);
    }

    /** {@code tensor.var(dims, correction=c, keepdim)}. */
    public Tensor var(int[] dims, double correction, boolean keepdim) {
        return Dispatcher.of(this).var(this, Shapes.wrapDims(dims, shape.length), correction, keepdim);
    }

    /** {@code tensor.std()}: unbiased. */
    public Tensor std() {
        return Dispatcher.of(this).std(this, NO_DIMS, 1, false);
    }

    /** {@code tensor.std(dim)} unbiased. */
    public Tensor std(int dim) {
        return std(new int[] {dim}, 1, false);
    }

    /** {@code tensor.std(dims, correction=c, keepdim)}. */
    public Tensor std(int[] dims, double correction, boolean keepdim) {
        return Dispatcher.of(this).std(this, Shapes.wrapDims(dims, shape.length), correction, keepdim);
    }

    /** {@code tensor.norm()}: the 2-norm of all elements. */
    public Tensor norm() {
        return norm(2.0);
    }

    /** {@code tensor.norm(p)}. */
    public Tensor norm(double p) {
        return Dispatcher.of(this).norm(this, p, NO_DIMS, false);
    }

    /** {@code tensor.norm(p, dims, keepdim)}. */
    public Tensor norm(double p, int[] dims, boolean keepdim) {
        return Dispatcher.of(this).norm(this, p, Shapes.wrapDims(dims, shape.length), keepdim);
    }

    /** {@code tensor.logsumexp(dim, keepdim)}. */
    public Tensor logsumexp(int dim, boolean keepdim) {
        return logsumexp(new int[] {dim}, keepdim);
    }

    /** {@code tensor.logsumexp(dims, keepdim)}. */
    public Tensor logsumexp(int[] dims, boolean keepdim) {
        return Dispatcher.of(this).logsumexp(this, Shapes.wrapDims(dims, shape.length), keepdim);
    }

    /** {@code tensor.softmax(dim)}. */
    public Tensor softmax(int dim) {
        return Dispatcher.of(this).softmax(this, Shapes.wrapDim(dim, shape.length));
    }

    /** {@code tensor.log_softmax(dim)}. */
    public Tensor logSoftmax(int dim) {
        return Dispatcher.of(this).logSoftmax(this, Shapes.wrapDim(dim, shape.length));
    }

    /** {@code tensor.cumsum(dim)}. */
    public Tensor cumsum(int dim) {
        return Dispatcher.of(this).cumsum(this, Shapes.wrapDim(dim, shape.length));
    }

    // ------------------------------------------------------------------ linear algebra

    /** {@code tensor.mm(other)}: matrix product of two 2-d tensors. */
    public Tensor mm(Tensor other) {
        return Dispatcher.of(this, other).mm(this, other);
    }

    /** {@code tensor.bmm(other)}: batched matrix product of two 3-d tensors. */
    public Tensor bmm(Tensor other) {
        return Dispatcher.of(this, other).bmm(this, other);
    }

    /** {@code tensor.mv(vec)}. */
    public Tensor mv(Tensor vec) {
        return Dispatcher.of(this, vec).mv(this, vec);
    }

    /** {@code tensor.dot(other)}. */
    public Tensor dot(Tensor other) {
        return Dispatcher.of(this, other).dot(this, other);
    }

    /** {@code tensor.addmm(mat1, mat2)} ({@code torch.addmm}): {@code tensor + mat1 · mat2}, tensor broadcast. */
    public Tensor addmm(Tensor mat1, Tensor mat2) {
        return addmm(mat1, mat2, 1, 1);
    }

    /** {@code tensor.addmm(mat1, mat2, beta=beta, alpha=alpha)}: {@code beta * tensor + alpha * (mat1 · mat2)}. */
    public Tensor addmm(Tensor mat1, Tensor mat2, double beta, double alpha) {
        return Dispatcher.of(this, mat1, mat2).addmm(this, mat1, mat2, beta, alpha);
    }

    /** {@code tensor @ other} ({@code torch.matmul}): 1-d, 2-d and batched with broadcasting. */
    public Tensor matmul(Tensor other) {
        return Matmul.matmul(this, other);
    }

    /** {@code torch.outer(tensor, vec)}. */
    public Tensor outer(Tensor vec) {
        if (dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument self, but got " + dim() + "-D");
        }
        if (vec.dim() != 1) {
            throw new IllegalArgumentException("outer: Expected 1-D argument vec2, but got " + vec.dim() + "-D");
        }
        return reshape(-1, 1).mul(vec);
    }

    // ------------------------------------------------------------------ indexing

    /** {@code tensor.index_select(dim, index)}. */
    public Tensor indexSelect(int dim, Tensor index) {
        return Dispatcher.of(this, index).indexSelect(this, Shapes.wrapDim(dim, shape.length), index);
    }

    /** {@code tensor.gather(dim, index)}. */
    public Tensor gather(int dim, Tensor index) {
        return Dispatcher.of(this, index).gather(this, Shapes.wrapDim(dim, shape.length), index);
    }

    /** {@code tensor.scatter(dim, index, src)}. */
    public Tensor scatter(int dim, Tensor index, Tensor src) {
        return Dispatcher.of(this, index, src).scatter(this, Shapes.wrapDim(dim, shape.length), index, src, null);
    }

    /** {@code tensor.scatter(dim, index, value)}. */
    public Tensor scatter(int dim, Tensor index, double value) {
        return scatter(dim, index, wrappedNumber(value));
    }

    /** {@code tensor.scatter_(dim, index, src)}. */
    public Tensor scatter_(int dim, Tensor index, Tensor src) {
        return Dispatcher.of(this, index, src).scatter(this, Shapes.wrapDim(dim, shape.length), index, src, this);
    }

    /** {@code tensor.scatter_(dim, index, value)}. */
    public Tensor scatter_(int dim, Tensor index, double value) {
        return scatter_(dim, index, wrappedNumber(value));
    }

    /** {@code tensor.scatter_add(dim, index, src)}. */
    public Tensor scatterAdd(int dim, Tensor index, Tensor src) {
        return Dispatcher.of(this, index, src).scatterAdd(this, Shapes.wrapDim(dim, shape.length), index, src, null);
    }

    /** {@code tensor.scatter_add_(dim, index, src)}. */
    public Tensor scatterAdd_(int dim, Tensor index, Tensor src) {
        return Dispatcher.of(this, index, src).scatterAdd(this, Shapes.wrapDim(dim, shape.length), index, src, this);
    }

    /** {@code tensor[mask]} for a bool mask. */
    public Tensor index(Tensor mask) {
        return Dispatcher.of(this, mask).indexMask(this, mask);
    }

    /** {@code tensor[mask] = values}. */
    public Tensor indexPut_(Tensor mask, Tensor values) {
        return Dispatcher.of(this, mask, values).indexPutMask(this, mask, values, this);
    }

    /** {@code tensor[mask] = value}. */
    public Tensor indexPut_(Tensor mask, double value) {
        return indexPut_(mask, wrappedNumber(value));
    }

    /** {@code tensor.masked_select(mask)}: mask broadcasts with the tensor. */
    public Tensor maskedSelect(Tensor mask) {
        if (mask.dtype() != DType.BOOL) {
            throw new IllegalArgumentException("masked_select: expected BoolTensor or ByteTensor for mask");
        }
        return Dispatcher.of(this, mask).maskedSelect(this, mask);
    }

    // ------------------------------------------------------------------ sampling (in place, from a Generator)

    /** {@code tensor.uniform_(from, to)} from the default generator. */
    public Tensor uniform_(double from, double to) {
        return uniform_(from, to, Generator.defaultGenerator());
    }

    /** {@code tensor.uniform_(from, to, generator=g)}. */
    public Tensor uniform_(double from, double to, Generator g) {
        return RandomFill.uniform_(this, from, to, g);
    }

    /** {@code tensor.normal_(mean, std)} from the default generator. */
    public Tensor normal_(double mean, double std) {
        return normal_(mean, std, Generator.defaultGenerator());
    }

    /** {@code tensor.normal_(mean, std, generator=g)}. */
    public Tensor normal_(double mean, double std, Generator g) {
        return RandomFill.normal_(this, mean, std, g);
    }

    /** {@code tensor.random_(from, to)}: integers in [from, to). */
    public Tensor random_(long from, long to) {
        return random_(from, to, Generator.defaultGenerator());
    }

    /** {@code tensor.random_(from, to, generator=g)}. */
    public Tensor random_(long from, long to, Generator g) {
        return RandomFill.random_(this, from, to, g);
    }

    /**
     * {@code tensor.random_()}: integers over the dtype's range ([0, 2^63) for int64, [0, 2^53] for float64,
     * ...) from the default generator.
     */
    public Tensor random_() {
        return random_(Generator.defaultGenerator());
    }

    /** {@code tensor.random_(generator=g)}. */
    public Tensor random_(Generator g) {
        return RandomFill.random_(this, g);
    }

    /** {@code tensor.bernoulli_(p)}. */
    public Tensor bernoulli_(double p) {
        return bernoulli_(p, Generator.defaultGenerator());
    }

    /** {@code tensor.bernoulli_(p, generator=g)}. */
    public Tensor bernoulli_(double p, Generator g) {
        return RandomFill.bernoulli_(this, p, g);
    }

    // ------------------------------------------------------------------ printing

    /** What PyTorch prints for {@code repr(tensor)}, character for character. */
    @Override
    public String toString() {
        return TensorFormatter.format(this);
    }
}
