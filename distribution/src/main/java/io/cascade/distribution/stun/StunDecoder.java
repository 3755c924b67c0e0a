// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads STUN messages (RFC 8489 §5, §6.3) from one datagram or one framed stream message.
 *
 * <p>Checks, in order: 20-byte header; the two leading zero bits; Message Length a multiple of 4
 * and equal to the bytes after the header; the magic cookie (RFC 3489 messages, which lack it,
 * are not supported); a known method; then each attribute TLV inside the message, FINGERPRINT
 * last. Attributes after MESSAGE-INTEGRITY are skipped as §9 requires (see {@link StunMessage}).
 * Every failure is a {@link StunFormatException} naming the field; nothing else escapes for any
 * input bytes (the fuzz tests hold us to that).
 *
 * <p>At most {@value #MAX_ATTRIBUTES} attributes are kept, so a 64 KiB message of empty
 * attributes cannot make us allocate 16 thousand objects.
 */
public final class StunDecoder {
  /** The most attributes one message may carry; real ones carry about ten. */
  public static final int MAX_ATTRIBUTES = 64;

  private StunDecoder() {}

  /** Decodes a whole message; the array is copied, so the caller may reuse it. */
  public static StunMessage decode(byte[] bytes) throws StunFormatException {
    return decode(bytes, 0, bytes.length);
  }

  /**
   * Decodes the message in {@code length} bytes at {@code offset}; they are copied.
   *
   * @throws IndexOutOfBoundsException if offset and length do not fit the array (a caller bug,
   *     not bad input)
   */
  public static StunMessage decode(byte[] bytes, int offset, int length)
      throws StunFormatException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    checkHeader(bytes, offset, length);
    return decodeOwned(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /**
   * Decodes the readable bytes of {@code buffer} as one message, without moving its indices or
   * touching its reference count: the bytes are copied out, ownership stays with the caller.
   */
  public static StunMessage decode(ByteBuf buffer) throws StunFormatException {
    byte[] bytes = new byte[buffer.readableBytes()];
    buffer.getBytes(buffer.readerIndex(), bytes);
    checkHeader(bytes, 0, bytes.length);
    return decodeOwned(bytes);
  }

  /** Header checks before copying anything, so garbage costs no allocation. */
  private static void checkHeader(byte[] b, int off, int len) throws StunFormatException {
    if (len < StunHeader.LENGTH) {
      throw new StunFormatException("header", "needs 20 bytes, got " + len);
    }
    if ((b[off] & 0xC0) != 0) {
      throw new StunFormatException("message type", "the two most significant bits must be zero");
    }
    int bodyLength = BigEndian.u16(b, off + 2);
    if ((bodyLength & 3) != 0) {
      throw new StunFormatException("message length", bodyLength + " is not a multiple of 4");
    }
    if (BigEndian.i32(b, off + 4) != StunHeader.MAGIC_COOKIE) {
      throw new StunFormatException("magic cookie", "missing (RFC 3489 is not supported)");
    }
    if (bodyLength != len - StunHeader.LENGTH) {
      throw new StunFormatException("message length", bodyLength + " does not match the "
          + (len - StunHeader.LENGTH) + " bytes after the header");
    }
  }

  /** Decodes a message whose header passed {@link #checkHeader}; {@code wire} is ours to keep. */
  private static StunMessage decodeOwned(byte[] wire) throws StunFormatException {
    StunMessageType type = StunMessageType.fromCode(BigEndian.u16(wire, 0));
    TransactionId id = TransactionId.read(wire, 8);
    AttributeReader reader = new AttributeReader(wire, id);
    reader.readAll();
    return new StunMessage(type, id, reader.attributes, reader.wireForm());
  }

  /** Walks the attribute TLVs, tracking integrity attributes as §9 and §14.5-§14.7 order them. */
  private static final class AttributeReader {
    private final byte[] wire;
    private final TransactionId id;
    private final List<StunAttribute> attributes = new ArrayList<>(8);
    private int integrityAt = -1;
    private int integritySha256At = -1;
    private int fingerprintAt = -1;

    AttributeReader(byte[] wire, TransactionId id) {
      this.wire = wire;
      this.id = id;
    }

    void readAll() throws StunFormatException {
      int at = StunHeader.LENGTH;
      while (at < wire.length) {
        if (fingerprintAt >= 0) {
          throw new StunFormatException("FINGERPRINT", "must be the last attribute");
        }
        int type = BigEndian.u16(wire, at);
        int length = BigEndian.u16(wire, at + 2);
        int next = at + 4 + BigEndian.pad4(length);
        if (next > wire.length) {
          throw new StunFormatException("attribute length", String.format(
              "attribute 0x%04X of %d bytes at offset %d runs past the end", type, length, at));
        }
        read(type, at, length);
        at = next;
      }
    }

    /** Keeps or skips one attribute: after an integrity attribute only the later ones count. */
    private void read(int type, int at, int length) throws StunFormatException {
      boolean afterIntegrity = integrityAt >= 0 || integritySha256At >= 0;
      if (type == Fingerprint.TYPE) {
        fingerprintAt = at;
      } else if (type == MessageIntegritySha256.TYPE && integritySha256At < 0) {
        integritySha256At = at;
      } else if (type == MessageIntegrity.TYPE && !afterIntegrity) {
        integrityAt = at;
      } else if (afterIntegrity) {
        return; // RFC 8489 §9: not covered by the integrity check, so ignored.
      }
      if (attributes.size() == MAX_ATTRIBUTES) {
        throw new StunFormatException("attributes", "more than " + MAX_ATTRIBUTES);
      }
      attributes.add(AttributeCodec.decode(type, wire, at + 4, length, id));
    }

    StunMessage.WireForm wireForm() {
      return new StunMessage.WireForm(wire, integrityAt, integritySha256At, fingerprintAt);
    }
  }
}
