// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample offers read field by field (see the resources' README for what each one is). */
class SdpParserTest {

  @Test
  void chromeSessionLevel() {
    SessionDescription sdp = Samples.offer(Samples.CHROME_WHIP);
    assertThat(sdp.origin()).isEqualTo(
        new Origin("-", "7466483049733530735", "2", "IN", "IP4", "127.0.0.1"));
    assertThat(sdp.sessionName()).isEqualTo("-");
    assertThat(sdp.timing()).isEqualTo(Timing.UNBOUNDED);
    assertThat(sdp.bundle()).contains(new Group("BUNDLE", List.of("0", "1")));
    assertThat(sdp.extmapAllowMixed()).isTrue();
    assertThat(sdp.iceLite()).isFalse();
    assertThat(sdp.msidSemantic()).contains("WMS 4b2c1e0a-6f3d-4d8e-9a51-2f7c0b3e9d11");
    assertThat(sdp.transport()).isEqualTo(TransportAttributes.NONE);
    assertThat(sdp.media()).hasSize(2);
  }

  @Test
  void chromeAudioSection() {
    MediaDescription audio = Samples.offer(Samples.CHROME_WHIP).media().get(0);
    assertThat(audio.media()).isEqualTo("audio");
    assertThat(audio.port()).isEqualTo(50634);
    assertThat(audio.proto()).isEqualTo("UDP/TLS/RTP/SAVPF");
    assertThat(audio.formats()).containsExactly("111", "63", "9", "0", "8", "13", "110", "126");
    assertThat(audio.connection()).contains(new Connection("IN", "IP4", "203.0.113.45"));
    assertThat(audio.mid()).contains("0");
    assertThat(audio.direction()).isEqualTo(Direction.SENDONLY);
    assertThat(audio.rtcpMux()).isTrue();
    assertThat(audio.rtcpRsize()).isTrue();
    assertThat(audio.codecs().getFirst()).isEqualTo(new Codec(111, "opus", 48000, 2,
        Map.of("minptime", "10", "useinbandfec", "1"), List.of(RtcpFeedback.TRANSPORT_CC)));
    assertThat(audio.codec(63).orElseThrow().parameters()).containsExactly(Map.entry("111/111", ""));
    assertThat(audio.codec(126).orElseThrow().clockRate()).isEqualTo(8000);
    assertThat(audio.extmaps()).containsExactly(ExtMap.of(1, ExtMap.SSRC_AUDIO_LEVEL),
        ExtMap.of(2, ExtMap.ABS_SEND_TIME), ExtMap.of(3, ExtMap.TRANSPORT_WIDE_CC),
        ExtMap.of(4, ExtMap.SDES_MID));
    assertThat(audio.msids()).containsExactly(new Msid("4b2c1e0a-6f3d-4d8e-9a51-2f7c0b3e9d11",
        "8f1d2c3b-4a5e-4f60-9b7a-1c2d3e4f5a6b"));
    assertThat(audio.ssrcs()).extracting(SsrcAttribute::ssrc).containsOnly(3735928559L);
    assertThat(audio.ssrcs().getFirst()).isEqualTo(
        new SsrcAttribute(3735928559L, "cname", "Yq2k4J8m0bVn5xLp"));
    assertThat(audio.otherLines()).containsExactly("a=rtcp:9 IN IP4 0.0.0.0");
  }

