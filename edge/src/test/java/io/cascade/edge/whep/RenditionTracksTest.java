// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.whep;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.tap.TrackFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rendition's catalog description as the WebRTC gateway takes it; the ladder's track order is kept. */
class RenditionTracksTest {
    // avcC of x264 High profile level 3.1: version 1, profile 0x64, compatibility 0x00, level 0x1f
    private static final List<TrackFormat> RENDITION = List.of(
            new TrackFormat(2, MediaKind.AUDIO, "opus", 48_000, 2, 111, Map.of("minptime", "10", "useinbandfec", "1")),
            new TrackFormat(0, MediaKind.VIDEO, "H264", 90_000, 0, 96, Map.of("packetization-mode", "1",
                    "x-avcc", "0164001fffe1", "x-width", "1280", "x-height", "720", "x-bitrate", "2500000")),
            new TrackFormat(1, MediaKind.AUDIO, "mpeg4-generic", 48_000, 2, 97, Map.of("mode", "AAC-hbr", "config", "1190")));

    @Test
    void tracksFollowTheStreamsIndicesWithTheirPayloadTypes() {
        RenditionTracks t = RenditionTracks.of(RENDITION);
        assertThat(t.specs()).extracting(s -> s.payloadType()).containsExactly(96, 97, 111);
        assertThat(t.specs()).extracting(s -> s.kind()).containsExactly(MediaKind.VIDEO, MediaKind.AUDIO, MediaKind.AUDIO);
        assertThat(t.codecs()).extracting(c -> c.name()).containsExactly("H264", "mpeg4-generic", "opus");
    }

    @Test
    void h264NamesTheProfileOfItsAvcCAndDropsPrivateParameters() {
        RenditionTracks t = RenditionTracks.of(RENDITION);
        assertThat(t.codecs().getFirst().parameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("packetization-mode", "1", "profile-level-id", "64001f"));
        assertThat(t.videoProfileLevelId()).isEqualTo("64001f");
        assertThat(RenditionTracks.videoBitrate(RENDITION)).isEqualTo(2_500_000);
    }

    @Test
    void theOfferedProfilesOfAChromiumOfferAreReadFromItsFmtpLines() {
        String offer = "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f\r\n"
                + "a=fmtp:104 level-asymmetry-allowed=1;packetization-mode=0;profile-level-id=640c1f\r\n"
                + "a=fmtp:127 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=4d001f\r\n";
        assertThat(OfferedH264.profiles(offer)).isEqualTo(Set.of(
                io.cascade.distribution.sdp.H264ProfileLevelId.Profile.BASELINE,
                io.cascade.distribution.sdp.H264ProfileLevelId.Profile.MAIN));
    }

    @Test
    void aLayeredStreamsH264TracksAreLayersOfOneGroupOnOneClockAndOpusStandsAlone() {
        List<TrackFormat> webrtc = List.of(
                new TrackFormat(0, MediaKind.VIDEO, "H264", 90_000, 0, 96, Map.of("packetization-mode", "1",
                        "x-avcc", "014d401effe1", "x-layer", "0")),
                new TrackFormat(1, MediaKind.VIDEO, "H264", 90_000, 0, 96, Map.of("packetization-mode", "1",
                        "x-avcc", "016400280000", "x-layer", "1")),
                new TrackFormat(2, MediaKind.AUDIO, "opus", 48_000, 2, 111, Map.of("minptime", "10")));
        assertThat(RenditionTracks.layers(webrtc)).containsExactly(
                new io.cascade.distribution.relay.LayerSpec(0, 0, io.cascade.distribution.relay.KeyframeFormat.H264, true),
                new io.cascade.distribution.relay.LayerSpec(0, 1, io.cascade.distribution.relay.KeyframeFormat.H264, true),
                io.cascade.distribution.relay.LayerSpec.single(2));
        assertThat(RenditionTracks.of(webrtc).videoProfiles()).containsExactlyInAnyOrder(
                io.cascade.distribution.sdp.H264ProfileLevelId.Profile.MAIN,
                io.cascade.distribution.sdp.H264ProfileLevelId.Profile.HIGH);
        assertThat(RenditionTracks.layers(RENDITION)).as("a rendition stream has no layers").isNull();
    }
}
