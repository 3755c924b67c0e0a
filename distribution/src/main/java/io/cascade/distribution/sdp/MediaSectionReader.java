// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one media section: the {@code m=} line (RFC 8866 §5.14), which must be well formed, and
 * the lines after it up to the next {@code m=}.
 *
 * <p>{@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} may come in any order (Firefox writes
 * fmtp before rtpmap) and are gathered per payload type, then assembled into {@link Codec}s in the
 * m= line's order. Such a line for a payload type the m= line does not list is skipped (RFC 8866
 * §6.6 ties rtpmap to the listed formats). {@code a=rtcp-fb:*} applies to every payload type
 * (RFC 4585 §4.2).
 */
final class MediaSectionReader {
  private static final String M = "m=";

  private final int mLine;
  private final String media;
  private final int port;
  private final int portCount;
  private final String proto;
  private final List<String> formats;
  private final Map<Integer, CodecDraft> codecs = new LinkedHashMap<>();
  private final int maxFeedback;
  private Optional<Connection> connection = Optional.empty();
  private Optional<String> mid = Optional.empty();
  private int midLine;
  private Optional<Direction> direction = Optional.empty();
  private boolean rtcpMux;
  private boolean rtcpRsize;
  private final TransportAttributesReader transport = new TransportAttributesReader(true);
  private final List<ExtMap> extmaps = new ArrayList<>();
  private final List<Msid> msids = new ArrayList<>();
  private final List<SsrcAttribute> ssrcs = new ArrayList<>();
  private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
  private final List<RidDescription> rids = new ArrayList<>();
  private Optional<Simulcast> simulcast = Optional.empty();
  private final List<String> otherLines = new ArrayList<>();

  /** What one payload type has collected so far. */
  private static final class CodecDraft {
    Codec codec;
    final Map<String, String> parameters = new LinkedHashMap<>();
    final List<RtcpFeedback> feedback = new ArrayList<>();
    boolean mapped;

    CodecDraft(int payloadType) {
      codec = new Codec(payloadType, "", 0, 0, Map.of(), List.of());
    }
  }

  /** Starts a section from its m= line: {@code m=<media> <port>[/<n>] <proto> 1*(SP <fmt>)}. */
  MediaSectionReader(SdpLine line, SdpLimits limits) throws SdpParseException {
    List<String> w = SdpSyntax.words(line.value());
    String[] names = {"media", "port", "proto", "fmt"};
    if (w.size() < names.length) {
      throw new SdpParseException(line.number(), M, "missing <" + names[w.size()] + ">");
    }
    if (!SdpSyntax.isToken(w.get(0))) {
      throw new SdpParseException(line.number(), M, "<media> is not a token");
    }
    String[] ports = w.get(1).split("/", -1);
    if (ports.length > 2) {
      throw new SdpParseException(line.number(), M, "<port> has more than one '/'");
    }
    if (!MediaDescription.isProto(w.get(2))) {
      throw new SdpParseException(line.number(), M, "<proto> is not token *(\"/\" token)");
    }
    try {
      port = SdpSyntax.parseInt(ports[0], 0, 65535, M);
      portCount = ports.length == 2 ? SdpSyntax.parseInt(ports[1], 1, 65535, M) : 0;
      formats = formats(w.subList(3, w.size()), MediaDescription.isRtp(w.get(2)));
    } catch (SdpParseException e) {
      throw e.atLine(line.number());
    }
    mLine = line.number();
    media = w.get(0);
    proto = w.get(2);
    maxFeedback = limits.maxFeedbackPerCodec();
    if (MediaDescription.isRtp(proto)) {
      formats.forEach(f -> codecs.put(Integer.parseInt(f), new CodecDraft(Integer.parseInt(f))));
    }
  }

  /** RTP formats are payload types 0-127, each once; others are tokens. */
  private static List<String> formats(List<String> words, boolean rtp) throws SdpParseException {
    List<String> formats = new ArrayList<>();
    for (String word : words) {
      String format = rtp ? Integer.toString(SdpSyntax.parseInt(word, 0, 127, M)) : word;
      if (!SdpSyntax.isToken(format) || formats.contains(format)) {
        throw new SdpParseException(M, "<fmt> '" + SdpSyntax.abbreviate(word)
            + "' is malformed or listed twice");
      }
      formats.add(format);
    }
    return formats;
  }

  /** The line of the m= that started this section. */
  int mLine() {
    return mLine;
  }

  /** The mid and the line it was read on (0 when there is none). */
  Optional<String> mid() {
    return mid;
  }

  int midLine() {
    return midLine;
  }

  /** Reads one line of the section; throws for a malformed line it interprets. */
  void read(SdpLine line) throws SdpParseException {
    switch (line.type()) {
      case 'v' -> throw new SdpParseException("v=", "inside a media section");
      case 'c' -> {
        if (connection.isPresent()) {
          throw new SdpParseException("c=", "appears twice in one section");
        }
        connection = Optional.of(Connection.decode(line.value()));
      }
      case 'a' -> readAttribute(line);
      default -> otherLines.add(line.text());
    }
  }

