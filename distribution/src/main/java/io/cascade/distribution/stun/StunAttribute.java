// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * One STUN attribute: a TLV with a 16-bit type, a 16-bit length and a value padded to a multiple
 * of 4 bytes (RFC 8489 §14, Figure 4).
 *
 * <p>Each implementation is one wire element, with a {@code TYPE} constant, a static {@code
 * decode} and {@link #encodeValue}. The codec writes the TLV header and the padding; an attribute
 * only writes its value.
 */
public interface StunAttribute {

  /** The 16-bit attribute type from the IANA "STUN Attributes" registry. */
  int type();

  /** Length of the value before padding, as written in the Length field. */
  int valueLength();

  /**
   * Writes the value (without padding) at {@code offset}. The transaction id is the XOR key of the
   * XOR-address attributes (RFC 8489 §14.2); the others ignore it.
   */
  void encodeValue(byte[] destination, int offset, TransactionId transactionId);

  /** Types 0x0000-0x7FFF must be understood to process the message (RFC 8489 §14). */
  static boolean isComprehensionRequired(int type) {
    return type < 0x8000;
  }
}
