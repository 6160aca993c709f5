package org.torch4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.torch4j.Fixtures.assertClose;
import static org.torch4j.Fixtures.ints;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Views against PyTorch (tools/fixtures/gen_views.py): values, shape, strides, offset, contiguity, errors. */
class ViewsParityTest {
    private static final Map<String, JsonObject> CASES = Fixtures.load("views");

    private static Tensor x() {
        return Torch.arange(24.0).reshape(2, 3, 4);
    }

    private static Map<String, Supplier<Tensor>> views() {
        Map<String, Supplier<Tensor>> v = new LinkedHashMap<>();
        v.put("view/2x12", () -> x().view(2, 12));
        v.put("view/infer", () -> x().view(-1, 4));
        v.put("view/0dim_to_1", () -> Torch.scalarTensor(5).view(1));
        v.put("view/transposed_compatible", () -> x().transpose(0, 1).view(3, 2, 2, 2));
        v.put("reshape/contiguous", () -> x().reshape(4, 6));
        v.put("reshape/transposed_copy", () -> x().transpose(1, 2).reshape(2, 12));
        v.put("flatten/all", () -> x().flatten());
        v.put("flatten/1_2", () -> x().flatten(1, 2));
        v.put("flatten/0dim", () -> Torch.scalarTensor(3).flatten());
        v.put("unflatten", () -> x().unflatten(2, 2, 2));
        v.put("transpose/0_2", () -> x().transpose(0, 2));
        v.put("transpose/neg", () -> x().transpose(-1, -2));
        v.put("t/2d", () -> x().get(0).t());
        v.put("t/1d", () -> x().get(0, 0).t());
        v.put("permute", () -> x().permute(2, 0, 1));
        v.put("permute/neg", () -> x().permute(-1, -3, -2));
        v.put("squeeze/all", () -> Torch.zeros(1, 3, 1, 2).squeeze());
        v.put("squeeze/dim", () -> Torch.zeros(1, 3, 1, 2).squeeze(2));
        v.put("squeeze/noop", () -> Torch.zeros(1, 3, 1, 2).squeeze(1));
        v.put("unsqueeze/0", () -> x().unsqueeze(0));
        v.put("unsqueeze/last", () -> x().unsqueeze(-1));
        v.put("unsqueeze/mid", () -> x().unsqueeze(2));
        v.put("unsqueeze/transposed", () -> x().transpose(0, 2).unsqueeze(1));
        v.put("expand", () -> Torch.tensor(new float[][] {{1}, {2}}).expand(2, 3));
        v.put("expand/new_dims", () -> Torch.tensor(new float[] {1, 2}).expand(3, 2, 2));
        v.put("expand/keep", () -> Torch.tensor(new float[][] {{1}, {2}}).expand(-1, 4));
        v.put("narrow", () -> x().narrow(2, 1, 2));
        v.put("narrow/neg_start", () -> x().narrow(1, -2, 2));
        v.put("slice/step", () -> x().slice(2, 1, Integer.MAX_VALUE, 2));
        v.put("slice/clamped", () -> x().slice(1, 1, 100));
        v.put("slice/negative", () -> x().slice(1, -2, Integer.MAX_VALUE));
        v.put("slice/empty", () -> x().slice(1, 2, 1));
        v.put("select/0", () -> x().get(1));
        v.put("select/neg", () -> x().select(1, -1));
        v.put("select/inner", () -> x().select(2, 2));
        v.put("contiguous/transposed", () -> x().transpose(0, 1).contiguous());
        v.put("clone/transposed", () -> x().transpose(0, 1).clone());
        v.put("contiguous/expanded", () -> Torch.tensor(new float[] {1, 2}).expand(3, 2).contiguous());
        return v;
    }

    @Test
    void viewsMatchPyTorchGeometry() {
        Map<String, Supplier<Tensor>> views = views();
        for (Map.Entry<String, Supplier<Tensor>> e : views.entrySet()) {
            JsonObject c = CASES.get(e.getKey());
            Tensor t = e.getValue().get();
            String what = e.getKey();
            assertClose(c.get("out"), t.dtype() == DType.FLOAT32 ? t : t.toFloat(), what);
            assertArrayEquals(ints(c.getAsJsonArray("shape")), t.shape(), what + " shape");
            assertArrayEquals(ints(c.getAsJsonArray("stride")), t.stride(), what + " stride");
            assertEquals(c.get("offset").getAsInt(), t.storageOffset(), what + " offset");
            assertEquals(c.get("contiguous").getAsBoolean(), t.isContiguous(), what + " contiguous");
        }
        assertEquals(38, views.size());
    }

    @Test
    void viewsShareStorageAndCopiesDoNot() {
        Tensor base = x();
        Tensor view = base.transpose(0, 2).narrow(0, 1, 2).select(1, 0);
        assertSame(base.storage(), view.storage());
        view.fill_(-1.0);
        assertEquals(-1.0, base.get(1, 0, 1).item());
        assertEquals(-1.0, base.get(0, 0, 2).item());
        int filled = 0;
        for (boolean b : base.eq(-1.0).toBoolArray()) {
            filled += b ? 1 : 0;
        }
        assertEquals(4, filled);
        Tensor contiguous = base.contiguous();
        assertSame(base, contiguous);
        Tensor copy = base.transpose(0, 1).contiguous();
        assertNotSame(base.storage(), copy.storage());
        Tensor detached = base.detach();
        assertSame(base.storage(), detached.storage());
        Tensor reshaped = base.transpose(1, 2).reshape(2, 12);
        assertNotSame(base.storage(), reshaped.storage());
        Tensor[] parts = base.chunk(2, 2);
        assertSame(base.storage(), parts[1].storage());
        assertArrayEquals(new int[] {2, 3, 2}, parts[1].shape());
    }

