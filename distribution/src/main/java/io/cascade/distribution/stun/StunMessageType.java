// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Objects;

/**
 * The 14-bit STUN message type: a method and a class with their bits interleaved (RFC 8489 §5,
 * Figure 3).
 *
 * <pre>
 *   bit: 13 12 11 10  9  8  7  6  5  4  3  2  1  0
 *        M11 M10 M9 M8 M7 C1 M6 M5 M4 C0 M3 M2 M1 M0
 * </pre>
 *
 * <p>So Binding request is 0x0001, Binding success response 0x0101, Binding error response 0x0111
 * and Binding indication 0x0011. The two most significant bits of the 16-bit field are zero; that
 * is what lets STUN share a port with other protocols (RFC 7983).
 */
public record StunMessageType(StunMethod method, StunClass messageClass) {

  public StunMessageType {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(messageClass, "messageClass");
  }

  /** The 16-bit wire value, with the top two bits zero. */
  public int code() {
    int m = method.code();
    int c = messageClass.code();
    return (m & 0x000F) | (m & 0x0070) << 1 | (m & 0x0F80) << 2 | (c & 0b01) << 4 | (c & 0b10) << 7;
  }

  /**
   * Splits a wire value into method and class.
   *
   * @throws StunFormatException if the top two bits are set or the method is unknown
   */
  public static StunMessageType fromCode(int code) throws StunFormatException {
    if ((code & 0xC000) != 0) {
      throw new StunFormatException("message type", "the two most significant bits must be zero");
    }
    int method = (code & 0x000F) | (code & 0x00E0) >> 1 | (code & 0x3E00) >> 2;
    int messageClass = (code & 0x0010) >> 4 | (code & 0x0100) >> 7;
    return new StunMessageType(StunMethod.fromCode(method), StunClass.fromCode(messageClass));
  }

  @Override
  public String toString() {
    return method + " " + messageClass;
  }
}
