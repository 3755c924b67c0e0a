// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for the HLS request parser: bytes are a request target ({@code path[?query]}, one
 * byte per char). Under {@code mvn test} Jazzer replays the corpus in
 * {@code HlsRequestFuzzTestInputs/requestTarget/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 * Properties: only {@link HlsRequestException} (400 or 404) escapes; a parsed resource names only
 * grammar-safe ids; its canonical path and query parse back to the same resource.
 */
class HlsRequestFuzzTest {
    static final List<String> SEEDS = List.of("master", "index-blocking", "index-delta", "part", "segment", "init",
            "traversal", "encoded-traversal", "part-without-msn", "huge-msn");

    @FuzzTest
    void requestTarget(byte[] data) {
        check(data);
    }

    /** @return whether the target parsed */
    static boolean check(byte[] data) {
        String target = new String(data, StandardCharsets.ISO_8859_1);
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        HlsResource resource;
        try {
            resource = HlsRequestParser.parse(path, query);
        } catch (HlsRequestException e) {
            assertThat(e.status()).isIn(400, 404);
            return false;
        }
        assertThat(resource.broadcast()).matches("[A-Za-z0-9_-]{1,64}");
        assertThat(resource.path()).doesNotContain("..", "%", "//", "\\").startsWith("/hls/");
        String canonicalQuery = resource instanceof HlsResource.MediaPlaylist p ? p.directives().query() : null;
        assertThat(HlsRequestParser.parse(resource.path(), canonicalQuery)).isEqualTo(resource);
        return true;
    }

    /** Regression mode only replays the corpus; this adds seeded mutations, deterministically. */
    @Test
    void seededMutationsOfTheCorpusKeepTheProperties() throws IOException {
        Random random = new Random(8216);
        List<byte[]> seeds = SEEDS.stream().map(HlsRequestFuzzTest::seed).toList();
        int parsed = 0;
        int inputs = 20_000;
        for (int i = 0; i < inputs; i++) {
            parsed += check(mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(parsed).as("mutations reach both the accept and the reject path").isBetween(inputs / 20, inputs - inputs / 20);
    }

    @Test
    void seedCorpusIsPresent() {
        for (String name : SEEDS) {
            assertThat(seed(name)).as(name).isNotEmpty();
        }
    }

    private static byte[] seed(String name) {
        String resource = "io/cascade/edge/hls/HlsRequestFuzzTestInputs/requestTarget/" + name;
        try (InputStream in = HlsRequestFuzzTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Byte flips, inserts of grammar-relevant characters, deletions and truncations. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] interesting = "/.%?&=_-0123456789pHLSmsn\\".getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder b = new StringBuilder(new String(seed, StandardCharsets.ISO_8859_1));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !b.isEmpty(); e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.setCharAt(at, (char) random.nextInt(256));
                case 1 -> b.insert(at, (char) interesting[random.nextInt(interesting.length)]);
                case 2 -> b.deleteCharAt(at);
                default -> b.setLength(at + 1);
            }
        }
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
