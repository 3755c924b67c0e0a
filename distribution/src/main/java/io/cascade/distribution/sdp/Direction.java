// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.sdp;

import java.util.Optional;

/**
 * The media direction attributes of RFC 8866 §6.7 ({@code a=sendrecv}, {@code a=sendonly},
 * {@code a=recvonly}, {@code a=inactive}), always from the point of view of the endpoint that wrote
 * the description. With none present, a media section is {@link #SENDRECV} (§6.7.1) unless the
 * session level names another direction.
 */
public enum Direction {
  SENDRECV("sendrecv", true, true),
  SENDONLY("sendonly", true, false),
  RECVONLY("recvonly", false, true),
  INACTIVE("inactive", false, false);

  private final String attribute;
  private final boolean sends;
  private final boolean receives;

  Direction(String attribute, boolean sends, boolean receives) {
    this.attribute = attribute;
    this.sends = sends;
    this.receives = receives;
  }

  /** The attribute name, for example {@code "sendonly"}. */
  public String attribute() {
    return attribute;
  }

  /** Whether the writer of the description sends media in this direction. */
  public boolean sends() {
    return sends;
  }

  /** Whether the writer of the description receives media in this direction. */
  public boolean receives() {
    return receives;
  }

  /**
   * The answerer's direction when it accepts all the offerer allows (RFC 3264 §6.1): a sendonly
   * offer is answered recvonly and the other way round; sendrecv and inactive stay as they are.
   */
  public Direction mirrored() {
    return of(receives, sends);
  }

  /** The direction that sends and receives as asked. */
  public static Direction of(boolean sends, boolean receives) {
    if (sends) {
      return receives ? SENDRECV : SENDONLY;
    }
    return receives ? RECVONLY : INACTIVE;
  }

  /** The direction an attribute name stands for, or empty when it is not a direction. */
  public static Optional<Direction> fromAttribute(String name) {
    for (Direction direction : values()) {
      if (direction.attribute.equals(name)) {
        return Optional.of(direction);
      }
    }
    return Optional.empty();
  }
}
