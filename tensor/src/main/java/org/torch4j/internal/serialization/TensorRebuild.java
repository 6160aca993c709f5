package org.torch4j.internal.serialization;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.torch4j.Tensor;
import org.torch4j.internal.CpuStorage;
import org.torch4j.serialization.SerializationException;
import org.torch4j.serialization.Tuple;

/**
 * What {@code torch._utils._rebuild_tensor_v2} and {@code _rebuild_parameter} do on load, with checks: a view of
 * a loaded storage with the pickled offset, size and stride, which must stay inside the storage (views of one
 * storage keep sharing it). Backward hooks are not restored (they would be Python code).
 */
final class TensorRebuild {
    private TensorRebuild() {
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    static Tensor tensorV2(Tuple args) throws SerializationException {
        if (args.size() != 6 && args.size() != 7) {
            throw new SerializationException("_rebuild_tensor_v2 takes 6 or 7 arguments, got " + args.size());
        }
        CpuStorage storage = arg(args, 0, CpuStorage.class, "storage");
        long offset = arg(args, 1, Long.class, "storage_offset");
        int[] size = dims(arg(args, 2, Tuple.class, "size"), "size");
        int[] stride = dims(arg(args, 3, Tuple.class, "stride"), "stride");
        boolean requiresGrad = arg(args, 4, Boolean.class, "requires_grad");
        arg(args, 5, Map.class, "backward_hooks");
        checkGeometry(storage.length(), offset, size, stride);
        return withRequiresGrad(Tensor.of(storage, size, stride, (int) offset), requiresGrad);
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks)}: a new tensor sharing data's storage. */
    static Tensor parameter(Tuple args) throws SerializationException {
        if (args.size() != 3) {
            throw new SerializationException("_rebuild_parameter takes 3 arguments, got " + args.size());
        }
        Tensor data = arg(args, 0, Tensor.class, "data");
        boolean requiresGrad = arg(args, 1, Boolean.class, "requires_grad");
        arg(args, 2, Map.class, "backward_hooks");
        return withRequiresGrad(Tensor.of(data.storage(), data.shape(), data.stride(), data.storageOffset()), requiresGrad);
    }

    private static Tensor withRequiresGrad(Tensor t, boolean requiresGrad) throws SerializationException {
        if (requiresGrad && !t.isFloatingPoint()) {
            throw new SerializationException("a tensor of dtype " + t.dtype().pythonName() + " cannot require grad");
        }
        return requiresGrad ? t.requiresGrad_(true) : t;
    }

    private static <T> T arg(List<Object> args, int i, Class<T> type, String name) throws SerializationException {
        Object v = args.get(i);
        if (!type.isInstance(v)) {
            throw new SerializationException("tensor rebuild: argument " + name + " should be a " + type.getSimpleName()
                    + " but is " + Unpickler.describe(v));
        }
        return type.cast(v);
    }

    private static int[] dims(Tuple values, String name) throws SerializationException {
        int[] dims = new int[values.size()];
        for (int i = 0; i < dims.length; i++) {
            Object v = values.get(i);
            if (!(v instanceof Long) || (Long) v < 0 || (Long) v > Integer.MAX_VALUE) {
                throw new SerializationException("tensor rebuild: bad " + name + " " + values);
            }
            dims[i] = (int) (long) (Long) v;
        }
        return dims;
    }

    /** The view must address elements of the storage only (empty tensors: an offset within it). */
    private static void checkGeometry(int storageLength, long offset, int[] size, int[] stride)
            throws SerializationException {
        if (size.length != stride.length) {
            throw new SerializationException("tensor rebuild: size and stride have different lengths");
        }
        long numel = 1;
        long last = offset;
        for (int i = 0; i < size.length; i++) {
            numel = Math.min(numel * size[i], (long) Integer.MAX_VALUE + 1);
            last += size[i] == 0 ? 0 : (long) (size[i] - 1) * stride[i];
            last = Math.min(last, Long.MAX_VALUE / 4);
        }
        if (numel > Integer.MAX_VALUE) {
            throw new SerializationException("tensor rebuild: more elements than a torch4j tensor can hold");
        }
        if (offset < 0 || offset > storageLength || (numel > 0 && last >= storageLength)) {
            throw new SerializationException("tensor rebuild: a view with offset " + offset + ", size "
                    + Arrays.toString(size) + " and stride " + Arrays.toString(stride)
                    + " reaches outside its storage of " + storageLength + " elements");
        }
    }
}
