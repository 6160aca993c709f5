package org.torch4j;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a tensor's memory lives; the equivalent of {@code torch.device}. */
public final class Device {
    /** The device type, as {@code torch.device(...).type}. */
    public enum Type { CPU, CUDA }

    /** {@code torch.device("cpu")}. */
    public static final Device CPU = new Device(Type.CPU, -1);

    /** c10's device string syntax: a type, then optionally a colon and an index without sign or leading zeros. */
    private static final Pattern SPEC = Pattern.compile("([a-zA-Z_]+)(?::([1-9]\\d*|0))?");
    /** The device types PyTorch 1.13 knows, in the order its message lists them. */
    private static final List<String> PYTORCH_TYPES = List.of("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl",
            "opencl", "ideep", "hip", "ve", "fpga", "ort", "xla", "lazy", "vulkan", "mps", "meta", "hpu",
            "privateuseone");

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

    /**
     * Parses "cpu", "cuda" or "cuda:N" as {@code torch.device(str)} does, with its messages for a malformed string
     * (spaces, signs and leading zeros included), an unknown device type and an index out of range.
     */
    public static Device of(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid device string: '" + spec + "'");
        }
        String type = m.group(1);
        String index = m.group(2);
        if (!PYTORCH_TYPES.contains(type)) {
            throw new IllegalArgumentException("Expected one of " + String.join(", ", PYTORCH_TYPES)
                    + " device type at start of device string: " + type);
        }
        if (type.equals("cpu") && index == null) {
            return CPU;
        }
        if (!type.equals("cuda")) {
            throw new IllegalArgumentException("Invalid device string: '" + spec + "' (torch4j has the devices cpu and "
                    + "cuda:N)");
        }
        if (index == null) {
            return cuda(0);
        }
        try {
            return cuda(Integer.parseInt(index));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Could not parse device index '" + index + "' in device string '" + spec
                    + "'");
        }
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
