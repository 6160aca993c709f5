package org.torch4j.internal;

import org.torch4j.Device;

/** A device backend of the op table other than the built-in CPU one, found with {@link java.util.ServiceLoader}. */
public interface BackendProvider {
    Device.Type deviceType();

    OpTable table();
}
