// SPDX-License-Identifier: Apache-2.0
package io.cascade.local.junit;

import java.net.URI;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real HDFS (one NameNode, one DataNode) in this JVM, on a temp directory. */
public final class MiniDfsFixture implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private MiniDFSCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = TempDirs.create("hdfs");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.toAbsolutePath().toString());
        conf.setBoolean("dfs.support.append", true);
        // one DataNode: never try to replace it in the write pipeline
        conf.set("dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER");
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
    }

    public FileSystem fileSystem() throws Exception {
        return cluster.getFileSystem();
    }

    /** {@code hdfs://127.0.0.1:PORT} */
    public URI uri() {
        return cluster.getURI();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.shutdown(true);
        }
        TempDirs.delete(dir);
    }
}
