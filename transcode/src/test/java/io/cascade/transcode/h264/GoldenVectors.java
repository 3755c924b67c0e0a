// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Loads the hex vectors under {@code src/test/resources/io/cascade/transcode/h264} (see README.md there). */
final class GoldenVectors {

    private GoldenVectors() {
    }

    static byte[] hex(String name) {
        try (InputStream in = GoldenVectors.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError("missing test vector " + name);
            }
            return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The avcC ffmpeg 5.1 + x264 wrote for a 1280x720 High profile clip. */
    static byte[] ffmpegAvcc() {
        return hex("ffmpeg51-x264-high-avcc.hex");
    }
}
