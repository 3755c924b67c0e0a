// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.sdp.Codec;
import io.cascade.distribution.sdp.Fingerprint;
import io.cascade.distribution.sdp.Negotiation;
import io.cascade.distribution.sdp.SdpParser;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plain-RTP stream registered for WHEP whose second track is AAC (a broadcast rendition: H.264,
 * AAC, Opus): the AAC track is never offered and keeps its index, so the viewer's audio section
 * carries relay track 2 (Opus) and packets of track 1 are dropped for it (payload type -1).
 */
class RegisteredTracksTest {
    private static final List<TrackSpec> RENDITION = List.of(
            new TrackSpec(MediaKind.VIDEO, 0, 96, 90_000, 0, -1, false),
            new TrackSpec(MediaKind.AUDIO, 0, 97, 48_000, 0, -1, false),
            new TrackSpec(MediaKind.AUDIO, 0, 111, 48_000, 0, -1, false));
    private static final List<Codec> CODECS = List.of(
            new Codec(96, "H264", 90_000, 0, Map.of("packetization-mode", "1", "profile-level-id", "4d001f"), List.of()),
            new Codec(97, "mpeg4-generic", 48_000, 2, Map.of("mode", "AAC-hbr", "config", "1190"), List.of()),
            new Codec(111, "opus", 48_000, 2, Map.of("minptime", "10", "useinbandfec", "1"), List.of()));

    private final OfferMapper mapper = new OfferMapper(WebRtcSettings.on("127.0.0.1"), new SecureRandom());

    @Test
    void aChromiumViewerGetsVideoAndOpusAndTheAacTrackKeepsItsIndex() throws Exception {
        OfferMapper.PublishTracks source = OfferMapper.registeredTracks(RENDITION, CODECS);
        assertThat(source.tracks()).extracting(OfferMapper.PublishedTrack::offered).containsExactly(true, false, true);
        assertThat(mapper.playCapabilities(source).codecs()).extracting(c -> c.name()).containsExactly("H264", "opus");

        Negotiation n = mapper.answer(SdpParser.DEFAULT.parse(chromeWhepOffer()), mapper.playCapabilities(source),
                mapper.local(mapper.credentials(), Fingerprint.sha256(new byte[] {1, 2, 3}), 10_000));
        OfferMapper.PlayTracks play = mapper.playTracks(n, source);
        assertThat(play.payloadTypes()[0]).as("H.264 4d001f in Chromium's offer").isEqualTo(127);
        assertThat(play.payloadTypes()[1]).as("AAC is not sent").isEqualTo(-1);
        assertThat(play.ssrcs()[1]).isZero();
        assertThat(play.payloadTypes()[2]).as("Opus").isEqualTo(111);
        assertThat(n.answerText()).doesNotContain("mpeg4-generic").contains("a=rtpmap:111 opus/48000/2");
    }

    @Test
    void aStreamWithNothingABrowserCanTakeIsRefused() {
        assertThatThrownBy(() -> OfferMapper.registeredTracks(RENDITION.subList(1, 2), CODECS.subList(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no track");
    }

    @Test
    void anOfferableCodecMustStillMatchItsTracksKind() {
        assertThatThrownBy(() -> OfferMapper.registeredTracks(RENDITION.subList(0, 1), CODECS.subList(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("track 0 is VIDEO");
    }

    private static String chromeWhepOffer() throws Exception {
        try (InputStream in = RegisteredTracksTest.class.getResourceAsStream("/io/cascade/distribution/sdp/chrome-whep-recvonly.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
