// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.hls;

/**
 * The Delivery Directives of a Media Playlist request (RFC 8216bis §6.2.5).
 *
 * @param msn {@code _HLS_msn}, or -1 when absent
 * @param part {@code _HLS_part}, or -1 when absent (only with an msn)
 * @param skip {@code _HLS_skip}
 */
record Directives(long msn, long part, Skip skip) {
    static final Directives NONE = new Directives(-1, -1, Skip.NO);

    /** {@code _HLS_skip} values (§6.2.5.1). */
    enum Skip {
        NO(null), YES("YES"), V2("v2");

        private final String wire;

        Skip(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }

        static Skip of(String value) {
            for (Skip s : values()) {
                if (s.wire != null && s.wire.equals(value)) {
                    return s;
                }
            }
            throw HlsRequestException.badRequest("_HLS_skip", "must be YES or v2");
        }
    }

    boolean blocking() {
        return msn >= 0;
    }

    /** The canonical query string ({@code ""} when there is none): what parses back to this value. */
    String query() {
        StringBuilder q = new StringBuilder();
        if (msn >= 0) {
            q.append("_HLS_msn=").append(msn);
        }
        if (part >= 0) {
            q.append("&_HLS_part=").append(part);
        }
        if (skip != Skip.NO) {
            q.append(q.isEmpty() ? "" : "&").append("_HLS_skip=").append(skip.wire());
        }
        return q.toString();
    }
}
