package org.torch4j.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.torch4j.Device;
import org.torch4j.internal.BackendProvider;
import org.torch4j.internal.Dispatcher;
import org.torch4j.internal.OpTable;
import org.torch4j.internal.StridedBackend;

/**
 * Every operator of the op table has a CUDA implementation (views: the shared {@link StridedBackend}), the
 * backend is registered, and nothing in the backend falls back to the host: only {@code Transfer}
 * (tensor.to(device)) may touch CPU data.
 */
class OpCoverageTest {
    @Test
    void everyOperatorOfTheTableIsImplemented() throws NoSuchMethodException {
        for (Method m : OpTable.class.getMethods()) {
            Class<?> owner = CudaBackend.class.getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass();
            assertTrue(owner == CudaBackend.class || owner == StridedBackend.class,
                    m.getName() + " is implemented by " + owner.getName());
        }
    }

    @Test
    void theBackendIsRegisteredForCuda() {
        boolean found = false;
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            found |= p.deviceType() == Device.Type.CUDA && p.table() == CudaBackend.INSTANCE;
        }
        assertTrue(found);
        assertSame(CudaBackend.INSTANCE, Dispatcher.backend(Device.cuda(0)));
    }

    @Test
    void unsupportedCasesSayNotImplementedForCuda() {
        assertEquals("cumsum is not implemented for CUDA", CudaBackend.notImplemented("cumsum", null).getMessage());
        int[] shape = {2, 2, 2, 2, 2, 2, 2, 2, 2};
        int[] strides = {999, 401, 151, 71, 31, 13, 5, 3, 1};
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> Iter.coalesce("add", shape, new int[][] {strides}));
        assertEquals("add is not implemented for CUDA: tensors whose layout needs more than 8 dims after merging",
                e.getMessage());
    }

    /** What reads tensor data on the host or reaches the CPU backend. */
    private static final Pattern HOST = Pattern.compile(
            "CpuBackend|Dispatcher\\.backend\\(|Device\\.CPU|\\.cpu\\(\\)|\\.to(Float|Double|Long|Int|Bool)Array\\(|\\.tolist\\(|\\.item(Float|Long|Int|Bool)?\\(");

    @Test
    void noKernelFamilyComputesOnTheHost() throws IOException {
        Path sources = Path.of("src/main/java/org/torch4j/cuda");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (f.getFileName().toString().equals("Transfer.java")) {
                    continue;
                }
                String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
                Matcher m = HOST.matcher(code);
                while (m.find()) {
                    offenders.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
