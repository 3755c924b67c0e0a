// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link SessionDescription} as RFC 8866 text with CRLF line endings (§5).
 *
 * <p>Lines come in the order of §5 ({@code v o s i u e p c b t r z k a} at session level, {@code
 * m i c b k a} per media section); attributes in the order Chromium writes them, which readers
 * tolerate best. Every media section states its direction explicitly. Whatever {@link SdpParser}
 * reads, this writes back so that parsing again gives an equal description.
 */
public final class SdpWriter {
  private static final String CRLF = "\r\n";

  private SdpWriter() {}

  /** The description as text. */
  public static String write(SessionDescription sdp) {
    StringBuilder out = new StringBuilder(4096);
    line(out, "v=0");
    line(out, "o=" + sdp.origin().encode());
    line(out, "s=" + sdp.sessionName());
    others(out, sdp.otherLines(), OtherLines.SESSION_BEFORE_C, true);
    sdp.connection().ifPresent(c -> line(out, "c=" + c.encode()));
    others(out, sdp.otherLines(), OtherLines.SESSION_BEFORE_T, true);
    line(out, "t=" + sdp.timing().encode());
    others(out, sdp.otherLines(), OtherLines.SESSION_AFTER_T, true);
    sdp.groups().forEach(g -> line(out, "a=group:" + g.encode()));
    flag(out, sdp.extmapAllowMixed(), "a=extmap-allow-mixed");
    // Chromium writes a space after the colon; an empty value gets none.
    sdp.msidSemantic().ifPresent(s -> line(out, "a=msid-semantic:" + (s.isEmpty() ? "" : " " + s)));
    flag(out, sdp.iceLite(), "a=ice-lite");
    transport(out, sdp.transport());
    flag(out, sdp.transport().endOfCandidates(), "a=end-of-candidates");
    sdp.direction().ifPresent(d -> line(out, "a=" + d.attribute()));
    others(out, sdp.otherLines(), OtherLines.ATTRIBUTES, true);
    sdp.media().forEach(m -> media(out, m));
    return out.toString();
  }

  /** The description as UTF-8 bytes, for a response body. */
  public static byte[] writeUtf8(SessionDescription sdp) {
    return write(sdp).getBytes(StandardCharsets.UTF_8);
  }

  private static void media(StringBuilder out, MediaDescription m) {
    line(out, "m=" + m.media() + " " + m.port() + (m.portCount() > 0 ? "/" + m.portCount() : "")
        + " " + m.proto() + " " + String.join(" ", m.formats()));
    others(out, m.otherLines(), OtherLines.MEDIA_BEFORE_C, false);
    m.connection().ifPresent(c -> line(out, "c=" + c.encode()));
    others(out, m.otherLines(), OtherLines.MEDIA_AFTER_C, false);
    transport(out, m.transport());
    m.mid().ifPresent(mid -> line(out, "a=mid:" + mid));
    m.extmaps().forEach(e -> line(out, "a=extmap:" + e.encode()));
    line(out, "a=" + m.direction().attribute());
    m.msids().forEach(msid -> line(out, "a=msid:" + msid.encode()));
    flag(out, m.rtcpMux(), "a=rtcp-mux");
    flag(out, m.rtcpRsize(), "a=rtcp-rsize");
    m.codecs().forEach(c -> codec(out, c));
    m.rids().forEach(r -> line(out, "a=rid:" + r.encode()));
    m.simulcast().ifPresent(s -> line(out, "a=simulcast:" + s.encode()));
    m.ssrcGroups().forEach(g -> line(out, "a=ssrc-group:" + g.encode()));
    m.ssrcs().forEach(s -> line(out, "a=ssrc:" + s.encode()));
    m.transport().candidates().forEach(c -> line(out, "a=candidate:" + c.encode()));
    flag(out, m.transport().endOfCandidates(), "a=end-of-candidates");
    others(out, m.otherLines(), OtherLines.ATTRIBUTES, false);
  }

  /** ICE and DTLS attributes; candidates are written last in the section, like Firefox. */
  private static void transport(StringBuilder out, TransportAttributes t) {
    t.iceUfrag().ifPresent(u -> line(out, "a=ice-ufrag:" + u));
    t.icePwd().ifPresent(p -> line(out, "a=ice-pwd:" + p));
    if (!t.iceOptions().isEmpty()) {
      line(out, "a=ice-options:" + String.join(" ", t.iceOptions()));
    }
    t.fingerprints().forEach(f -> line(out, "a=fingerprint:" + f.encode()));
    t.setup().ifPresent(s -> line(out, "a=setup:" + s.value()));
  }

  private static void codec(StringBuilder out, Codec codec) {
    if (!codec.name().isEmpty()) {
      line(out, "a=rtpmap:" + codec.encodeRtpmap());
    }
    codec.feedback().forEach(f -> line(out, "a=rtcp-fb:" + codec.payloadType() + " " + f.encode()));
    String parameters = codec.encodeParameters();
    if (!parameters.isEmpty()) {
      line(out, "a=fmtp:" + codec.payloadType() + " " + parameters);
    }
  }

  private static void others(StringBuilder out, List<String> lines, int slot, boolean session) {
    for (String text : lines) {
      if ((session ? OtherLines.sessionSlot(text) : OtherLines.mediaSlot(text)) == slot) {
        line(out, text);
      }
    }
  }

  private static void flag(StringBuilder out, boolean present, String text) {
    if (present) {
      line(out, text);
    }
  }

  private static void line(StringBuilder out, String text) {
    out.append(text).append(CRLF);
  }
}