  @Test
  void chromeTransportAttributes() {
    TransportAttributes t = Samples.offer(Samples.CHROME_WHIP).media().get(0).transport();
    assertThat(t.iceUfrag()).contains("Zq3f");
    assertThat(t.icePwd()).contains("p7Tq8xJ1lLxkV0mC3rSe9YbN");
    assertThat(t.iceOptions()).containsExactly("trickle");
    assertThat(t.setup()).contains(Setup.ACTPASS);
    assertThat(t.fingerprints()).containsExactly(new Fingerprint("sha-256",
        "B4:1E:8F:6A:0C:37:D2:95:4E:11:A8:C3:7F:20:9B:5D:E6:44:0A:CF:83:2B:71:96:1D:E8:5C:3F:A0:47:BE:62"));
    assertThat(t.candidates()).hasSize(3);
    Candidate mdns = t.candidates().get(0);
    assertThat(mdns.foundation()).isEqualTo("1467250027");
    assertThat(mdns.component()).isEqualTo(1);
    assertThat(mdns.transport()).isEqualTo("udp");
    assertThat(mdns.priority()).isEqualTo(2122260223L);
    assertThat(mdns.address()).isEqualTo("0c6a3f52-9d1e-4b4a-8e0f-5f3a8d1c2b7e.local");
    assertThat(mdns.port()).isEqualTo(50634);
    assertThat(mdns.type()).isEqualTo("host");
    assertThat(mdns.extensions()).containsExactly(Map.entry("generation", "0"),
        Map.entry("network-id", "1"), Map.entry("network-cost", "10"));
    Candidate srflx = t.candidates().get(1);
    assertThat(srflx.relatedAddress()).contains("0.0.0.0");
    assertThat(srflx.relatedPort()).contains(0);
    assertThat(t.candidates().get(2).extensions()).containsEntry("tcptype", "active");
    assertThat(t.endOfCandidates()).isFalse();
  }

  @Test
  void chromeVideoSection() {
    MediaDescription video = Samples.offer(Samples.CHROME_WHIP).media().get(1);
    assertThat(video.codecs()).hasSize(23);
    assertThat(video.codec(96).orElseThrow().feedback()).containsExactly(RtcpFeedback.GOOG_REMB,
        RtcpFeedback.TRANSPORT_CC, RtcpFeedback.CCM_FIR, RtcpFeedback.NACK, RtcpFeedback.NACK_PLI);
    assertThat(video.codec(97).orElseThrow().associatedPayloadType()).contains(96);
    Codec h264 = video.codec(104).orElseThrow();
    assertThat(h264.name()).isEqualTo("H264");
    assertThat(h264.parameter("PACKETIZATION-MODE")).contains("0");
    assertThat(H264ProfileLevelId.of(h264)).contains(
        new H264ProfileLevelId(H264ProfileLevelId.Profile.BASELINE, 31));
    assertThat(video.codec(118).orElseThrow().name()).isEqualTo("ulpfec");
    assertThat(video.extmaps()).extracting(ExtMap::id)
        .containsExactly(14, 2, 13, 3, 5, 6, 7, 8, 4, 10, 11);
    assertThat(video.rids()).containsExactly(RidDescription.of("q", RidDirection.SEND),
        RidDescription.of("h", RidDirection.SEND), RidDescription.of("f", RidDirection.SEND));
    assertThat(video.simulcast()).contains(new Simulcast(List.of(
        List.of(new Simulcast.Id("q", false)), List.of(new Simulcast.Id("h", false)),
        List.of(new Simulcast.Id("f", false))), List.of()));
    assertThat(video.ssrcs()).isEmpty();
    assertThat(video.transport().candidates()).isEmpty();
  }

  @Test
  void firefoxOrderAndSessionLevelFingerprint() {
    SessionDescription sdp = Samples.offer(Samples.FIREFOX_WHIP);
    assertThat(sdp.transport().fingerprints()).extracting(Fingerprint::hashFunction)
        .containsExactly("sha-256");
    assertThat(sdp.transport().iceOptions()).containsExactly("trickle");
    assertThat(sdp.msidSemantic()).contains("WMS *");
    MediaDescription audio = sdp.media().get(0);
    assertThat(audio.transport().fingerprints()).isEmpty();
    assertThat(audio.transportOver(sdp).fingerprints()).isEqualTo(sdp.transport().fingerprints());
    assertThat(audio.transport().endOfCandidates()).isTrue();
    assertThat(audio.transport().candidates()).extracting(Candidate::transport)
        .containsExactly("UDP", "TCP", "UDP");
    // fmtp came before rtpmap: both end up on the codec.
    assertThat(audio.codec(109).orElseThrow()).isEqualTo(new Codec(109, "opus", 48000, 2,
        Map.of("maxplaybackrate", "48000", "stereo", "1", "useinbandfec", "1"), List.of()));
    assertThat(audio.codec(9).orElseThrow().channels()).isEqualTo(1);
    assertThat(audio.codec(101).orElseThrow().parameters()).containsOnlyKeys("0-15");
    assertThat(audio.extmaps().get(1)).isEqualTo(new ExtMap(2, Optional.of(Direction.RECVONLY),
        "urn:ietf:params:rtp-hdrext:csrc-audio-level", ""));
    MediaDescription video = sdp.media().get(1);
    assertThat(video.ssrcGroups()).containsExactly(
        new SsrcGroup("FID", List.of(2981624321L, 4129587630L)));
    assertThat(video.codec(97).orElseThrow().parameter("packetization-mode")).isEmpty();
    assertThat(video.msids().getFirst().streamId())
        .isEqualTo("{7e2d9f3a-1b4c-4e5d-8f6a-0b1c2d3e4f50}");
  }

