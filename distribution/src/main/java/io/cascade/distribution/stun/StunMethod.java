// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * STUN methods this codec understands, with their 12-bit codes from the IANA "STUN Methods"
 * registry: Binding from RFC 8489 §18.2, the TURN methods from RFC 8656 §17.
 */
public enum StunMethod {
  /** RFC 8489 §18.2: request/response and indication. */
  BINDING(0x001),
  /** RFC 8656 §17: request/response only. */
  ALLOCATE(0x003),
  /** RFC 8656 §17: request/response only. */
  REFRESH(0x004),
  /** RFC 8656 §17: indication only. */
  SEND(0x006),
  /** RFC 8656 §17: indication only. */
  DATA(0x007),
  /** RFC 8656 §17: request/response only. */
  CREATE_PERMISSION(0x008),
  /** RFC 8656 §17: request/response only. */
  CHANNEL_BIND(0x009);

  private final int code;

  StunMethod(int code) {
    this.code = code;
  }

  /** The 12-bit method code as registered with IANA. */
  public int code() {
    return code;
  }

  /**
   * The method with this code.
   *
   * @throws StunFormatException for a method this codec does not implement (RFC 6062's TCP
   *     methods among them): callers drop such messages rather than guess at their semantics
   */
  public static StunMethod fromCode(int code) throws StunFormatException {
    for (StunMethod method : values()) {
      if (method.code == code) {
        return method;
      }
    }
    throw new StunFormatException(
        "message method", "unknown method 0x" + Integer.toHexString(code));
  }
}
