// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

import io.cascade.edge.cmaf.CmafTracks;
import java.util.List;
import java.util.Locale;

/**
 * Renders the Multivariant Playlist (RFC 8216bis §4.4.6): one EXT-X-STREAM-INF per rendition.
 * BANDWIDTH (§4.4.6.2) is the larger of the declared peak and the highest measured segment
 * bitrate; before either exists it is estimated from the resolution (0.1 bit per pixel at the
 * frame rate, or 30 fps) plus 128 kbit/s of audio, so players can still choose.
 */
final class MultivariantPlaylistWriter {
    private static final double BITS_PER_PIXEL = 0.1;
    private static final long AUDIO_ESTIMATE = 128_000;

    private MultivariantPlaylistWriter() {
    }

    static String render(List<HlsRendition> renditions) {
        StringBuilder out = new StringBuilder(64 + 192 * renditions.size());
        out.append("#EXTM3U\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        for (HlsRendition r : renditions) {
            CmafTracks t = r.tracks();
            long peak = Math.max(r.bandwidthHint(), r.timeline().peakBitsPerSecond());
            long bandwidth = peak > 0 ? peak : estimate(t);
            long average = r.timeline().averageBitsPerSecond();
            out.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(bandwidth);
            if (average > 0) {
                out.append(",AVERAGE-BANDWIDTH=").append(Math.min(average, bandwidth));
            }
            out.append(",CODECS=\"").append(t.codecs()).append('"');
            if (t.hasVideo()) {
                out.append(",RESOLUTION=").append(t.video().width()).append('x').append(t.video().height());
                if (t.video().frameRate() > 0) {
                    out.append(",FRAME-RATE=").append(String.format(Locale.ROOT, "%.3f", t.video().frameRate()));
                }
            }
            out.append('\n').append(r.name()).append("/index.m3u8\n");
        }
        return out.toString();
    }

    private static long estimate(CmafTracks t) {
        long bits = t.hasAudio() ? AUDIO_ESTIMATE : 0;
        if (t.hasVideo()) {
            double fps = t.video().frameRate() > 0 ? t.video().frameRate() : 30;
            bits += (long) (t.video().width() * (double) t.video().height() * fps * BITS_PER_PIXEL);
        }
        return bits;
    }
}
