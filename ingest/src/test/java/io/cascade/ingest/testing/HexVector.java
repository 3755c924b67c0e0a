// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Golden vectors as annotated hex under {@code src/test/resources}: {@code #} comments to the end
 * of the line, whitespace ignored, the rest hex octets.
 */
public final class HexVector {
    private HexVector() {
    }

    /** The octets of a classpath resource such as {@code "io/cascade/ingest/amf/number.hex"}. */
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

    public static byte[] parse(String annotated) {
        return HexFormat.of().parseHex(annotated.replaceAll("#[^\\n]*", "").replaceAll("\\s+", ""));
    }

    /** Raw bytes of a classpath resource (fuzz corpus files). */
    public static byte[] resource(String resource) {
        try (InputStream in = HexVector.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
