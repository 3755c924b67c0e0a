// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * One file of a {@link Spool}: a segment's parts appended back to back as they complete (so a part
 * is a region of it and the whole segment is the whole file), or an init section.
 *
 * <p>Bytes are only ever appended, each part in one positional write with no fsync (tmpfs has no
 * disk; elsewhere the page cache serves reads and the spool is rebuilt on restart anyway), and
 * a part is published only after its write returned, so every published region is complete and
 * never changes. A file is never truncated or rewritten, only deleted: on Linux an unlinked file
 * stays readable through the descriptors already open on it, so a response that opened it before
 * the deletion sends every byte. Appends, {@link #seal} and {@link #delete} come from the
 * packaging thread; {@link #delete} also from {@link Spool#close}; hence synchronized.
 */
final class SpoolFile {
    private static final Logger LOG = Logger.getLogger(SpoolFile.class);

    private final Path path;
    private final Spool spool;
    private FileChannel channel;
    private long size;
    private boolean sealed;
    private boolean deleted;

    SpoolFile(Path path, Spool spool) {
        this.path = path;
        this.spool = spool;
    }

    Path path() {
        return path;
    }

    /** The file's path as the String that Vert.x's sendFile takes. */
    String pathName() {
        return path.toString();
    }

    /**
     * Appends {@code bytes} and returns the offset they start at.
     *
     * @throws IOException when the write fails (the spool is full, or deleted): the caller keeps the
     *     bytes in memory; the file stays usable for the parts that were written
     */
    synchronized long append(byte[] bytes) throws IOException {
        if (sealed || deleted || spool.closed()) {
            throw new IOException("spool file " + path + " is " + (deleted || spool.closed() ? "deleted" : "sealed"));
        }
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
        long offset = size;
        ByteBuffer src = ByteBuffer.wrap(bytes);
        long at = offset;
        // A failed (possibly partial) write leaves bytes past size that no part points at; the next
        // append overwrites them, so the file's published regions stay exact.
        while (src.hasRemaining()) {
            at += channel.write(src, at);
        }
        size = offset + bytes.length;
        return offset;
    }

    /** No more appends: the descriptor is closed (readers open their own). */
    synchronized void seal() {
        sealed = true;
        closeChannel();
    }

    /** Unlinks the file; later requests for it get 404, responses already sending finish. */
    synchronized void delete() {
        if (deleted) {
            return;
        }
        deleted = true;
        closeChannel();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debugf("HLS spool: could not delete %s: %s", path, e);
        }
    }

    /** Bytes of the parts appended so far. */
    synchronized long size() {
        return size;
    }

    synchronized boolean deleted() {
        return deleted;
    }

    /** A copy of {@code length} bytes at {@code offset} (tests, and segments with a part held in memory). */
    ByteBuffer read(long offset, int length) throws IOException {
        ByteBuffer dst = ByteBuffer.allocate(length);
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            while (dst.hasRemaining()) {
                if (in.read(dst, offset + dst.position()) < 0) {
                    throw new IOException("spool file " + path + " ends before " + (offset + length));
                }
            }
        }
        return dst.flip();
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debugf("HLS spool: closing %s: %s", path, e);
            }
            channel = null;
        }
    }
}
