// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.distribution.relay.KeyframeFormat;
import io.cascade.distribution.relay.LayerSpec;
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

    /**
     * A broadcast's WebRTC stream: the renditions as layers of one group (360p and 480p Main,
     * 720p and 1080p High) and Opus. One payload type must carry every layer: High decodes Main,
     * so the group is High at the top layer's level; Chromium without a hardware decoder offers
     * no High but High 4:4:4 Predictive, whose decoders decode High, so that payload type is
     * answered, with its own profile and our level.
     */
    @Test
    void aLayeredGroupOfMainAndHighRenditionsIsAnsweredUnderOneProfileThatDecodesAll() throws Exception {
        OfferMapper.PublishTracks source = OfferMapper.registeredTracks(LADDER, codecs("4d001e", "4d001f", "64001f", "640028"),
                LAYERS);
        assertThat(OfferMapper.groupProfileLevelId(source, 0)).isEqualTo("640028");
        assertThat(mapper.playCapabilities(source).codecs()).extracting(c -> c.name()).containsExactly("H264", "opus");

        Negotiation n = answer(source, offer("chromium-headless-whep-recvonly.sdp"));
        OfferMapper.PlayTracks play = mapper.playTracks(n, source);
        assertThat(play.payloadTypes()).as("every layer goes under the group's payload type").containsExactly(41, 41, 41, 41, 111);
        assertThat(play.ssrcs()[3]).isEqualTo(play.ssrcs()[0]).isNotZero();
        assertThat(n.answerText()).contains("a=fmtp:41 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=f40028")
                .doesNotContain("profile-level-id=4d").doesNotContain("profile-level-id=42");

        assertThat(mapper.playTracks(answer(source, chromeWhepOffer()), source).payloadTypes())
                .as("an offer with neither High nor High 4:4:4 takes none of the layers, only the audio")
                .containsExactly(-1, -1, -1, -1, 111);
    }

    @Test
    void aMainGroupGoesUnderTheOfferedMainProfileNotAWiderOne() throws Exception {
        OfferMapper.PublishTracks source = OfferMapper.registeredTracks(LADDER, codecs("4d001e", "4d001e", "4d001f", "4d001f"),
                LAYERS);
        Negotiation n = answer(source, offer("chromium-headless-whep-recvonly.sdp"));
        assertThat(mapper.playTracks(n, source).payloadTypes()[0]).isEqualTo(116);
        assertThat(n.answerText()).contains("profile-level-id=4d001f").doesNotContain("profile-level-id=f4");
    }

    @Test
    void aGroupNoOneProfileDecodesIsRefused() {
        assertThatThrownBy(() -> OfferMapper.registeredTracks(LADDER, codecs("42001f", "4d001f", "4d001f", "4d001f"), LAYERS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no one H.264 profile");
    }

    private static final List<TrackSpec> LADDER = List.of(
            new TrackSpec(MediaKind.VIDEO, 0, 96, 90_000, 0, -1, false),
            new TrackSpec(MediaKind.VIDEO, 0, 96, 90_000, 0, -1, false),
            new TrackSpec(MediaKind.VIDEO, 0, 96, 90_000, 0, -1, false),
            new TrackSpec(MediaKind.VIDEO, 0, 96, 90_000, 0, -1, false),
            new TrackSpec(MediaKind.AUDIO, 0, 111, 48_000, 0, -1, false));
    private static final List<LayerSpec> LAYERS = List.of(
            new LayerSpec(0, 0, KeyframeFormat.H264, true), new LayerSpec(0, 1, KeyframeFormat.H264, true),
            new LayerSpec(0, 2, KeyframeFormat.H264, true), new LayerSpec(0, 3, KeyframeFormat.H264, true),
            LayerSpec.single(4));

    private static List<Codec> codecs(String... profiles) {
        List<Codec> out = new java.util.ArrayList<>();
        for (String p : profiles) {
            out.add(new Codec(96, "H264", 90_000, 0, Map.of("packetization-mode", "1", "profile-level-id", p), List.of()));
        }
        out.add(CODECS.get(2));
        return out;
    }

    private Negotiation answer(OfferMapper.PublishTracks source, String offer) throws Exception {
        return mapper.answer(SdpParser.DEFAULT.parse(offer), mapper.playCapabilities(source),
                mapper.local(mapper.credentials(), Fingerprint.sha256(new byte[] {1, 2, 3}), 10_000));
    }

    private static String chromeWhepOffer() throws Exception {
        return offer("chrome-whep-recvonly.sdp");
    }

    private static String offer(String name) throws Exception {
        try (InputStream in = RegisteredTracksTest.class.getResourceAsStream("/io/cascade/distribution/sdp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