  @Test
  void ffmpegOffersPassiveSetupAndNoFeedback() {
    SessionDescription sdp = Samples.offer(Samples.FFMPEG_WHIP);
    assertThat(sdp.origin().username()).isEqualTo("FFmpeg");
    assertThat(sdp.sessionName()).isEqualTo("FFmpegPublishSession");
    for (MediaDescription media : sdp.media()) {
      assertThat(media.transport().setup()).contains(Setup.PASSIVE);
      assertThat(media.transport().iceUfrag()).contains("4f2a9c1e");
      assertThat(media.extmaps()).isEmpty();
      assertThat(media.codecs()).hasSize(1).allMatch(c -> c.feedback().isEmpty());
    }
    assertThat(sdp.media().get(1).codecs().getFirst().parameter("profile-level-id"))
        .contains("42e01f");
  }

  @Test
  void lineFeedOnlyReadsTheSameAsCrlf() throws SdpParseException {
    for (String name : Samples.OFFERS) {
      String crlf = Samples.text(name);
      assertThat(SdpParser.DEFAULT.parse(crlf.replace("\r\n", "\n")))
          .as(name).isEqualTo(SdpParser.DEFAULT.parse(crlf));
    }
  }

  @Test
  void reportsNothingSkippedForTheSamples() throws SdpParseException {
    for (String name : Samples.OFFERS) {
      SdpParseResult result = SdpParser.DEFAULT.parseDetailed(Samples.text(name));
      assertThat(result.skippedLines()).as(name).isZero();
    }
  }

  @Test
  void acceptsUtf8BytesAndAByteOrderMark() throws SdpParseException {
    String text = "\uFEFF" + Samples.text(Samples.FFMPEG_WHIP);
    SdpParseResult result = SdpParser.DEFAULT.parseDetailed(
        text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(result.description()).isEqualTo(Samples.offer(Samples.FFMPEG_WHIP));
  }

  @Test
  void sessionDirectionIsTheMediaDefault() throws SdpParseException {
    SessionDescription sdp = SdpParser.DEFAULT.parse("v=0\r\na=recvonly\r\n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\na=inactive\r\n");
    assertThat(sdp.direction()).contains(Direction.RECVONLY);
    assertThat(sdp.media()).extracting(MediaDescription::direction)
        .containsExactly(Direction.RECVONLY, Direction.INACTIVE);
    // Tolerated: no o=, s=, t=; defaults stand in.
    assertThat(sdp.origin()).isEqualTo(Origin.placeholder());
    assertThat(sdp.sessionName()).isEqualTo("-");
    assertThat(sdp.media().getFirst().codecs().getFirst().name()).isEmpty();
  }

  @Test
  void wildcardFeedbackAppliesToEveryPayloadType() throws SdpParseException {
    MediaDescription video = SdpParser.DEFAULT.parse("v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96 97\r\n"
        + "a=rtcp-fb:* nack\r\na=rtpmap:96 VP8/90000\r\na=rtcp-fb:96 nack\r\n").media().get(0);
    assertThat(video.codec(96).orElseThrow().feedback()).containsExactly(RtcpFeedback.NACK);
    assertThat(video.codec(97).orElseThrow().feedback()).containsExactly(RtcpFeedback.NACK);
  }
}