  private void readAttribute(SdpLine line) throws SdpParseException {
    String name = line.attributeName();
    String value = line.attributeValue();
    if (transport.read(name, value)) {
      return;
    }
    Optional<Direction> named = Direction.fromAttribute(name);
    if (named.isPresent()) {
      TransportAttributesReader.flag("a=" + name, value);
      if (direction.isPresent()) {
        throw new SdpParseException("a=" + name, "a second direction; the first is used");
      }
      direction = named;
      return;
    }
    switch (name) {
      case "mid" -> readMid(line.number(), value);
      case "rtcp-mux" -> rtcpMux = TransportAttributesReader.flag("a=rtcp-mux", value);
      case "rtcp-rsize" -> rtcpRsize = TransportAttributesReader.flag("a=rtcp-rsize", value);
      case "rtpmap", "fmtp", "rtcp-fb" -> readCodecAttribute(name, value);
      case "extmap" -> addExtmap(ExtMap.decode(value));
      case "msid" -> msids.add(Msid.decode(value));
      case "ssrc" -> ssrcs.add(SsrcAttribute.decode(value));
      case "ssrc-group" -> ssrcGroups.add(SsrcGroup.decode(value));
      case "rid" -> addRid(RidDescription.decode(value));
      case "simulcast" -> {
        if (simulcast.isPresent()) {
          throw new SdpParseException("a=simulcast", "appears twice; the first is used");
        }
        simulcast = Optional.of(Simulcast.decode(value));
      }
      default -> otherLines.add(line.text());
    }
  }

  /** RFC 5888 §4: one {@code a=mid} per section, a token; uniqueness is checked per session. */
  private void readMid(int number, String value) throws SdpParseException {
    String tag = SdpSyntax.trim(value);
    if (mid.isPresent()) {
      throw new SdpParseException("a=mid", "a second a=mid in one media section");
    }
    if (!SdpSyntax.isToken(tag)) {
      throw new SdpParseException("a=mid", "identification-tag must be a token");
    }
    mid = Optional.of(tag);
    midLine = number;
  }

  private void readCodecAttribute(String name, String value) throws SdpParseException {
    String field = "a=" + name;
    String format = SdpSyntax.firstWord(value);
    String rest = SdpSyntax.afterFirstWord(value);
    if (name.equals("rtcp-fb") && format.equals("*")) {
      RtcpFeedback feedback = RtcpFeedback.decode(rest);
      for (CodecDraft draft : codecs.values()) {
        addFeedback(draft, feedback);
      }
      return;
    }
    CodecDraft draft = codecs.get(SdpSyntax.parseInt(format, 0, 127, field));
    if (draft == null) {
      throw new SdpParseException(field, "payload type " + format + " is not on the m= line");
    }
    switch (name) {
      case "rtpmap" -> {
        if (draft.mapped) {
          throw new SdpParseException(field, "payload type " + format + " mapped twice");
        }
        draft.codec = Codec.withRtpmap(draft.codec, rest);
        draft.mapped = true;
      }
      case "fmtp" -> draft.parameters.putAll(Codec.parseParameters(rest));
      default -> {
        if (!addFeedback(draft, RtcpFeedback.decode(rest))) {
          throw new SdpParseException(field, "more than " + maxFeedback + " feedback types");
        }
      }
    }
  }

  /** Adds feedback once; false when the payload type already has the most allowed. */
  private boolean addFeedback(CodecDraft draft, RtcpFeedback feedback) {
    if (draft.feedback.contains(feedback)) {
      return true;
    }
    if (draft.feedback.size() >= maxFeedback) {
      return false;
    }
    draft.feedback.add(feedback);
    return true;
  }

  private void addExtmap(ExtMap extmap) throws SdpParseException {
    if (extmaps.stream().anyMatch(e -> e.id() == extmap.id())) {
      throw new SdpParseException("a=extmap", "id " + extmap.id() + " mapped twice");
    }
    extmaps.add(extmap);
  }

  private void addRid(RidDescription rid) throws SdpParseException {
    if (rids.stream().anyMatch(r -> r.id().equals(rid.id()))) {
      throw new SdpParseException("a=rid", "rid '" + rid.id() + "' described twice");
    }
    rids.add(rid);
  }

  /** The section; {@code defaultDirection} applies when it named none (RFC 8866 §6.7). */
  MediaDescription build(Direction defaultDirection) {
    List<Codec> assembled = new ArrayList<>();
    for (CodecDraft draft : codecs.values()) {
      Codec c = draft.codec;
      assembled.add(new Codec(c.payloadType(), c.name(), c.clockRate(), c.channels(),
          draft.parameters, draft.feedback));
    }
    return new MediaDescription(media, port, portCount, proto, formats, connection, mid,
        direction.orElse(defaultDirection), rtcpMux, rtcpRsize, transport.build(), assembled,
        extmaps, msids, ssrcs, ssrcGroups, rids, simulcast, otherLines);
  }
}
