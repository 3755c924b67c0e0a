// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.chunkstore;

import java.io.IOException;
import org.apache.hadoop.fs.FSDataOutputStream;

/** Appends to one chunk. {@link #flush()} makes written bytes visible to readers (hflush). */
public final class ChunkWriter implements AutoCloseable {
    private final FSDataOutputStream out;

    ChunkWriter(FSDataOutputStream out) {
        this.out = out;
    }

    public void write(byte[] bytes, int off, int len) throws IOException {
        out.write(bytes, off, len);
    }

    public void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    /** Pushes buffered bytes to the file system so that open readers see them (not fsync). */
    public void flush() throws IOException {
        out.hflush();
    }

    public long position() throws IOException {
        return out.getPos();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
