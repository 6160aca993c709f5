package org.torch4j.internal.serialization;

import java.util.HashMap;
import java.util.Map;
import org.torch4j.DType;
import org.torch4j.serialization.SerializationException;

/**
 * The allow-list of Python globals that a state dict may name ({@code GLOBAL} and {@code STACK_GLOBAL}), as
 * {@code torch.load(weights_only=True)} has one: {@code collections.OrderedDict}, the tensor rebuild functions, the
 * typed storage classes and the dtypes of torch4j's dtypes. Nothing is imported or called: each name maps to a
 * plain Java marker. Any other name fails, naming the global.
 */
final class TorchGlobals {
    /** The functions that {@code REDUCE} may apply. */
    enum Function { ORDERED_DICT, REBUILD_TENSOR_V2, REBUILD_PARAMETER }

    /** A typed storage class such as {@code torch.FloatStorage}, which the persistent id of a storage names. */
    static final class StorageType {
        final String name;
        final DType dtype;

        StorageType(String name, DType dtype) {
            this.name = name;
            this.dtype = dtype;
        }
    }

    private static final Map<String, Object> ALLOWED = new HashMap<>();
    private static final Map<String, String> UNSUPPORTED_DTYPES = new HashMap<>();

    static {
        ALLOWED.put("collections.OrderedDict", Function.ORDERED_DICT);
        ALLOWED.put("torch._utils._rebuild_tensor_v2", Function.REBUILD_TENSOR_V2);
        ALLOWED.put("torch._utils._rebuild_parameter", Function.REBUILD_PARAMETER);
        for (DType d : DType.values()) {
            ALLOWED.put("torch." + storageClass(d), new StorageType("torch." + storageClass(d), d));
            ALLOWED.put("torch." + d.pythonName(), d);
        }
        String[][] unsupported = {
            {"Half", "float16"}, {"BFloat16", "bfloat16"}, {"Byte", "uint8"}, {"Char", "int8"}, {"Short", "int16"},
            {"ComplexFloat", "complex64"}, {"ComplexDouble", "complex128"}, {"QUInt8", "quint8"}, {"QInt8", "qint8"},
            {"QInt32", "qint32"}, {"QUInt4x2", "quint4x2"}, {"QUInt2x4", "quint2x4"}, {"Untyped", "uint8"},
        };
        for (String[] u : unsupported) {
            UNSUPPORTED_DTYPES.put("torch." + u[0] + "Storage", u[1]);
            UNSUPPORTED_DTYPES.put("torch." + u[1], u[1]);
        }
        UNSUPPORTED_DTYPES.put("torch.complex32", "complex32");
    }

    private TorchGlobals() {
    }

    /** The storage class PyTorch pickles for a dtype ({@code FloatStorage} for float32). */
    static String storageClass(DType dtype) {
        switch (dtype) {
            case FLOAT32: return "FloatStorage";
            case FLOAT64: return "DoubleStorage";
            case INT64: return "LongStorage";
            case INT32: return "IntStorage";
            default: return "BoolStorage";
        }
    }

    /** The marker for {@code module.name}: a {@link Function}, a {@link StorageType} or a {@link DType}. */
    static Object resolve(String module, String name) throws SerializationException {
        String global = module + "." + name;
        Object marker = ALLOWED.get(global);
        if (marker != null) {
            return marker;
        }
        String dtype = UNSUPPORTED_DTYPES.get(global);
        if (dtype != null) {
            throw new SerializationException("unsupported dtype " + dtype + " (" + global
                    + "): torch4j has float32, float64, int64, int32 and bool");
        }
        throw new SerializationException("unsupported global '" + global + "': torch4j loads tensors, numbers, "
                + "strings, lists, tuples and dicts only, and never imports or runs what a file names");
    }
}
