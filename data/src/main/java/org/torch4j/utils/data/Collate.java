package org.torch4j.utils.data;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * {@code torch.utils.data.default_collate}: turns a list of samples into a batch, recursively and field by field.
 *
 * <ul>
 *   <li>{@link Tensor}s are stacked on a new first dimension ({@code Torch.stack}); samples of different shapes
 *       fail with stack's message.</li>
 *   <li>Primitive arrays (float[], double[][], long[], int[], boolean[]: the analog of NumPy arrays) become tensors
 *       of their element type, then are stacked.</li>
 *   <li>Numbers become a 1-d tensor as Python numbers do: Integer, Long, Short and Byte give int64, Double and Float
 *       give float64 (Python floats are doubles), Booleans give bool; a batch that starts with an integer or a
 *       boolean and holds a floating number gives float32 and one mixing booleans and integers gives int64, as
 *       {@code torch.tensor([...])} infers.</li>
 *   <li>Strings (any CharSequence) are returned unchanged, as a list.</li>
 *   <li>Maps give a {@link LinkedHashMap} with the keys of the first sample, each value collated.</li>
 *   <li>Lists and object arrays (Tensor[], Object[]) are collated position by position (all samples must have the
 *       same size); lists give an ArrayList, arrays an array of the same component type when every collated value
 *       fits it (Tensor[] stays Tensor[]), an Object[] otherwise.</li>
 *   <li>Records are collated component by component and rebuilt with their canonical constructor when every
 *       collated value fits its component's type (a record of Tensors stays that record); otherwise the result is
 *       a {@link LinkedHashMap} from component name to collated value (an {@code int} component becomes a Tensor,
 *       which the record cannot hold), as Python falls back to a plain dict.</li>
 * </ul>
 */
public final class Collate {
    private Collate() {
    }

    /** The default collate function as a {@code Function}, typed for a DataLoader's item and batch types. */
    @SuppressWarnings("unchecked")
    public static <T, B> Function<List<T>, B> defaultCollateFn() {
        return batch -> (B) defaultCollate(batch);
    }

    /** {@code default_collate(batch)}. */
    public static Object defaultCollate(List<?> batch) {
        if (batch.isEmpty()) {
            throw new IllegalArgumentException("default_collate: the batch is empty");
        }
        Object elem = batch.get(0);
        if (elem instanceof Tensor) {
            return stack(batch);
        } else if (elem != null && elem.getClass().isArray() && isPrimitiveArray(elem.getClass())) {
            List<Tensor> tensors = new ArrayList<>(batch.size());
            for (Object sample : batch) {
                tensors.add(Torch.tensor(sample));
            }
            return stack(tensors);
        } else if (elem instanceof Double || elem instanceof Float) {
            return floats(batch);
        } else if (elem instanceof Boolean || isIntegral(elem)) {
            return inferred(batch);
        } else if (elem instanceof CharSequence) {
            return new ArrayList<>(batch);
        } else if (elem instanceof Map) {
            return collateMap(batch, (Map<?, ?>) elem);
        } else if (elem instanceof Record) {
            return collateRecord(batch, (Record) elem);
        } else if (elem instanceof List || elem instanceof Object[]) {
            return collateSequence(batch, elem);
        }
        throw new IllegalArgumentException("default_collate: batch must contain tensors, primitive arrays, numbers, "
                + "strings, maps, lists, arrays or records; found " + (elem == null ? "null" : elem.getClass().getName()));
    }

    private static Tensor stack(List<?> batch) {
        Tensor[] tensors = new Tensor[batch.size()];
        for (int i = 0; i < tensors.length; i++) {
            Object sample = batch.get(i);
            if (!(sample instanceof Tensor)) {
                throw new IllegalArgumentException("expected Tensor as element " + i + " in argument 0, but got "
                        + typeName(sample));
            }
            tensors[i] = (Tensor) sample;
        }
        return Torch.stack(tensors, 0);
    }

