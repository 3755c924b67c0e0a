// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The directory where one {@link HlsBroadcasts} keeps the bytes it serves, so that responses can
 * leave with sendfile(2): the kernel hands the file's pages to TCP, where a write from memory
 * copies every byte into socket buffers (docs/hls.md, "Spool"). The default root is
 * {@code /dev/shm} (tmpfs: RAM, as the direct buffers it replaces were), else java.io.tmpdir.
 *
 * <p>Lifetime: {@link #open} creates {@code <root>/cascade-hls-<pid>-<random>} (mode 700) and first
 * removes the directories of ours whose process is gone (a crash or kill -9 leaves them behind;
 * listing the root is cheap). {@link #close} deletes the directory with everything in it; a JVM
 * shutdown hook does the same for spools still open at exit (tests, SIGTERM). Files are plain
 * java.nio: no JNI, nothing a native image needs to know about.
 */
final class Spool implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Spool.class);
    private static final String PREFIX = "cascade-hls-";
    private static final Set<Spool> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicLong HOOKS = new AtomicLong();

    private final Path directory;
    private final AtomicLong renditions = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private volatile boolean closed;

    private Spool(Path directory) {
        this.directory = directory;
    }

    /** Creates a fresh spool directory under {@code root}, after removing dead processes' leftovers. */
    static Spool open(Path root) throws IOException {
        Files.createDirectories(root);
        removeLeftovers(root);
        Spool spool = new Spool(Files.createTempDirectory(root, PREFIX + ProcessHandle.current().pid() + "-"));
        OPEN.add(spool);
        if (HOOKS.getAndIncrement() == 0) {
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> OPEN.forEach(Spool::close)));
        }
        return spool;
    }

    /** The default root: {@code /dev/shm} where it is a writable directory (Linux), else java.io.tmpdir. */
    static Path defaultRoot() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    Path directory() {
        return directory;
    }

    /** A name prefix no other rendition of this spool uses ({@code r<n>-}). */
    String renditionPrefix() {
        return "r" + renditions.incrementAndGet() + "-";
    }

    /** A new empty file in this spool, created on its first append. */
    SpoolFile file(String name) {
        Names.require("spool file", name.replace('.', '_'));
        return new SpoolFile(directory.resolve(name), this);
    }

    void countWriteFailure(IOException e, Path path) {
        if (writeFailures.getAndIncrement() % 100 == 0) {
            LOG.warnf("HLS spool: could not write %s (%s); held in memory instead (%d failures so far)", path, e,
                    writeFailures.get());
        }
    }

    /** Writes that failed (the part was then held in memory). */
    long writeFailures() {
        return writeFailures.get();
    }

    boolean closed() {
        return closed;
    }

    /** Deletes the directory and everything in it; responses still sending keep their open files. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN.remove(this);
        deleteTree(directory);
    }

    /** Removes {@code <root>/cascade-hls-<pid>-*} of every pid that is not a running process. */
    private static void removeLeftovers(Path root) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path entry : entries) {
                long pid = pidOf(entry.getFileName().toString());
                if (pid > 0 && ProcessHandle.of(pid).isEmpty() && Files.isDirectory(entry)) {
                    deleteTree(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("HLS spool: could not list %s for leftovers: %s", root, e);
        }
    }

    /** The pid in {@code cascade-hls-<pid>-<random>}, or -1. */
    static long pidOf(String name) {
        int dash = name.indexOf('-', PREFIX.length());
        if (!name.startsWith(PREFIX) || dash < 0) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debugf("HLS spool: could not delete %s: %s", p, e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("HLS spool: could not delete %s: %s", dir, e);
        }
    }
}
