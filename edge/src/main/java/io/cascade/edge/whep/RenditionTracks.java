// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.whep;

import io.cascade.distribution.relay.KeyframeFormat;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.sdp.Codec;
import io.cascade.distribution.sdp.H264ProfileLevelId;
import io.cascade.distribution.tap.TrackFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the WebRTC gateway needs to offer a rendition stream to browsers ({@code
 * WebRtcGateway.registerStream}): one relay track spec and one SDP codec per catalog track, in
 * the stream's track order. H.264 gets the {@code profile-level-id} of its avcC (RFC 6184 §8.1:
 * profile_idc, constraint flags and level_idc are avcC bytes 1-3), so the answer names the
 * profile the encoder really uses; AAC stays {@code mpeg4-generic}, which the gateway does not
 * offer (browsers play Opus over RTP), keeping its index.
 *
 * @param specs  relay tracks (SSRC 0: a viewer's SSRCs are its own)
 * @param codecs the codec of each
 */
public record RenditionTracks(List<TrackSpec> specs, List<Codec> codecs) {
    public RenditionTracks {
        specs = List.copyOf(specs);
        codecs = List.copyOf(codecs);
    }

    public static RenditionTracks of(List<TrackFormat> formats) {
        List<TrackSpec> specs = new ArrayList<>();
        List<Codec> codecs = new ArrayList<>();
        for (TrackFormat f : formats.stream().sorted(Comparator.comparingInt(TrackFormat::index)).toList()) {
            specs.add(new TrackSpec(f.kind(), 0, f.payloadType(), f.clockRate(), 0, -1, false));
            codecs.add(new Codec(f.payloadType(), f.encoding(), f.clockRate(), f.channels(), parameters(f), List.of()));
        }
        return new RenditionTracks(specs, codecs);
    }

    /**
     * The simulcast layout of a layered stream (the transcoder's {@code bcast/{id}/webrtc}):
     * every H.264 track with {@code x-layer} is a layer of one group led by the first of them,
     * stamped from one clock; other tracks stand alone. Null when no track has {@code x-layer}.
     */
    public static List<LayerSpec> layers(List<TrackFormat> formats) {
        List<TrackFormat> sorted = formats.stream().sorted(Comparator.comparingInt(TrackFormat::index)).toList();
        int leader = -1;
        for (int i = 0; i < sorted.size(); i++) {
            if (isLayer(sorted.get(i))) {
                leader = i;
                break;
            }
        }
        if (leader < 0) {
            return null;
        }
        List<LayerSpec> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            TrackFormat f = sorted.get(i);
            out.add(isLayer(f) ? new LayerSpec(leader, (int) parseLong(f.parameter("x-layer").orElseThrow()), KeyframeFormat.H264, true)
                    : LayerSpec.single(i));
        }
        return out;
    }

    private static boolean isLayer(TrackFormat f) {
        return f.is("H264") && f.parameter("x-layer").filter(v -> v.matches("[0-9]{1,3}")).isPresent();
    }

    /** The H.264 {@code profile-level-id} of the stream's video, or null. */
    public String videoProfileLevelId() {
        for (Codec c : codecs) {
            if (c.is("H264")) {
                return c.parameter("profile-level-id").orElse(null);
            }
        }
        return null;
    }

    /** The H.264 profiles of the stream's video tracks (every layer of a layered stream). */
    public java.util.Set<H264ProfileLevelId.Profile> videoProfiles() {
        java.util.Set<H264ProfileLevelId.Profile> out = java.util.EnumSet.noneOf(H264ProfileLevelId.Profile.class);
        for (Codec c : codecs) {
            if (c.is("H264")) {
                c.parameter("profile-level-id").flatMap(H264ProfileLevelId::parse).ifPresent(p -> out.add(p.profile()));
            }
        }
        return out;
    }

    /** The video bitrate the catalog declares ({@code x-bitrate}), 0 when absent. */
    public static long videoBitrate(List<TrackFormat> formats) {
        return formats.stream().filter(f -> f.is("H264")).findFirst().flatMap(f -> f.parameter("x-bitrate"))
                .map(RenditionTracks::parseLong).orElse(0L);
    }

    private static Map<String, String> parameters(TrackFormat f) {
        Map<String, String> out = new LinkedHashMap<>();
        if (f.is("H264")) {
            out.put("packetization-mode", f.parameter("packetization-mode").orElse("1"));
            profileLevelId(f).ifPresent(p -> out.put("profile-level-id", p));
            return out;
        }
        // private x- parameters are the catalog's, not SDP's
        f.fmtp().forEach((k, v) -> {
            if (!k.startsWith("x-")) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Optional<String> profileLevelId(TrackFormat f) {
        Optional<String> stated = f.parameter("profile-level-id");
        if (stated.isPresent()) {
            return stated;
        }
        return f.parameter("x-avcc").filter(h -> h.length() >= 8 && h.length() % 2 == 0).map(h -> {
            try {
                byte[] avcC = HexFormat.of().parseHex(h);
                return HexFormat.of().formatHex(avcC, 1, 4);
            } catch (IllegalArgumentException e) {
                return null;
            }
        });
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
