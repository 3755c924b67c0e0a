// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.chunkstore;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Media chunks by group (a meeting id, a broadcast id) on any Hadoop FileSystem: HDFS in
 * production, the local disk through {@code RawLocalFileSystem} on one machine. Writers append and
 * {@code hflush}, so readers see the data while the file is still open.
 *
 * <p>Why {@code RawLocalFileSystem}: the checksummed {@code LocalFileSystem} cannot append and hides
 * hflushed bytes until close (STACK.md), which would break the read-while-open contract.
 */
public final class ChunkStore implements AutoCloseable {
    /** Group and chunk names become path elements: keep them to a safe alphabet. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final FileSystem fs;
    private final Path root;

    private ChunkStore(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /** Opens the store rooted at {@code uri}: {@code hdfs://nn:8020/cascade} or {@code file:/var/cascade/chunks}. */
    public static ChunkStore open(URI uri) throws IOException {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return open(FileSystem.newInstance(uri, conf), new Path(uri));
    }

    public static ChunkStore open(FileSystem fs, Path root) throws IOException {
        fs.mkdirs(root);
        return new ChunkStore(fs, root);
    }

    public URI uri() {
        return fs.makeQualified(root).toUri();
    }

    /** Reachability check for health. */
    public void ping() throws IOException {
        fs.getFileStatus(root);
    }

    /** A writer that appends to the chunk, creating it if needed. */
    public ChunkWriter append(String group, String chunk) throws IOException {
        Path p = path(group, chunk);
        FSDataOutputStream out = fs.exists(p) ? fs.append(p) : fs.create(p, false);
        return new ChunkWriter(out);
    }

    /** Chunk names in a group, sorted; empty when the group does not exist. */
    public List<String> list(String group) throws IOException {
        Path dir = new Path(root, checkName("group", group));
        List<String> names = new ArrayList<>();
        if (!fs.exists(dir)) {
            return names;
        }
        for (FileStatus st : fs.listStatus(dir)) {
            if (st.isFile()) {
                names.add(st.getPath().getName());
            }
        }
        names.sort(null);
        return names;
    }

    /** Reads what has been flushed so far, even while a writer is still open. */
    public InputStream read(String group, String chunk) throws IOException {
        return fs.open(path(group, chunk));
    }

    public long length(String group, String chunk) throws IOException {
        return fs.getFileStatus(path(group, chunk)).getLen();
    }

    /** Deletes a whole group (after its chunks were assembled elsewhere). */
    public boolean deleteGroup(String group) throws IOException {
        return fs.delete(new Path(root, checkName("group", group)), true);
    }

    private Path path(String group, String chunk) {
        return new Path(new Path(root, checkName("group", group)), checkName("chunk", chunk));
    }

    static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name not allowed: " + name);
        }
        return name;
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
