// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/** The four STUN message classes and their two-bit codes C1C0 (RFC 8489 §5). */
public enum StunClass {
  REQUEST(0b00),
  INDICATION(0b01),
  SUCCESS_RESPONSE(0b10),
  ERROR_RESPONSE(0b11);

  private static final StunClass[] BY_CODE =
      {REQUEST, INDICATION, SUCCESS_RESPONSE, ERROR_RESPONSE};

  private final int code;

  StunClass(int code) {
    this.code = code;
  }

  /** The two-bit class code, C1 in bit 1 and C0 in bit 0. */
  public int code() {
    return code;
  }

  /** The class for a two-bit code; every value 0-3 is defined, so this cannot fail. */
  public static StunClass fromCode(int code) {
    return BY_CODE[code & 0b11];
  }

  /** True for success and error responses, which echo the request's transaction id. */
  public boolean isResponse() {
    return this == SUCCESS_RESPONSE || this == ERROR_RESPONSE;
  }
}
