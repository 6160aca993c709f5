package org.torch4j.utils.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.torch4j.DType;
import org.torch4j.Tensor;

class CsvReaderTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path p = dir.resolve("data.csv");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void everyColumnIsAFeatureByDefault() throws IOException {
        TensorDataset ds = CsvReader.read(file("a,b,c\n1,2,3\n4.5,-5,6e1\n\n"));
        assertEquals(2, ds.len());
        Tensor x = ds.tensors()[0];
        assertEquals(1, ds.tensors().length);
        assertEquals(DType.FLOAT32, x.dtype());
        assertArrayEquals(new int[] {2, 3}, x.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4.5f, -5, 60}, x.toFloatArray());
    }

    @Test
    void labelColumnAndColumnSelectionByName() throws IOException {
        Path p = file("sepal, petal ,\"species id\",weight\n5.1,1.4,0,0.25\n7.0,4.7,1,1.5\n6.3,6.0,2,2.5\n");
        TensorDataset ds = CsvReader.read(p, new CsvOptions().columns("weight", "sepal").labelColumn("species id"));
        Tensor[] item = ds.getItem(1);
        assertArrayEquals(new float[] {1.5f, 7.0f}, item[0].toFloatArray());
        assertEquals(DType.INT64, item[1].dtype());
        assertEquals(1, item[1].itemLong());
        TensorDataset all = CsvReader.read(p, new CsvOptions().labelColumn("species id").dtype(DType.FLOAT64));
        assertEquals(DType.FLOAT64, all.tensors()[0].dtype());
        assertArrayEquals(new double[] {6.3, 6.0, 2.5}, all.getItem(2)[0].toDoubleArray());
        assertArrayEquals(new float[] {1.4f}, CsvReader.read(p, new CsvOptions().columns("petal")).getItem(0)[0]
                .toFloatArray());
    }

    @Test
    void noHeaderColumnsByPositionOtherDelimiterAndQuotes() throws IOException {
        Path p = file("1;\"2\";3\n 4 ;\"5\";6\n");
        TensorDataset ds = CsvReader.read(p, new CsvOptions().header(false).delimiter(';').columns(2, 0)
                .labelColumn(1).labelDType(DType.FLOAT32));
        assertArrayEquals(new float[] {3, 1, 6, 4}, ds.tensors()[0].toFloatArray());
        assertArrayEquals(new float[] {2, 5}, ds.tensors()[1].toFloatArray());
        assertEquals(DType.FLOAT32, ds.tensors()[1].dtype());
        TensorDataset ints = CsvReader.read(p, new CsvOptions().header(false).delimiter(';').dtype(DType.INT32));
        assertEquals(DType.INT32, ints.tensors()[0].dtype());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, ints.tensors()[0].toIntArray());
    }

    @Test
    void pythonFloatSpellings() throws IOException {
        TensorDataset ds = CsvReader.read(file("x\nnan\ninf\n-Infinity\n.5\n"));
        float[] v = ds.tensors()[0].toFloatArray();
        assertTrue(Float.isNaN(v[0]));
        assertEquals(Float.POSITIVE_INFINITY, v[1]);
        assertEquals(Float.NEGATIVE_INFINITY, v[2]);
        assertEquals(0.5f, v[3]);
    }

    @Test
    void aHeaderOnlyFileGivesAnEmptyDataset() throws IOException {
        TensorDataset ds = CsvReader.read(file("a,b\n"), new CsvOptions().labelColumn("b"));
        assertEquals(0, ds.len());
        assertArrayEquals(new int[] {0, 1}, ds.tensors()[0].shape());
    }

    private String error(String text, CsvOptions options) throws IOException {
        Path p = file(text);
        return assertThrows(IllegalArgumentException.class, () -> CsvReader.read(p, options)).getMessage();
    }

    @Test
    void malformedFilesNameTheLineAndColumn() throws IOException {
        Path p = dir.resolve("data.csv");
        assertEquals(p + ": line 4: expected 3 fields but found 2", error("a,b,c\n1,2,3\n\n4,5\n", new CsvOptions()));
        assertEquals(p + ": line 3, column 1 ('b'): 'x' is not a number",
                error("a,b\n1,2\n3,x\n", new CsvOptions()));
        assertEquals(p + ": line 1, column 0: '1.5' is not an integer",
                error("1.5,2\n", new CsvOptions().header(false).dtype(DType.INT64)));
        assertEquals(p + ": line 1, column 0: '1d' is not a number", error("1d\n", new CsvOptions().header(false)));
        assertEquals(p + ": line 1, column 0: '' is not a number", error(",1\n", new CsvOptions().header(false)));
        assertEquals(p + ": line 1, column 0: 3000000000 is out of range for int32",
                error("3000000000\n", new CsvOptions().header(false).dtype(DType.INT32)));
        assertEquals(p + ": column 'z' is not in the header [a, b]", error("a,b\n1,2\n", new CsvOptions().columns("z")));
        assertEquals(p + ": column index 2 is out of range for 2 columns",
                error("a,b\n1,2\n", new CsvOptions().labelColumn(2)));
        assertEquals(p + ": columns can be chosen by name only when the file has a header (column 'a')",
                error("1,2\n", new CsvOptions().header(false).labelColumn("a")));
        assertEquals(p + ": line 2: unterminated quoted field starting at character 3",
                error("a,b\n1,\"2\n", new CsvOptions()));
        assertEquals(p + ": line 1: unexpected character 'x' after a quoted field at character 4",
                error("\"a\"x,b\n", new CsvOptions()));
        assertEquals(p + ": the file is empty", error("\n \n", new CsvOptions()));
        assertEquals("CSV columns can be read as float32, float64, int64 or int32, not torch.bool",
                error("a\n1\n", new CsvOptions().dtype(DType.BOOL)));
    }
}
