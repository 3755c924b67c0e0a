// SPDX-License-Identifier: Apache-2.0
package io.cascade.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the latency readers need of an HLS media playlist (RFC 8216bis): the init section, the
 * complete segments with their media sequence numbers, the parts of the LL-HLS extension and the
 * preload hint. Lenient: unknown tags are skipped.
 */
record MediaPlaylist(String map, long mediaSequence, List<Segment> segments, List<Part> parts, String preloadHint) {
    record Segment(long msn, String uri) {
    }

    record Part(String uri, boolean independent) {
    }

    private static final Pattern URI = Pattern.compile("URI=\"([^\"]+)\"");

    static MediaPlaylist parse(String text) {
        String map = null;
        String hint = null;
        long sequence = 0;
        List<Segment> segments = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        boolean segmentNext = false;
        for (String raw : text.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("#EXT-X-MAP:")) {
                map = uri(line);
            } else if (line.startsWith("#EXT-X-PART:")) {
                parts.add(new Part(uri(line), line.contains("INDEPENDENT=YES")));
            } else if (line.startsWith("#EXT-X-PRELOAD-HINT:") && line.contains("TYPE=PART")) {
                hint = uri(line);
            } else if (line.startsWith("#EXTINF:")) {
                segmentNext = true;
            } else if (!line.isEmpty() && !line.startsWith("#") && segmentNext) {
                segments.add(new Segment(sequence + segments.size(), line));
                segmentNext = false;
            }
        }
        return new MediaPlaylist(map, sequence, segments, parts, hint);
    }

    private static String uri(String line) {
        Matcher m = URI.matcher(line);
        return m.find() ? m.group(1) : null;
    }
}
