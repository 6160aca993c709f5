package org.torch4j.serialization;

import java.io.IOException;

/**
 * A file that torch4j cannot load: truncated or corrupt, not in a supported format, asking for a Python global
 * outside the allow-list, lying about sizes or offsets, or holding a dtype torch4j lacks. The equivalent of the
 * {@code RuntimeError} and {@code UnpicklingError} that {@code torch.load} and {@code safetensors} raise.
 *
 * <p>Loading either returns a complete result or throws; nothing is loaded partially. I/O failures that are not
 * about the content (a missing file, a read error) are plain {@link IOException}s.
 */
public class SerializationException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}. */
    public SerializationException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** This failure with the file it came from at the front of the message. */
    public SerializationException in(Object file) {
        return new SerializationException(file + ": " + getMessage(), this);
    }
}
