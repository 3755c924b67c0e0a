// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each attribute's decode and encode, on the examples of the RFC that defines it. */
class AttributeCodecTest {

  @Test
  void candidatesOfRfc8839Section5_1() throws SdpParseException {
    Candidate host = Candidate.decode("1 1 UDP 2130706431 10.0.1.1 8998 typ host");
    assertThat(host).isEqualTo(Candidate.host("1", "UDP", 2130706431L, "10.0.1.1", 8998));
    assertThat(host.isUdp()).isTrue();
    String srflx = "2 1 UDP 1694498815 192.0.2.3 45664 typ srflx raddr 10.0.1.1 rport 8998";
    Candidate decoded = Candidate.decode(srflx);
    assertThat(decoded.relatedAddress()).contains("10.0.1.1");
    assertThat(decoded.relatedPort()).contains(8998);
    assertThat(decoded.encode()).isEqualTo(srflx);
    Candidate ipv6 = Candidate.decode("3 1 udp 2122262783 2001:db8::1%eth0 50000 typ host"
        + " generation 0 generation 1");
    assertThat(ipv6.address()).isEqualTo("2001:db8::1%eth0");
    assertThat(ipv6.extensions()).containsExactly(Map.entry("generation", "1"));
  }

  @Test
  void candidateErrorsNameTheProblem() {
    assertThatThrownBy(() -> Candidate.decode("1 1 UDP 1 10.0.0.1 9 host x"))
        .hasMessageContaining("typ <cand-type>");
    assertThatThrownBy(() -> Candidate.decode("1 0 UDP 1 10.0.0.1 9 typ host"))
        .hasMessageContaining("0 is outside 1-256");
    assertThatThrownBy(() -> Candidate.decode("1 1 UDP 4294967296 10.0.0.1 9 typ host"))
        .hasMessageContaining("outside 0-4294967295");
    assertThatThrownBy(() -> Candidate.decode("1 1 UDP 1 10.0.0.1/8 9 typ host"))
        .hasMessageContaining("connection address has '/'");
    assertThatThrownBy(() -> Candidate.decode("f:o 1 UDP 1 10.0.0.1 9 typ host"))
        .hasMessageContaining("foundation");
    assertThatThrownBy(() -> Candidate.decode("1 1 UDP 1 10.0.0.1 9 typ host generation"))
        .hasMessageContaining("has no value");
  }

