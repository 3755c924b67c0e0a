// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Golden vectors kept as annotated hex under {@code src/test/resources}: {@code #} starts a
 * comment that runs to the end of the line, whitespace is ignored, the rest is hex octets.
 * Shared by the rtp and rtcp tests.
 */
public final class HexVector {
    private HexVector() {
    }

    /** The octets of a classpath resource such as {@code "rtp/rfc3550-pcmu.hex"}. */
    public static byte[] load(String resource) {
        try (InputStream in = HexVector.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses annotated hex text. */
    public static byte[] parse(String annotated) {
        String hex = annotated.replaceAll("#[^\\n]*", "").replaceAll("\\s+", "");
        return HexFormat.of().parseHex(hex);
    }
}
