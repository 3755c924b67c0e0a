// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attribute whose type this codec does not implement, kept byte for byte. A server answers a
 * request carrying a comprehension-required one (type below 0x8000) with 420 (Unknown Attribute)
 * listing its type (RFC 8489 §6.3.1, §14.13); comprehension-optional ones are ignored.
 *
 * <p>Decoding never yields a raw attribute for a type the codec knows, and the constructor refuses
 * known types, so "raw" always means "not understood".
 */
public record RawAttribute(int type, byte[] value) implements StunAttribute {

  public RawAttribute {
    if (type < 0 || type > 0xFFFF) {
      throw new IllegalArgumentException("attribute type must fit 16 bits: " + type);
    }
    if (AttributeCodec.isKnown(type)) {
      throw new IllegalArgumentException(
          "type 0x" + Integer.toHexString(type) + " has its own attribute class");
    }
    if (value.length > StunHeader.MAX_BODY_LENGTH - 4) {
      throw new IllegalArgumentException("value of " + value.length + " bytes cannot fit");
    }
    value = value.clone();
  }

  /** Keeps a value of {@code length} bytes at {@code offset} for an unknown type. */
  static RawAttribute decode(int type, byte[] source, int offset, int length) {
    return new RawAttribute(type, Arrays.copyOfRange(source, offset, offset + length));
  }

  /** A copy of the value bytes. */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** Whether the message cannot be processed without understanding this attribute. */
  public boolean isComprehensionRequired() {
    return StunAttribute.isComprehensionRequired(type);
  }

  @Override
  public int valueLength() {
    return value.length;
  }

  @Override
  public void encodeValue(byte[] destination, int offset, TransactionId transactionId) {
    System.arraycopy(value, 0, destination, offset, value.length);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawAttribute that
        && type == that.type
        && Arrays.equals(value, that.value);
  }

  @Override
  public int hashCode() {
    return 31 * type + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return String.format("0x%04X[%s]", type, HexFormat.of().formatHex(value));
  }
}
