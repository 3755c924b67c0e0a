// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.worker;

import java.util.Objects;

/** What a worker is asked to transcode: one broadcast in one output format (e.g. {@code hls}, {@code webrtc}). */
public record AssignmentKey(String broadcast, String format) {

    public AssignmentKey {
        Objects.requireNonNull(broadcast, "broadcast");
        Objects.requireNonNull(format, "format");
        if (broadcast.isBlank() || format.isBlank()) {
            throw new IllegalArgumentException("broadcast and format must not be blank");
        }
    }

    @Override
    public String toString() {
        return broadcast + "/" + format;
    }
}
