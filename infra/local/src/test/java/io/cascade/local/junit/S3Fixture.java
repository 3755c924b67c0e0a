// SPDX-License-Identifier: Apache-2.0
package io.cascade.local.junit;

import io.cascade.local.EmbeddedS3;
import io.cascade.platform.objectstore.ObjectStore;
import io.cascade.platform.objectstore.S3Settings;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real S3 API (S3Proxy on a temp directory) and an {@link ObjectStore} client for it. */
public final class S3Fixture implements BeforeAllCallback, AfterAllCallback {
    public static final String BUCKET = "test-bucket";
    private static final String KEY = "test-access";
    private static final String SECRET = "test-secret";

    private Path dir;
    private EmbeddedS3 s3;
    private ObjectStore store;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = TempDirs.create("s3");
        s3 = EmbeddedS3.start(dir, 0, KEY, SECRET, BUCKET);
        store = settings().open();
    }

    public S3Settings settings() {
        return new S3Settings(Optional.of(s3.endpoint()), "us-east-1", BUCKET, KEY, SECRET, true);
    }

    public ObjectStore store() {
        return store;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (store != null) {
            store.close();
        }
        if (s3 != null) {
            s3.close();
        }
        TempDirs.delete(dir);
    }
}
