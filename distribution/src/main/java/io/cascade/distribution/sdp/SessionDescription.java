// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.List;
import java.util.Optional;

/**
 * A session description (RFC 8866 §5): the session-level lines and the media sections.
 *
 * <p>{@code v=} is always 0 and is not stored. A description that lacked {@code o=}, {@code s=}
 * or {@code t=}, which the parser tolerates, is given {@link Origin#placeholder()}, {@code "-"}
 * and {@link Timing#UNBOUNDED}. Read with {@link SdpParser}, written with {@link SdpWriter}.
 *
 * @param origin {@code o=} (§5.2)
 * @param sessionName {@code s=} (§5.3), {@code "-"} when empty
 * @param connection session-level {@code c=} (§5.7)
 * @param timing the first {@code t=} (§5.9)
 * @param groups {@code a=group} lines (RFC 5888 §5), BUNDLE among them (RFC 8843 §7)
 * @param iceLite {@code a=ice-lite} (RFC 8839 §5.3)
 * @param extmapAllowMixed {@code a=extmap-allow-mixed} (RFC 8285 §6)
 * @param msidSemantic the value of the legacy {@code a=msid-semantic}, as Chromium writes it
 * @param transport session-level ICE and DTLS attributes
 * @param direction a session-level direction attribute (RFC 8866 §6.7), the media default
 * @param otherLines lines kept verbatim, in {@link OtherLines#sessionOrder} order
 * @param media the media sections, in order
 */
public record SessionDescription(
    Origin origin,
    String sessionName,
    Optional<Connection> connection,
    Timing timing,
    List<Group> groups,
    boolean iceLite,
    boolean extmapAllowMixed,
    Optional<String> msidSemantic,
    TransportAttributes transport,
    Optional<Direction> direction,
    List<String> otherLines,
    List<MediaDescription> media) {

  public SessionDescription {
    if (sessionName.isEmpty() || sessionName.chars().anyMatch(c -> c == '\r' || c == '\n'
        || c == 0) || " \t".indexOf(sessionName.charAt(sessionName.length() - 1)) >= 0) {
      throw new IllegalArgumentException("session name must be one line without trailing blanks");
    }
    if (!transport.candidates().isEmpty()) {
      throw new IllegalArgumentException("candidates are media-level only (RFC 8839 §5.1)");
    }
    groups = List.copyOf(groups);
    otherLines = OtherLines.sessionOrder(otherLines);
    media = List.copyOf(media);
  }

  /** The first BUNDLE group, if any (RFC 8843 §7). */
  public Optional<Group> bundle() {
    return groups.stream().filter(Group::isBundle).findFirst();
  }

  /** The media section with this mid. */
  public Optional<MediaDescription> section(String mid) {
    return media.stream().filter(m -> m.mid().equals(Optional.of(mid))).findFirst();
  }
}
