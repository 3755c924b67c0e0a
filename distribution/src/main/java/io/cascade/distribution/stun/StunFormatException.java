// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * Bytes that are not a well-formed STUN message, attribute or ChannelData frame.
 *
 * <p>The only exception the decoders throw. It names the field that was wrong so that a network
 * handler can count drops by cause. It carries no stack trace: a flood of garbage datagrams must
 * not cost a stack walk per packet, and the field name says where the problem is.
 */
public final class StunFormatException extends Exception {
  private final String field;

  /**
   * @param field the header field or attribute name (as the RFC spells it) that was malformed
   * @param problem what was wrong with it
   */
  public StunFormatException(String field, String problem) {
    super(field + ": " + problem, null, false, false);
    this.field = field;
  }

  /** The header field or attribute name that was malformed, for example {@code "NONCE"}. */
  public String field() {
    return field;
  }
}
