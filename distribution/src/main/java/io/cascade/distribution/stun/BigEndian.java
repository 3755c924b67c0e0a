// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/** Network-byte-order reads and writes on arrays; every STUN field is big-endian (RFC 8489 §5). */
final class BigEndian {
  private BigEndian() {}

  static int u8(byte[] b, int at) {
    return b[at] & 0xFF;
  }

  static int u16(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  static int i32(byte[] b, int at) {
    return u16(b, at) << 16 | u16(b, at + 2);
  }

  static long u32(byte[] b, int at) {
    return i32(b, at) & 0xFFFF_FFFFL;
  }

  static long i64(byte[] b, int at) {
    return (long) i32(b, at) << 32 | u32(b, at + 4);
  }

  static void putU16(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 8);
    b[at + 1] = (byte) value;
  }

  static void putI32(byte[] b, int at, int value) {
    putU16(b, at, value >>> 16);
    putU16(b, at + 2, value);
  }

  static void putI64(byte[] b, int at, long value) {
    putI32(b, at, (int) (value >>> 32));
    putI32(b, at + 4, (int) value);
  }

  /** Rounds an attribute value length up to the 32-bit boundary every attribute ends on (§14). */
  static int pad4(int length) {
    return (length + 3) & ~3;
  }
}
