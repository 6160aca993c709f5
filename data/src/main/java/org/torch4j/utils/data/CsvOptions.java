package org.torch4j.utils.data;

import org.torch4j.DType;

/**
 * How {@link CsvReader} reads a CSV file (the keyword arguments of a {@code pandas.read_csv} + {@code TensorDataset}
 * recipe). Defaults: a header line, ',' as delimiter, every column a feature, no label, float32 features and int64
 * labels. Columns are chosen by header name or by 0-based position, not both.
 */
public final class CsvOptions {
    private boolean header = true;
    private char delimiter = ',';
    private String[] columnNames;
    private int[] columnIndices;
    private String labelName;
    private Integer labelIndex;
    private DType dtype = DType.FLOAT32;
    private DType labelDType = DType.INT64;

    /** Whether the first non-blank line names the columns (default true). */
    public CsvOptions header(boolean header) {
        this.header = header;
        return this;
    }

    /** The field separator (default ','). */
    public CsvOptions delimiter(char delimiter) {
        this.delimiter = delimiter;
        return this;
    }

    /** The feature columns, by header name, in this order (default: every column but the label). */
    public CsvOptions columns(String... names) {
        this.columnNames = names.clone();
        this.columnIndices = null;
        return this;
    }

    /** The feature columns, by 0-based position, in this order. */
    public CsvOptions columns(int... indices) {
        this.columnIndices = indices.clone();
        this.columnNames = null;
        return this;
    }

    /** The label column, by header name: the dataset's items become {@code {features, label}}. */
    public CsvOptions labelColumn(String name) {
        this.labelName = name;
        this.labelIndex = null;
        return this;
    }

    /** The label column, by 0-based position. */
    public CsvOptions labelColumn(int index) {
        this.labelIndex = index;
        this.labelName = null;
        return this;
    }

    /** The dtype of the feature tensor (default float32). */
    public CsvOptions dtype(DType dtype) {
        this.dtype = dtype;
        return this;
    }

    /** The dtype of the label tensor (default int64; float32 for regression targets). */
    public CsvOptions labelDType(DType labelDType) {
        this.labelDType = labelDType;
        return this;
    }

    /** Whether the file has a header line. */
    public boolean header() {
        return header;
    }

    /** The field separator. */
    public char delimiter() {
        return delimiter;
    }

    /** The feature columns by name, or null. */
    public String[] columnNames() {
        return columnNames == null ? null : columnNames.clone();
    }

    /** The feature columns by position, or null. */
    public int[] columnIndices() {
        return columnIndices == null ? null : columnIndices.clone();
    }

    /** The label column by name, or null. */
    public String labelName() {
        return labelName;
    }

    /** The label column by position, or null. */
    public Integer labelIndex() {
        return labelIndex;
    }

    /** The dtype of the features. */
    public DType dtype() {
        return dtype;
    }

    /** The dtype of the labels. */
    public DType labelDType() {
        return labelDType;
    }
}
