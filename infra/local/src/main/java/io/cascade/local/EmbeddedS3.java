// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.jboss.logging.Logger;

/**
 * A real S3 API (S3Proxy) in this JVM, storing objects as files under a directory, with AWS
 * signature checks on. Creates the bucket on start; objects survive a restart.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EmbeddedS3.class);

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    public static EmbeddedS3 start(Path dir, int port, String accessKey, String secretKey, String bucket)
            throws Exception {
        Files.createDirectories(dir);
        BlobStore store = new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
        URI endpoint = URI.create("http://127.0.0.1:" + Ports.orFree(port));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // poll, do not burn a core during start-up
        }
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
        LOG.infof("embedded S3 (S3Proxy) on %s, bucket %s, data in %s", endpoint, bucket, dir);
        return new EmbeddedS3(proxy, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