    @Test
    void shapeAccessorsFollowPyTorch() {
        Tensor t = x();
        assertEquals(3, t.dim());
        assertEquals(24, t.numel());
        assertEquals(4, t.size(-1));
        assertEquals(12, t.stride(0));
        assertArrayEquals(new int[] {2, 3, 4}, t.shape());
        assertEquals(0, Torch.scalarTensor(1).dim());
        assertEquals(1, Torch.scalarTensor(1).numel());
        assertEquals(23.0, t.get(1, 2, 3).item());
        assertEquals(List.of(List.of(0L, 1L), List.of(2L, 3L)), Torch.arange(4L).reshape(2, 2).tolist());
    }

    private static void assertMessage(String name, Class<? extends Throwable> type, Executable call) {
        assertEquals(CASES.get(name).get("msg").getAsString(), assertThrows(type, call).getMessage(), name);
    }

    @Test
    void invalidViewsThrowPyTorchMessages() {
        assertMessage("error/view_incompatible", IllegalStateException.class, () -> x().transpose(0, 1).view(6, 4));
        assertMessage("error/view_size", IllegalArgumentException.class, () -> x().view(5, 5));
        assertMessage("error/view_two_infer", IllegalArgumentException.class, () -> x().view(-1, -1));
        assertMessage("error/dim_range", IndexOutOfBoundsException.class, () -> x().transpose(0, 3));
        assertMessage("error/dim_range_0dim", IndexOutOfBoundsException.class, () -> Torch.scalarTensor(1).unsqueeze(2));
        assertMessage("error/select_range", IndexOutOfBoundsException.class, () -> x().select(1, 3));
        assertMessage("error/expand", IllegalArgumentException.class, () -> Torch.ones(3).expand(2, 4));
        assertMessage("error/expand_rank_long", IllegalArgumentException.class,
                () -> Torch.ones(new int[] {2, 3}, TensorOptions.ofDType(DType.INT64)).expand(3));
        assertMessage("error/expand_rank_bool", IllegalArgumentException.class,
                () -> Torch.ones(new int[] {2, 3}, TensorOptions.ofDType(DType.BOOL)).expand(3));
        assertMessage("error/t_3d", IllegalArgumentException.class, () -> x().t());
        assertMessage("error/permute_len", IllegalArgumentException.class, () -> x().permute(0, 1));
        assertMessage("error/permute_dup", IllegalArgumentException.class, () -> x().permute(0, 1, 1));
        assertMessage("error/narrow_len", IllegalArgumentException.class, () -> x().narrow(2, 3, 2));
        assertMessage("error/flatten_order", IllegalArgumentException.class, () -> x().flatten(2, 1));
        assertMessage("error/item", IllegalArgumentException.class, () -> x().item());
        assertMessage("error/chunk0", IllegalArgumentException.class, () -> x().chunk(0));
        assertMessage("error/split_sizes", IllegalArgumentException.class, () -> x().split(new int[] {1, 1}, 1));
    }

    @Test
    void zeroDimTensorsHaveNoDimToLookUp() {
        Tensor scalar = Torch.scalarTensor(1);
        assertMessage("error/size_0dim", IndexOutOfBoundsException.class, () -> scalar.size(-1));
        assertMessage("error/stride_0dim", IndexOutOfBoundsException.class, () -> scalar.stride(0));
        assertMessage("error/unbind_0dim", IndexOutOfBoundsException.class, () -> scalar.unbind(-1));
        assertMessage("error/unflatten_0dim", IndexOutOfBoundsException.class, () -> scalar.unflatten(-1, 1));
        assertMessage("error/slice_0dim", IndexOutOfBoundsException.class, () -> scalar.slice(0, 0, 1));
    }

    @Test
    void badSlicesAndShapesThrowPyTorchMessages() {
        assertMessage("error/slice_step0", IllegalArgumentException.class, () -> x().slice(0, 0, 2, 0));
        assertMessage("error/slice_step_negative", IllegalArgumentException.class, () -> x().slice(0, 0, 2, -1));
        assertMessage("error/view_empty_infer", IllegalArgumentException.class, () -> Torch.ones(0, 3).view(0, -1));
        assertMessage("error/view_zero_infer", IllegalArgumentException.class, () -> x().view(0, -1));
        assertMessage("error/unflatten_sizes", IllegalArgumentException.class, () -> x().unflatten(-1, 3, 2));
        assertMessage("error/unflatten_empty", IllegalArgumentException.class, () -> x().unflatten(1));
        String twoInferred = assertThrows(IllegalArgumentException.class, () -> x().unflatten(1, -1, -1)).getMessage();
        assertEquals(CASES.get("error/unflatten_two_infer").get("msg").getAsString() + "\nonly one dimension can be inferred",
                twoInferred);
    }
}
