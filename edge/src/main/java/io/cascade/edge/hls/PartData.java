// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Where the bytes of a part (or an init section) are kept: a region of a {@link SpoolFile}, sent
 * with sendfile, or memory, when there is no spool or its write failed.
 */
sealed interface PartData {

    /** Length in bytes. */
    int size();

    /** The bytes, read-only: a view of memory, or a copy read from the spool file. */
    ByteBuffer buffer();

    /** {@code size} bytes at {@code offset} of {@code file}, written before the part was published. */
    record Spooled(SpoolFile file, long offset, int size) implements PartData {
        @Override
        public ByteBuffer buffer() {
            try {
                return file.read(offset, size).asReadOnlyBuffer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A read-only direct buffer outside the Java heap: every response is a view of this one buffer,
     * which the socket write reads directly (no copy per request in the JVM; the kernel still copies
     * it into socket buffers, which {@link Spooled} avoids).
     */
    record InMemory(ByteBuffer data) implements PartData {
        public InMemory {
            if (!data.isReadOnly() || !data.isDirect()) {
                throw new IllegalArgumentException("data: a read-only direct buffer");
            }
        }

        /** A read-only direct copy of {@code bytes}. */
        static InMemory of(byte[] bytes) {
            return new InMemory(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer());
        }

        @Override
        public int size() {
            return data.remaining();
        }

        @Override
        public ByteBuffer buffer() {
            return data.duplicate();
        }
    }
}
