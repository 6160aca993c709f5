package org.torch4j.internal;

import org.torch4j.DType;
import org.torch4j.Device;

/** Storage in a Java array: float[], double[], long[], int[] or boolean[] by dtype. */
public final class CpuStorage extends Storage {
    private final Object array;
    private final int length;

    private CpuStorage(DType dtype, Object array, int length) {
        super(dtype);
        this.array = array;
        this.length = length;
    }

    /** A zero-filled storage of {@code length} elements. */
    public static CpuStorage allocate(DType dtype, int length) {
        switch (dtype) {
            case FLOAT32: return new CpuStorage(dtype, new float[length], length);
            case FLOAT64: return new CpuStorage(dtype, new double[length], length);
            case INT64: return new CpuStorage(dtype, new long[length], length);
            case INT32: return new CpuStorage(dtype, new int[length], length);
            default: return new CpuStorage(dtype, new boolean[length], length);
        }
    }

    /** A float32 storage over {@code a} (not copied); the {@code wrap} overloads give the array's dtype. */
    public static CpuStorage wrap(float[] a) {
        return new CpuStorage(DType.FLOAT32, a, a.length);
    }

    /** A float64 storage over {@code a}. */
    public static CpuStorage wrap(double[] a) {
        return new CpuStorage(DType.FLOAT64, a, a.length);
    }

    /** An int64 storage over {@code a}. */
    public static CpuStorage wrap(long[] a) {
        return new CpuStorage(DType.INT64, a, a.length);
    }

    /** An int32 storage over {@code a}. */
    public static CpuStorage wrap(int[] a) {
        return new CpuStorage(DType.INT32, a, a.length);
    }

    /** A bool storage over {@code a}. */
    public static CpuStorage wrap(boolean[] a) {
        return new CpuStorage(DType.BOOL, a, a.length);
    }

    @Override
    public Device device() {
        return Device.CPU;
    }

    @Override
    public int length() {
        return length;
    }

    /** The backing array (float[], double[], long[], int[] or boolean[]); the typed accessors below cast it. */
    public Object array() {
        return array;
    }

    public float[] floats() {
        return (float[]) array;
    }

    public double[] doubles() {
        return (double[]) array;
    }

    public long[] longs() {
        return (long[]) array;
    }

    public int[] ints() {
        return (int[]) array;
    }

    public boolean[] bools() {
        return (boolean[]) array;
    }

    /** Element {@code i} as a double (bool as 0/1). */
    public double getDouble(int i) {
        switch (dtype()) {
            case FLOAT32: return ((float[]) array)[i];
            case FLOAT64: return ((double[]) array)[i];
            case INT64: return ((long[]) array)[i];
            case INT32: return ((int[]) array)[i];
            default: return ((boolean[]) array)[i] ? 1 : 0;
        }
    }

    /** Element {@code i} as a long (floats truncated toward zero, bool as 0/1). */
    public long getLong(int i) {
        switch (dtype()) {
            case FLOAT32: return (long) ((float[]) array)[i];
            case FLOAT64: return (long) ((double[]) array)[i];
            case INT64: return ((long[]) array)[i];
            case INT32: return ((int[]) array)[i];
            default: return ((boolean[]) array)[i] ? 1 : 0;
        }
    }

    /** Stores a double, converting as a C++ static_cast does (bool: non-zero is true). */
    public void setDouble(int i, double v) {
        switch (dtype()) {
            case FLOAT32: ((float[]) array)[i] = (float) v; break;
            case FLOAT64: ((double[]) array)[i] = v; break;
            case INT64: ((long[]) array)[i] = (long) v; break;
            case INT32: ((int[]) array)[i] = (int) (long) v; break;
            default: ((boolean[]) array)[i] = v != 0;
        }
    }

    /** Stores a long, converting as a C++ static_cast does. */
    public void setLong(int i, long v) {
        switch (dtype()) {
            case FLOAT32: ((float[]) array)[i] = v; break;
            case FLOAT64: ((double[]) array)[i] = v; break;
            case INT64: ((long[]) array)[i] = v; break;
            case INT32: ((int[]) array)[i] = (int) v; break;
            default: ((boolean[]) array)[i] = v != 0;
        }
    }
}
