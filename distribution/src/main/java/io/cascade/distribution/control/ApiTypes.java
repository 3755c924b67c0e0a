// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.control;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cascade.distribution.relay.KeyframeFormat;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.TrackSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /**
     * A track's place among simulcast layers ({@link LayerSpec}), by track index:
     * {@code {"group":0,"layer":1,"keyframes":"h264","sharedClock":true}}. Tracks with the same
     * {@code group} (the index of the group's first track) are layers of one source, layer 0 the
     * lowest; {@code keyframes} ({@code vp8}, {@code h264} or {@code any}) tells where a
     * subscriber may switch; {@code sharedClock} (default false) that the layers stamp one clock.
     */
    public record Layer(Integer group, Integer layer, String keyframes, Boolean sharedClock) {
        public static Layer of(LayerSpec l) {
            return new Layer(l.group(), l.layer(), l.keyframes().name().toLowerCase(Locale.ROOT), l.sharedClock());
        }

        /** @throws ApiException 400 naming the field */
        public LayerSpec toSpec(int index) {
            String at = "layers[" + index + "]";
            if (group == null || layer == null || group < 0 || layer < 0 || layer > MAX_LAYER) {
                throw new ApiException(400, at + ": group and layer are required, group >= 0, layer 0.." + MAX_LAYER);
            }
            KeyframeFormat k = switch (keyframes == null ? "any" : keyframes) {
                case "vp8" -> KeyframeFormat.VP8;
                case "h264" -> KeyframeFormat.H264;
                case "any" -> KeyframeFormat.ANY;
                default -> throw new ApiException(400, at + ".keyframes: vp8, h264 or any, got " + keyframes);
            };
            return new LayerSpec(group, layer, k, sharedClock != null && sharedClock);
        }
    }

    /** The highest layer number accepted: far above any real ladder, low enough to read at a glance. */
    static final int MAX_LAYER = 255;

    /**
     * A layout from the network checked against its tracks ({@link LayerSpec#check}); null when
     * {@code layers} is null (no layers).
     *
     * @throws ApiException 400 naming the offending entry
     */
    public static List<LayerSpec> layers(List<Layer> layers, List<TrackSpec> tracks) {
        if (layers == null) {
            return null;
        }
        List<LayerSpec> specs = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) == null) {
                throw new ApiException(400, "layers[" + i + "]: an object is required");
            }
            specs.add(layers.get(i).toSpec(i));
        }
        try {
            LayerSpec.check(specs, tracks);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        return List.copyOf(specs);
    }

    /** {@code POST /relay/v1/publish}; {@code layers} (optional): one per track, for a simulcast publisher. */
    public record PublishRequest(String stream, String source, List<Track> tracks,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Layer> layers) {}

    public record PublishResponse(String stream, String media) {}

    /**
     * {@code POST /relay/v1/subscribe}; {@code rtxPayloadTypes}: per track, -1 for none; omit for
     * no RTX. {@code allLayers} (optional, default false): the subscriber is a relay of the next
     * tier and takes every simulcast layer, each on its own track; the answer then has the layout.
     */
    public record SubscribeRequest(String stream, String destination, List<Integer> rtxPayloadTypes,
                                   @JsonInclude(JsonInclude.Include.NON_NULL) Boolean allLayers) {}

    /** {@code layers}: only for an {@code allLayers} subscriber of a layered stream, one per track; else absent. */
    public record SubscribeResponse(long id, String stream, String media, List<Track> tracks,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) List<Layer> layers) {}
}