    private static boolean isPrimitiveArray(Class<?> type) {
        Class<?> leaf = type;
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
        }
        return leaf.isPrimitive();
    }

    private static boolean isIntegral(Object o) {
        return o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte;
    }

    /** {@code torch.tensor(batch, dtype=torch.float64)}. */
    private static Tensor floats(List<?> batch) {
        double[] values = new double[batch.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(batch, i);
        }
        return Torch.tensor(values);
    }

    /** {@code torch.tensor(batch)}: bool, int64 or float32 as the mix of booleans, integers and floats asks. */
    private static Tensor inferred(List<?> batch) {
        boolean anyFloat = false;
        boolean anyInteger = false;
        for (int i = 0; i < batch.size(); i++) {
            Object o = batch.get(i);
            number(batch, i);
            anyFloat |= o instanceof Double || o instanceof Float;
            anyInteger |= isIntegral(o);
        }
        int n = batch.size();
        if (anyFloat) {
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = (float) number(batch, i);
            }
            return Torch.tensor(values);
        } else if (anyInteger) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                Object o = batch.get(i);
                values[i] = o instanceof Boolean ? ((Boolean) o ? 1 : 0) : ((Number) o).longValue();
            }
            return Torch.tensor(values);
        }
        boolean[] values = new boolean[n];
        for (int i = 0; i < n; i++) {
            values[i] = (Boolean) batch.get(i);
        }
        return Torch.tensor(values);
    }

    private static double number(List<?> batch, int i) {
        Object o = batch.get(i);
        if (o instanceof Boolean) {
            return (Boolean) o ? 1 : 0;
        } else if (isIntegral(o) || o instanceof Double || o instanceof Float) {
            return ((Number) o).doubleValue();
        }
        throw new IllegalArgumentException("default_collate: expected a number as element " + i + " of the batch, "
                + "but got " + typeName(o));
    }

    private static Map<Object, Object> collateMap(List<?> batch, Map<?, ?> first) {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Object key : first.keySet()) {
            List<Object> values = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Object sample = batch.get(i);
                if (!(sample instanceof Map) || !((Map<?, ?>) sample).containsKey(key)) {
                    throw new IllegalArgumentException("default_collate: key '" + key + "' is missing in element " + i
                            + " of the batch");
                }
                values.add(((Map<?, ?>) sample).get(key));
            }
            out.put(key, defaultCollate(values));
        }
        return out;
    }

    private static Object collateRecord(List<?> batch, Record first) {
        RecordComponent[] components = first.getClass().getRecordComponents();
        Object[] collated = new Object[components.length];
        boolean fits = true;
        for (int c = 0; c < components.length; c++) {
            List<Object> values = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Object sample = batch.get(i);
                if (sample == null || sample.getClass() != first.getClass()) {
                    throw new IllegalArgumentException("default_collate: element " + i + " of the batch is a "
                            + typeName(sample) + ", not a " + first.getClass().getName());
                }
                values.add(invoke(components[c], sample));
            }
            collated[c] = defaultCollate(values);
            fits &= components[c].getType().isInstance(collated[c]);
        }
        if (fits) {
            return construct(first.getClass(), components, collated);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < components.length; c++) {
            out.put(components[c].getName(), collated[c]);
        }
        return out;
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            component.getAccessor().trySetAccessible();
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("default_collate: cannot read record component " + component.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("default_collate: record accessor " + component.getName() + " failed",
                    e.getCause());
        }
    }

    private static Object construct(Class<?> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            types[c] = components[c].getType();
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.trySetAccessible();
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("default_collate: cannot rebuild record " + type.getName(), e);
        }
    }

    private static Object collateSequence(List<?> batch, Object first) {
        int size = sizeOf(first);
        List<List<Object>> transposed = new ArrayList<>(size);
        for (int p = 0; p < size; p++) {
            transposed.add(new ArrayList<>(batch.size()));
        }
        for (Object sample : batch) {
            if (!(sample instanceof List || sample instanceof Object[]) || sizeOf(sample) != size) {
                throw new IllegalArgumentException("each element in list of batch should be of equal size");
            }
            for (int p = 0; p < size; p++) {
                transposed.get(p).add(sample instanceof List ? ((List<?>) sample).get(p) : ((Object[]) sample)[p]);
            }
        }
        List<Object> collated = new ArrayList<>(size);
        for (List<Object> samples : transposed) {
            collated.add(defaultCollate(samples));
        }
        if (first instanceof List) {
            return collated;
        }
        Class<?> component = first.getClass().getComponentType();
        for (Object value : collated) {
            if (!component.isInstance(value)) {
                return collated.toArray();
            }
        }
        return collated.toArray((Object[]) Array.newInstance(component, size));
    }

    private static int sizeOf(Object sequence) {
        return sequence instanceof List ? ((List<?>) sequence).size() : ((Object[]) sequence).length;
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o.getClass().getName();
    }
}
