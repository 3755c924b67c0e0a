// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.bench;

import java.nio.charset.StandardCharsets;

/**
 * An LL-HLS player at the live edge of a live broadcast (RFC 8216bis §6.2.5.2, §6.3.7): it asks for
 * the media playlist with {@code _HLS_msn}/{@code _HLS_part} naming the next part, which the edge
 * holds until that part is published, then fetches the newest part the playlist lists, and repeats;
 * one playlist and one part per part duration. It starts from a plain playlist request.
 */
final class BlockingViewer implements HttpLoad.Viewer {
    private final String playlist;
    private final String dir;
    private long msn = -1;
    private long partIndex;

    BlockingViewer(String playlist) {
        this.playlist = playlist;
        this.dir = playlist.substring(0, playlist.lastIndexOf('/') + 1);
    }

    @Override
    public String first() {
        return playlist;
    }

    @Override
    public boolean keepBody(String target) {
        return target.startsWith(playlist);
    }

    @Override
    public String next(String target, int status, byte[] body) {
        if (!target.startsWith(playlist)) {
            return msn < 0 ? playlist : playlist + "?_HLS_msn=" + msn + "&_HLS_part=" + partIndex;
        }
        if (status != 200 || body == null) {
            msn = -1;
            return playlist;
        }
        String newest = read(new String(body, StandardCharsets.UTF_8));
        return newest == null ? playlist : dir + newest;
    }

    /** Notes the part after the last one listed; returns the newest listed part's URI, or null. */
    private String read(String text) {
        long mediaSequence = -1;
        int segments = 0;
        int partsSinceSegment = 0;
        String newest = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                mediaSequence = Long.parseLong(line.substring("#EXT-X-MEDIA-SEQUENCE:".length()).strip());
            } else if (line.startsWith("#EXTINF:")) {
                segments++;
                partsSinceSegment = 0;
            } else if (line.startsWith("#EXT-X-PART:")) {
                partsSinceSegment++;
                int at = line.indexOf("URI=\"");
                newest = line.substring(at + 5, line.indexOf('"', at + 5));
            } else if (line.startsWith("#EXT-X-ENDLIST")) {
                msn = -1;
                return newest;
            }
        }
        if (mediaSequence < 0) {
            msn = -1;
            return newest;
        }
        msn = mediaSequence + segments;
        partIndex = partsSinceSegment;
        return newest;
    }
}
