package org.torch4j.utils.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.torch4j.DType;
import org.torch4j.Tensor;
import org.torch4j.Torch;

/**
 * Reads a CSV file of numbers into a {@link TensorDataset}: a {@code [rows, features]} tensor, and a {@code [rows]}
 * label tensor when a label column is chosen (PyTorch users do this with pandas and {@code TensorDataset}).
 *
 * <p>Fields may be double-quoted ({@code ""} inside quotes is a quote); surrounding spaces are ignored; blank lines
 * are skipped. Floating columns accept what {@code float()} accepts, including {@code nan} and {@code inf}; integer
 * columns take integers only. Every row must have as many fields as the header (or the first row). Problems throw an
 * {@link IllegalArgumentException} naming the file, the line and the column.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads the file with the default {@link CsvOptions} (header, every column a float32 feature). */
    public static TensorDataset read(Path path) throws IOException {
        return read(path, new CsvOptions());
    }

    /** Reads the file as the options say; the file is UTF-8. */
    public static TensorDataset read(Path path, CsvOptions options) throws IOException {
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        String[] header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        int fieldCount = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] fields = split(path, i + 1, lines.get(i), options.delimiter());
            if (fieldCount < 0) {
                fieldCount = fields.length;
                if (options.header()) {
                    header = fields;
                    continue;
                }
            }
            if (fields.length != fieldCount) {
                throw malformed(path, i + 1, "expected " + fieldCount + " fields but found " + fields.length);
            }
            rows.add(fields);
            lineNumbers.add(i + 1);
        }
        if (fieldCount < 0) {
            throw new IllegalArgumentException(path + ": the file is empty");
        }
        Columns columns = new Columns(path, header, fieldCount);
        int label = options.labelName() != null ? columns.byName(options.labelName())
                : options.labelIndex() != null ? columns.byIndex(options.labelIndex()) : -1;
        int[] features = features(options, columns, label);
        Tensor x = parse(path, rows, lineNumbers, features, columns, options.dtype()).reshape(rows.size(),
                features.length);
        if (label < 0) {
            return new TensorDataset(x);
        }
        Tensor y = parse(path, rows, lineNumbers, new int[] {label}, columns, options.labelDType());
        return new TensorDataset(x, y);
    }

    private static int[] features(CsvOptions options, Columns columns, int label) {
        if (options.columnNames() != null) {
            return Arrays.stream(options.columnNames()).mapToInt(columns::byName).toArray();
        } else if (options.columnIndices() != null) {
            return Arrays.stream(options.columnIndices()).map(columns::byIndex).toArray();
        }
        return IntStream.range(0, columns.count).filter(c -> c != label).toArray();
    }

    /** Resolves column names and positions against the header. */
    private static final class Columns {
        final Path path;
        final String[] header;
        final int count;

        Columns(Path path, String[] header, int count) {
            this.path = path;
            this.header = header;
            this.count = count;
        }

        int byName(String name) {
            if (header == null) {
                throw new IllegalArgumentException(path + ": columns can be chosen by name only when the file has a "
                        + "header (column '" + name + "')");
            }
            for (int c = 0; c < header.length; c++) {
                if (header[c].equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException(path + ": column '" + name + "' is not in the header "
                    + Arrays.toString(header));
        }

        int byIndex(int index) {
            if (index < 0 || index >= count) {
                throw new IllegalArgumentException(path + ": column index " + index + " is out of range for "
                        + count + " columns");
            }
            return index;
        }

        String describe(int c) {
            return header == null ? "column " + c : "column " + c + " ('" + header[c] + "')";
        }
    }

    /** The chosen columns of every row, row-major, as a 1-d tensor of the dtype. */
    private static Tensor parse(Path path, List<String[]> rows, List<Integer> lineNumbers, int[] cols,
                                Columns columns, DType dtype) {
        int n = rows.size() * cols.length;
        if (dtype.isFloatingPoint()) {
            double[] values = new double[n];
            for (int r = 0, k = 0; r < rows.size(); r++) {
                for (int c : cols) {
                    String field = rows.get(r)[c];
                    try {
                        values[k++] = parseDouble(field);
                    } catch (NumberFormatException e) {
                        throw notANumber(where(path, lineNumbers, columns, r, c), field, dtype);
                    }
                }
            }
            return Torch.tensor(values).to(dtype);
        } else if (dtype.isIntegral()) {
            long[] values = new long[n];
            for (int r = 0, k = 0; r < rows.size(); r++) {
                for (int c : cols) {
                    String field = rows.get(r)[c];
                    try {
                        values[k] = Long.parseLong(field);
                    } catch (NumberFormatException e) {
                        throw notANumber(where(path, lineNumbers, columns, r, c), field, dtype);
                    }
                    if (dtype == DType.INT32 && values[k] != (int) values[k]) {
                        throw new IllegalArgumentException(where(path, lineNumbers, columns, r, c) + ": " + field
                                + " is out of range for int32");
                    }
                    k++;
                }
            }
            return Torch.tensor(values).to(dtype);
        }
        throw new IllegalArgumentException("CSV columns can be read as float32, float64, int64 or int32, not "
                + dtype);
    }

    private static String where(Path path, List<Integer> lineNumbers, Columns columns, int row, int c) {
        return path + ": line " + lineNumbers.get(row) + ", " + columns.describe(c);
    }

    /** What Python's {@code float()} accepts (no Java-only forms such as "1d" or hexadecimal). */
    private static double parseDouble(String field) {
        switch (field.toLowerCase(Locale.ROOT)) {
            case "nan":
            case "+nan":
            case "-nan":
                return Double.NaN;
            case "inf":
            case "+inf":
            case "infinity":
            case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf":
            case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char last = field.isEmpty() ? ' ' : Character.toLowerCase(field.charAt(field.length() - 1));
        if (last == 'd' || last == 'f' || field.toLowerCase(Locale.ROOT).contains("x")) {
            throw new NumberFormatException(field);
        }
        return Double.parseDouble(field);
    }

    private static IllegalArgumentException notANumber(String where, String field, DType dtype) {
        String what = dtype.isFloatingPoint() ? "a number" : "an integer";
        return new IllegalArgumentException(where + ": '" + field + "' is not " + what);
    }

    private static IllegalArgumentException malformed(Path path, int line, String message) {
        return new IllegalArgumentException(path + ": line " + line + ": " + message);
    }

    /** The fields of one line: unquoted fields trimmed, quoted ones with their inner text as is. */
    private static String[] split(Path path, int line, String text, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '"') {
                int open = i++;
                while (true) {
                    if (i >= text.length()) {
                        throw malformed(path, line, "unterminated quoted field starting at character " + (open + 1));
                    }
                    char ch = text.charAt(i++);
                    if (ch == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(ch);
                    }
                }
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < text.length() && text.charAt(i) != delimiter) {
                    throw malformed(path, line, "unexpected character '" + text.charAt(i) + "' after a quoted field "
                            + "at character " + (i + 1));
                }
                fields.add(field.toString());
            } else {
                while (i < text.length() && text.charAt(i) != delimiter) {
                    field.append(text.charAt(i++));
                }
                fields.add(field.toString().trim());
            }
            field.setLength(0);
            if (i >= text.length()) {
                return fields.toArray(new String[0]);
            }
            i++;
        }
    }
}
