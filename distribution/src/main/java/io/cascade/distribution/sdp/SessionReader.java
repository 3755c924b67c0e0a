// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the session-level lines (RFC 8866 §5.1-§5.13) between {@code v=} and the first {@code
 * m=}, and builds the {@link SessionDescription} once the media sections are read.
 */
final class SessionReader {
  private Optional<Origin> origin = Optional.empty();
  private Optional<String> name = Optional.empty();
  private Optional<Connection> connection = Optional.empty();
  private Optional<Timing> timing = Optional.empty();
  private final List<Group> groups = new ArrayList<>();
  private boolean iceLite;
  private boolean extmapAllowMixed;
  private Optional<String> msidSemantic = Optional.empty();
  private final TransportAttributesReader transport = new TransportAttributesReader(false);
  private Optional<Direction> direction = Optional.empty();
  private final List<String> otherLines = new ArrayList<>();

  /** Reads one session-level line; throws for a malformed line it interprets. */
  void read(SdpLine line) throws SdpParseException {
    switch (line.type()) {
      case 'v' -> throw new SdpParseException("v=", "appears twice");
      case 'o' -> origin = Optional.of(once(origin, "o=", Origin.decode(line.value())));
      case 's' -> name = Optional.of(once(name, "s=", line.value()));
      case 'c' -> connection = Optional.of(once(connection, "c=", Connection.decode(line.value())));
      case 't' -> {
        if (timing.isPresent()) {
          otherLines.add(line.text()); // repeated t= (with r= lines) is legal; kept verbatim
        } else {
          timing = Optional.of(Timing.decode(line.value()));
        }
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
      direction = Optional.of(once(direction, "a=" + name, named.get()));
      return;
    }
    switch (name) {
      case "group" -> groups.add(Group.decode(value));
      case "ice-lite" -> iceLite = TransportAttributesReader.flag("a=ice-lite", value);
      case "extmap-allow-mixed" ->
          extmapAllowMixed = TransportAttributesReader.flag("a=extmap-allow-mixed", value);
      case "msid-semantic" -> msidSemantic = Optional.of(SdpSyntax.trim(value));
      default -> otherLines.add(line.text());
    }
  }

  /** The session, with the media sections that followed it. */
  SessionDescription build(List<MediaDescription> media) {
    return new SessionDescription(origin.orElseGet(Origin::placeholder),
        name.filter(n -> !n.isEmpty()).orElse("-"), connection,
        timing.orElse(Timing.UNBOUNDED), groups, iceLite, extmapAllowMixed, msidSemantic,
        transport.build(), direction, otherLines, media);
  }

  /** The direction media sections default to (RFC 8866 §6.7). */
  Direction defaultDirection() {
    return direction.orElse(Direction.SENDRECV);
  }

  private static <T> T once(Optional<T> seen, String field, T value) throws SdpParseException {
    if (seen.isPresent()) {
      throw new SdpParseException(field, "appears twice; the first is used");
    }
    return value;
  }
}
