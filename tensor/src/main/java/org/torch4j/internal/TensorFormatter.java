package org.torch4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.torch4j.DType;
import org.torch4j.Tensor;

/**
 * {@code repr(tensor)} as PyTorch's {@code torch._tensor_str} writes it with the default {@link PrintOptions}:
 * nested brackets, summarization with {@code ...} past {@link PrintOptions#THRESHOLD} elements, rows wrapped at
 * {@link PrintOptions#LINE_WIDTH} columns, and the {@code device=}, {@code size=}, {@code dtype=},
 * {@code grad_fn=} / {@code requires_grad=} suffixes.
 */
public final class TensorFormatter {
    private static final String PREFIX = "tensor(";
    private static final DType DEFAULT_DTYPE = DType.FLOAT32;

    private final int[] shape;
    /** Per dimension, whether the middle is left out (summarized) and which indices are shown. */
    private final boolean[] cut;
    private final int[][] shown;
    /** Storage positions of the shown elements, in row-major order, consumed by {@link #nested}. */
    private final int[] positions;
    private int next;
    private final ElementFormatter formatter;

    private TensorFormatter(Tensor t) {
        shape = t.shape();
        boolean summarize = t.numel() > PrintOptions.THRESHOLD;
        cut = new boolean[shape.length];
        shown = new int[shape.length][];
        int count = 1;
        for (int d = 0; d < shape.length; d++) {
            cut[d] = summarize && shape[d] > 2 * PrintOptions.EDGE_ITEMS;
            shown[d] = shownIndices(shape[d], cut[d]);
            count *= shown[d].length;
        }
        positions = new int[count];
        gather(t.stride(), 0, t.storageOffset(), 0);
        formatter = new ElementFormatter((CpuStorage) t.storage(), positions);
    }

    /** {@code repr(t)}, exactly as PyTorch 1.13 prints it. */
    public static String format(Tensor t) {
        int indent = PREFIX.length();
        List<String> suffixes = new ArrayList<>();
        if (!t.device().isCpu()) {
            suffixes.add("device='" + t.device() + "'");
        }
        String body;
        if (t.numel() == 0) {
            // no elements to tell the dtype from, so it is shown unless it is the default one
            if (t.dim() != 1) {
                suffixes.add("size=" + sizeTuple(t.shape()));
            }
            if (t.dtype() != DEFAULT_DTYPE) {
                suffixes.add("dtype=" + t.dtype());
            }
            body = "[]";
        } else {
            if (t.dtype() != DEFAULT_DTYPE && t.dtype() != DType.INT64 && t.dtype() != DType.BOOL) {
                suffixes.add("dtype=" + t.dtype());
            }
            Tensor cpu = t.device().isCpu() ? t : t.detach().cpu();
            body = new TensorFormatter(cpu).nested(0, indent);
        }
        if (t.gradFn() != null) {
            suffixes.add("grad_fn=<" + t.gradFn().name() + ">");
        } else if (t.requiresGrad()) {
            suffixes.add("requires_grad=True");
        }
        return addSuffixes(PREFIX + body, suffixes, indent);
    }

    private static int[] shownIndices(int size, boolean cut) {
        int edge = PrintOptions.EDGE_ITEMS;
        int[] indices = new int[cut ? 2 * edge : size];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = cut && i >= edge ? size - 2 * edge + i : i;
        }
        return indices;
    }

    /** Fills {@link #positions} from {@code at} with the shown elements below {@code dim}; returns the next index. */
    private int gather(int[] strides, int dim, int base, int at) {
        if (dim == shape.length) {
            positions[at] = base;
            return at + 1;
        }
        for (int i : shown[dim]) {
            at = gather(strides, dim + 1, base + i * strides[dim], at);
        }
        return at;
    }

    /** {@code _tensor_str_with_formatter} for the sub-tensor starting at {@code dim}. */
    private String nested(int dim, int indent) {
        int rank = shape.length - dim;
        if (rank == 0) {
            return formatter.format(positions[next++]);
        }
        if (rank == 1) {
            return vector(dim, indent);
        }
        StringJoiner slices = new StringJoiner("," + "\n".repeat(rank - 1) + " ".repeat(indent + 1), "[", "]");
        for (int i = 0; i < shown[dim].length; i++) {
            if (cut[dim] && i == PrintOptions.EDGE_ITEMS) {
                slices.add("...");
            }
            slices.add(nested(dim + 1, indent + 1));
        }
        return slices.toString();
    }

    /** {@code _vector_str}: the last dimension, wrapped to the line width. */
    private String vector(int dim, int indent) {
        List<String> data = new ArrayList<>(shown[dim].length + 1);
        for (int i = 0; i < shown[dim].length; i++) {
            if (cut[dim] && i == PrintOptions.EDGE_ITEMS) {
                data.add(" ...");
            }
            data.add(formatter.format(positions[next++]));
        }
        int perLine = Math.max(1, Math.floorDiv(PrintOptions.LINE_WIDTH - indent, formatter.width() + 2));
        StringJoiner lines = new StringJoiner(",\n" + " ".repeat(indent + 1), "[", "]");
        for (int from = 0; from < data.size(); from += perLine) {
            lines.add(String.join(", ", data.subList(from, Math.min(from + perLine, data.size()))));
        }
        return lines.toString();
    }

    /** {@code _add_suffixes}, with PyTorch's own count of the last line's length. */
    private static String addSuffixes(String tensorStr, List<String> suffixes, int indent) {
        StringBuilder sb = new StringBuilder(tensorStr);
        int lastLineLength = tensorStr.length() - tensorStr.lastIndexOf('\n') + 1;
        for (String suffix : suffixes) {
            if (lastLineLength + suffix.length() + 2 > PrintOptions.LINE_WIDTH) {
                sb.append(",\n").append(" ".repeat(indent)).append(suffix);
                lastLineLength = indent + suffix.length();
            } else {
                sb.append(", ").append(suffix);
                lastLineLength += suffix.length() + 2;
            }
        }
        return sb.append(')').toString();
    }

    /** Python's {@code str(tuple(shape))} for the shapes printed here (never one-dimensional). */
    private static String sizeTuple(int[] shape) {
        StringJoiner joiner = new StringJoiner(", ", "(", ")");
        for (int s : shape) {
            joiner.add(Integer.toString(s));
        }
        return joiner.toString();
    }
}
