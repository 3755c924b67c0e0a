// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.TrackSpec;
import java.util.List;

/** The JSON bodies of the relay control API (docs/relay-api.md). SSRCs are unsigned 32-bit numbers. */
public final class ApiTypes {
    private ApiTypes() {}

    public record Track(String kind, long ssrc, int payloadType, int clockRate, Long rtxSsrc, Integer rtxPayloadType,
                        Boolean nack) {
        public static Track of(TrackSpec t) {
            return new Track(t.kind().name().toLowerCase(), Integer.toUnsignedLong(t.ssrc()), t.payloadType(),
                    t.clockRate(), t.hasRtx() ? Integer.toUnsignedLong(t.rtxSsrc()) : null,
                    t.hasRtx() ? t.rtxPayloadType() : null, t.nack());
        }

        public TrackSpec toSpec() {
            MediaKind k = switch (kind == null ? "" : kind) {
                case "audio" -> MediaKind.AUDIO;
                case "video" -> MediaKind.VIDEO;
                default -> throw new ApiException(400, "tracks[].kind: audio or video, got " + kind);
            };
            checkSsrc("tracks[].ssrc", ssrc);
            if (rtxSsrc != null) {
                checkSsrc("tracks[].rtxSsrc", rtxSsrc);
            }
            try {
                return new TrackSpec(k, (int) ssrc, payloadType, clockRate, rtxSsrc == null ? 0 : (int) rtxSsrc.longValue(),
                        rtxPayloadType == null ? -1 : rtxPayloadType, nack == null || nack);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "tracks[]: " + e.getMessage());
            }
        }

        private static void checkSsrc(String field, long v) {
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new ApiException(400, field + ": not a 32-bit unsigned number: " + v);
            }
        }
    }

    /** {@code POST /relay/v1/publish} */
    public record PublishRequest(String stream, String source, List<Track> tracks) {}

    public record PublishResponse(String stream, String media) {}

    /** {@code POST /relay/v1/subscribe}; {@code rtxPayloadTypes}: per track, -1 for none; omit for no RTX. */
    public record SubscribeRequest(String stream, String destination, List<Integer> rtxPayloadTypes) {}

    public record SubscribeResponse(long id, String stream, String media, List<Track> tracks) {}
}
