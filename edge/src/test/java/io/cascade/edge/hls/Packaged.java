// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.cascade.edge.cmaf.FfmpegSource;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test access to what a rendition published. */
final class Packaged {
    private Packaged() {
    }

    static void feed(HlsRendition r, FfmpegSource.Media media) {
        for (FfmpegSource.Timed t : media.samples()) {
            if (t.video() != null) {
                r.video(t.video());
            } else {
                r.audio(t.audio());
            }
        }
    }

    /** Every retained part, oldest first (complete segments, then the open one). */
    static List<Part> parts(HlsRendition r) {
        TimelineSnapshot s = r.timeline().snapshot();
        List<Part> parts = new ArrayList<>();
        s.retained().forEach(seg -> parts.addAll(seg.parts()));
        parts.addAll(s.openParts());
        return parts;
    }

    /** The init segment followed by the given parts: a file any MP4 reader can open. */
    static byte[] file(HlsRendition r, List<Part> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(r.init());
        parts.forEach(p -> out.writeBytes(p.bytes()));
        return out.toByteArray();
    }
}
