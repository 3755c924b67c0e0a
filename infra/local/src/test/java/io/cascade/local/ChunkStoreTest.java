// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.local.junit.MiniDfsFixture;
import io.cascade.platform.chunkstore.ChunkStore;
import io.cascade.platform.chunkstore.ChunkWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One contract, two file systems: real HDFS (MiniDFSCluster) and the local disk (RawLocalFileSystem). */
class ChunkStoreTest {
    @RegisterExtension
    static final MiniDfsFixture HDFS = new MiniDfsFixture();

    @TempDir
    static Path localDir;

    static Stream<String> fileSystems() {
        return Stream.of("hdfs", "local");
    }

    private static ChunkStore open(String kind) throws Exception {
        if (kind.equals("hdfs")) {
            FileSystem fs = FileSystem.newInstance(HDFS.uri(), HDFS.fileSystem().getConf());
            return ChunkStore.open(fs, new org.apache.hadoop.fs.Path("/cascade/chunks"));
        }
        return ChunkStore.open(localDir.resolve("chunks").toUri());
    }

    private static String readAll(ChunkStore store, String group, String chunk) throws IOException {
        try (InputStream in = store.read(group, chunk)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource("fileSystems")
    void flushedBytesAreReadableWhileTheWriterIsStillOpen(String kind) throws Exception {
        try (ChunkStore store = open(kind); ChunkWriter w = store.append("meeting-1", "alice.rtp")) {
            w.write("first|".getBytes(StandardCharsets.UTF_8));
            w.flush();
            assertThat(readAll(store, "meeting-1", "alice.rtp")).isEqualTo("first|");

            w.write("second|".getBytes(StandardCharsets.UTF_8));
            w.flush();
            assertThat(readAll(store, "meeting-1", "alice.rtp")).isEqualTo("first|second|");
        }
    }

    @ParameterizedTest
    @MethodSource("fileSystems")
    void appendAfterCloseContinuesTheChunkAndListIsSorted(String kind) throws Exception {
        try (ChunkStore store = open(kind)) {
            try (ChunkWriter w = store.append("meeting-2", "b.rtp")) {
                w.write("one".getBytes(StandardCharsets.UTF_8));
            }
            try (ChunkWriter w = store.append("meeting-2", "b.rtp")) {
                w.write("two".getBytes(StandardCharsets.UTF_8));
            }
            try (ChunkWriter w = store.append("meeting-2", "a.rtp")) {
                w.write("x".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(readAll(store, "meeting-2", "b.rtp")).isEqualTo("onetwo");
            assertThat(store.length("meeting-2", "b.rtp")).isEqualTo(6);
            assertThat(store.list("meeting-2")).containsExactly("a.rtp", "b.rtp");
            assertThat(store.list("no-such-meeting")).isEmpty();

            assertThat(store.deleteGroup("meeting-2")).isTrue();
            assertThat(store.list("meeting-2")).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("fileSystems")
    void namesThatCouldEscapeTheRootAreRefused(String kind) throws Exception {
        try (ChunkStore store = open(kind)) {
            assertThatThrownBy(() -> store.append("../etc", "x")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.append("m", "a/b")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.read("m", "")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
