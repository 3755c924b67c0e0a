// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/** What an HLS URL names, once parsed; {@link #path()} gives the canonical path back. */
sealed interface HlsResource {
    String broadcast();

    String path();

    /** {@code /hls/<b>/master.m3u8}. */
    record Multivariant(String broadcast) implements HlsResource {
        public String path() {
            return "/hls/" + broadcast + "/master.m3u8";
        }
    }

    /** {@code /hls/<b>/<r>/index.m3u8[?directives]}. */
    record MediaPlaylist(String broadcast, String rendition, Directives directives) implements HlsResource {
        public String path() {
            return "/hls/" + broadcast + "/" + rendition + "/index.m3u8";
        }
    }

    /** {@code /hls/<b>/<r>/init.mp4}: the EXT-X-MAP. */
    record Init(String broadcast, String rendition) implements HlsResource {
        public String path() {
            return "/hls/" + broadcast + "/" + rendition + "/init.mp4";
        }
    }

    /** {@code /hls/<b>/<r>/p<sequence>.m4s}: one part. */
    record PartFile(String broadcast, String rendition, long sequence) implements HlsResource {
        public String path() {
            return "/hls/" + broadcast + "/" + rendition + "/p" + sequence + ".m4s";
        }
    }

    /** {@code /hls/<b>/<r>/s<msn>.m4s}: one whole segment. */
    record SegmentFile(String broadcast, String rendition, long msn) implements HlsResource {
        public String path() {
            return "/hls/" + broadcast + "/" + rendition + "/s" + msn + ".m4s";
        }
    }
}
