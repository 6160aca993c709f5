package org.torch4j;

import java.util.Objects;

/** Where a tensor's memory lives; the equivalent of {@code torch.device}. */
public final class Device {
    /** The device type, as {@code torch.device(...).type}. */
    public enum Type { CPU, CUDA }

    /** {@code torch.device("cpu")}. */
    public static final Device CPU = new Device(Type.CPU, -1);

    private final Type type;
    private final int index;

    private Device(Type type, int index) {
        this.type = type;
        this.index = index;
    }

    /** {@code torch.device("cuda", index)}. */
    public static Device cuda(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Device index must not be negative");
        }
        return new Device(Type.CUDA, index);
    }

    /** Parses "cpu", "cuda" or "cuda:N" as {@code torch.device(str)} does. */
    public static Device of(String spec) {
        String s = spec.trim();
        if (s.equals("cpu")) {
            return CPU;
        }
        if (s.equals("cuda")) {
            return cuda(0);
        }
        if (s.startsWith("cuda:")) {
            try {
                return cuda(Integer.parseInt(s.substring(5)));
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("Invalid device string: '" + spec + "'");
    }

    /** {@code device.type}. */
    public Type type() {
        return type;
    }

    /** The device index; -1 for the CPU. */
    public int index() {
        return index;
    }

    /** Whether {@code device.type == "cpu"}. */
    public boolean isCpu() {
        return type == Type.CPU;
    }

    /** Whether {@code device.type == "cuda"}. */
    public boolean isCuda() {
        return type == Type.CUDA;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device && ((Device) o).type == type && ((Device) o).index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, index);
    }

    @Override
    public String toString() {
        return type == Type.CPU ? "cpu" : "cuda:" + index;
    }
}
