// SPDX-License-Identifier: Apache-2.0
package io.cascade.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.local.junit.S3Fixture;
import io.cascade.platform.objectstore.ObjectStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ObjectStoreOnS3ProxyTest {
    @RegisterExtension
    static final S3Fixture S3 = new S3Fixture();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void putGetListDelete() {
        ObjectStore store = S3.store();
        store.put("meetings/m1/a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain");
        store.put("meetings/m1/b.txt", "world".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(store.get("meetings/m1/a.txt")).hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("hello"));
        assertThat(store.list("meetings/m1/")).containsExactly("meetings/m1/a.txt", "meetings/m1/b.txt");
        assertThat(store.exists("meetings/m1/b.txt")).isTrue();

        store.delete("meetings/m1/b.txt");
        assertThat(store.exists("meetings/m1/b.txt")).isFalse();
        assertThat(store.get("nope")).isEmpty();
    }

    @Test
    void multipartUploadOfElevenMebibytesComesBackByteForByte() throws Exception {
        byte[] data = new byte[11 * 1024 * 1024 + 17];
        new Random(42).nextBytes(data);
        S3.store().putMultipart("recordings/big.bin", new ByteArrayInputStream(data), "application/octet-stream",
                ObjectStore.MIN_PART_BYTES);

        assertThat(S3.store().get("recordings/big.bin")).hasValueSatisfying(b -> assertThat(b).isEqualTo(data));
    }

    @Test
    void presignedGetIsFetchableOverPlainHttpAndTamperingIsRefused() throws Exception {
        byte[] data = "presigned body".getBytes(StandardCharsets.UTF_8);
        S3.store().put("shared/clip.txt", data, "text/plain");
        URI url = S3.store().presignGet("shared/clip.txt", Duration.ofMinutes(5));

        HttpResponse<byte[]> ok = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(data);

        URI tampered = URI.create(url.toString().replace("shared/clip.txt", "shared/other.txt"));
        HttpResponse<byte[]> bad = HTTP.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bad.statusCode()).isEqualTo(403);
    }
}
