package org.torch4j.serialization;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list that stands for a Python {@code tuple} in loaded and saved state dicts (Adam's
 * {@code betas}, for example), so that a file keeps its tuples through a load and a save. Plain {@link java.util.List}s
 * are Python lists.
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess {
    /** The empty tuple {@code ()}. */
    public static final Tuple EMPTY = new Tuple(new Object[0]);

    private final Object[] items;

    private Tuple(Object[] items) {
        this.items = items;
    }

    /** {@code (items...)}; the array is copied. */
    public static Tuple of(Object... items) {
        return items.length == 0 ? EMPTY : new Tuple(items.clone());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    /** Python's repr layout: {@code (1, 2)}, {@code (1,)}, {@code ()}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < items.length; i++) {
            s.append(i == 0 ? "" : ", ").append(items[i]);
        }
        return s.append(items.length == 1 ? ",)" : ")").toString();
    }
}