  @Test
  void fingerprintOfRfc8122AndItsDigest() throws SdpParseException {
    byte[] certificate = "a certificate".getBytes(StandardCharsets.US_ASCII);
    Fingerprint fingerprint = Fingerprint.sha256(certificate);
    assertThat(fingerprint.matches(certificate)).isTrue();
    assertThat(fingerprint.matches("another".getBytes(StandardCharsets.US_ASCII))).isFalse();
    assertThat(Fingerprint.decode(fingerprint.encode().toLowerCase())).isEqualTo(fingerprint);
    assertThat(fingerprint.bytes()).hasSize(32);
    Fingerprint sha1 = Fingerprint.decode("SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:"
        + "E5:7C:AB");
    assertThat(sha1.hashFunction()).isEqualTo("sha-1");
    assertThat(sha1.isVerifiable()).isFalse();
    assertThat(sha1.matches(certificate)).as("never trusted").isFalse();
    assertThat(Fingerprint.decode("x-future AB:CD").value()).isEqualTo("AB:CD");
    assertThatThrownBy(() -> new Fingerprint("sha-256", "ab:cd"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extmapOfRfc8285Section8() throws SdpParseException {
    assertThat(ExtMap.decode("1 http://example.com/082005/ext.htm#ttime"))
        .isEqualTo(ExtMap.of(1, "http://example.com/082005/ext.htm#ttime"));
    ExtMap meta = ExtMap.decode("2/sendrecv http://example.com/082005/ext.htm#xmeta short");
    assertThat(meta).isEqualTo(new ExtMap(2, Optional.of(Direction.SENDRECV),
        "http://example.com/082005/ext.htm#xmeta", "short"));
    assertThat(meta.encode()).isEqualTo("2/sendrecv http://example.com/082005/ext.htm#xmeta short");
    assertThatThrownBy(() -> ExtMap.decode("256 urn:x")).hasMessageContaining("outside 1-255");
    assertThatThrownBy(() -> ExtMap.decode("3/both urn:x")).hasMessageContaining("direction");
    assertThatThrownBy(() -> ExtMap.decode("3")).hasMessageContaining("missing extension name");
  }

  @Test
  void ridOfRfc8851() throws SdpParseException {
    String text = "5 send pt=99,102;max-br=64000;max-width=1280;max-height=720;max-fps=30";
    RidDescription rid = RidDescription.decode(text);
    assertThat(rid.id()).isEqualTo("5");
    assertThat(rid.direction()).isEqualTo(RidDirection.SEND);
    assertThat(rid.payloadTypes()).containsExactly(99, 102);
    assertThat(rid.restrictions()).containsExactly(Map.entry("max-br", "64000"),
        Map.entry("max-width", "1280"), Map.entry("max-height", "720"), Map.entry("max-fps", "30"));
    assertThat(rid.encode()).isEqualTo(text);
    assertThat(RidDescription.decode("a_b-1 recv depend=x,y").restrictions())
        .containsExactly(Map.entry("depend", "x,y"));
    assertThatThrownBy(() -> RidDescription.decode("q send max-width=1;pt=96"))
        .hasMessageContaining("bad restriction 'pt'");
    assertThatThrownBy(() -> RidDescription.decode("q! send")).hasMessageContaining("rid-id");
    assertThatThrownBy(() -> RidDescription.decode("q send pt=96,96"))
        .hasMessageContaining("listed twice");
  }

  @Test
  void simulcastOfRfc8853() throws SdpParseException {
    Simulcast both = Simulcast.decode("send 1;2,3 recv 4");
    assertThat(both.send()).containsExactly(List.of(new Simulcast.Id("1", false)),
        List.of(new Simulcast.Id("2", false), new Simulcast.Id("3", false)));
    assertThat(both.recv()).containsExactly(List.of(new Simulcast.Id("4", false)));
    assertThat(both.encode()).isEqualTo("send 1;2,3 recv 4");
    Simulcast paused = Simulcast.decode("recv 1;~2");
    assertThat(paused.streams(RidDirection.RECV).get(1))
        .containsExactly(new Simulcast.Id("2", true));
    assertThat(Simulcast.decode("recv 4 send 1").encode()).isEqualTo("send 1 recv 4");
    assertThatThrownBy(() -> Simulcast.decode("send 1 send 2")).hasMessageContaining("twice");
    assertThatThrownBy(() -> Simulcast.decode("send 1;;2")).hasMessageContaining("rid-id");
    assertThatThrownBy(() -> Simulcast.decode("send rid=1")).hasMessageContaining("rid-id");
  }

  @Test
  void ssrcAttributesOfRfc5576() throws SdpParseException {
    SsrcAttribute cname = SsrcAttribute.decode("314159 cname:user@example.com");
    assertThat(cname).isEqualTo(new SsrcAttribute(314159, "cname", "user@example.com"));
    assertThat(cname.encode()).isEqualTo("314159 cname:user@example.com");
    assertThat(SsrcAttribute.decode("1 msid:stream track").value()).isEqualTo("stream track");
    assertThat(SsrcAttribute.decode("4294967295 label").value()).isEmpty();
    SsrcGroup fid = SsrcGroup.decode("FID 314159 271828");
    assertThat(fid).isEqualTo(new SsrcGroup(SsrcGroup.FID, List.of(314159L, 271828L)));
    assertThat(fid.encode()).isEqualTo("FID 314159 271828");
    assertThatThrownBy(() -> SsrcAttribute.decode("4294967296 cname:x"))
        .hasMessageContaining("outside");
    assertThatThrownBy(() -> SsrcGroup.decode("FID")).hasMessageContaining("expected");
  }

  @Test
  void msidOfRfc8830AndGroupOfRfc5888() throws SdpParseException {
    Msid msid = Msid.decode(
        "61317484-2ed4-49d7-9eb7-1414322a7aae f30bdb4a-5db8-49b5-bcdc-e0c9a23172e0");
    assertThat(msid.trackId()).isEqualTo("f30bdb4a-5db8-49b5-bcdc-e0c9a23172e0");
    assertThat(Msid.decode("-").encode()).isEqualTo("-");
    assertThatThrownBy(() -> Msid.decode("a b c")).hasMessageContaining("once or twice");
    assertThat(Group.decode("BUNDLE 0 1").isBundle()).isTrue();
    assertThat(Group.decode("LS a b").encode()).isEqualTo("LS a b");
    assertThat(Group.decode("BUNDLE").mids()).isEmpty();
  }

  @Test
  void codecParametersKeepOrderAndOddShapes() {
    Map<String, String> parameters =
        Codec.parseParameters(" profile-level-id=42e01f ; packetization-mode=1;;=x;apt=");
    assertThat(parameters).containsExactly(Map.entry("profile-level-id", "42e01f"),
        Map.entry("packetization-mode", "1"), Map.entry("apt", ""));
    Codec codec = new Codec(96, "H264", 90000, 0, parameters, List.of());
    assertThat(codec.encodeParameters())
        .isEqualTo("profile-level-id=42e01f;packetization-mode=1;apt");
    assertThat(codec.parameter("Profile-Level-Id")).contains("42e01f");
    assertThat(codec.associatedPayloadType()).isEmpty();
    assertThat(new Codec(97, "rtx", 90000, 0, Map.of("apt", "96"), List.of())
        .associatedPayloadType()).contains(96);
    assertThatThrownBy(() -> new Codec(128, "", 0, 0, Map.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void directionsMirror() {
    assertThat(Direction.SENDONLY.mirrored()).isEqualTo(Direction.RECVONLY);
    assertThat(Direction.RECVONLY.mirrored()).isEqualTo(Direction.SENDONLY);
    assertThat(Direction.SENDRECV.mirrored()).isEqualTo(Direction.SENDRECV);
    assertThat(Direction.INACTIVE.mirrored()).isEqualTo(Direction.INACTIVE);
    assertThat(Direction.fromAttribute("sendonly")).contains(Direction.SENDONLY);
    assertThat(Direction.fromAttribute("SENDONLY")).isEmpty();
  }
}
