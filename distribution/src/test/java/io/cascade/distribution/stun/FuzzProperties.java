// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The properties the fuzz targets check, shared by the Jazzer {@code @FuzzTest}s (which replay
 * the kept corpus under {@code mvn test} and fuzz with {@code JAZZER_FUZZ=1}) and by {@link
 * SeededMutationTest}. Each returns normally or throws {@link AssertionError}; any other exception
 * escaping is itself a finding, because decoders may only throw {@link StunFormatException}.
 */
final class FuzzProperties {
  private static final byte[] KEY = StunCredentials.shortTermKey("fuzz-ice-password-22ch");

  /** TURN attribute types of RFC 8656 §18; the first input byte picks one. */
  static final int[] TURN_TYPES = {ChannelNumber.TYPE, Lifetime.TYPE, XorPeerAddress.TYPE,
      Data.TYPE, XorRelayedAddress.TYPE, RequestedAddressFamily.TYPE, EvenPort.TYPE,
      RequestedTransport.TYPE, DontFragment.TYPE, ReservationToken.TYPE,
      AdditionalAddressFamily.TYPE, AddressErrorCode.TYPE, Icmp.TYPE};

  private FuzzProperties() {}

  /**
   * Any bytes: decoding either fails with a typed exception or yields a message that re-encodes
   * to an equal message; integrity checks never throw; signing the decoded attributes always
   * verifies.
   */
  static void stunMessage(byte[] input) {
    StunMessage first;
    try {
      first = StunDecoder.decode(input);
    } catch (StunFormatException expected) {
      return;
    }
    StunIntegrity.verifyFingerprint(first);
    StunIntegrity.verifyMessageIntegrity(first, KEY);
    StunIntegrity.verifyMessageIntegritySha256(first, KEY, MessageIntegritySha256.MIN_LENGTH);
    StunMessage second = decodeOrFail(StunMessageBuilder.copyOf(first).encode(), input);
    check(first.equals(second), "re-encoding changed the message", input);
    signAndVerify(first, input);
  }

  private static void signAndVerify(StunMessage message, byte[] input) {
    List<StunAttribute> plain = message.attributes().stream().filter(a -> !isTrailer(a)).toList();
    StunMessageBuilder builder = StunMessageBuilder.of(message.type(), message.transactionId());
    plain.forEach(builder::add);
    builder.messageIntegrity(KEY).messageIntegritySha256(KEY).fingerprint();
    if (plain.size() + 3 > StunDecoder.MAX_ATTRIBUTES
        || builder.encodedLength() > StunHeader.LENGTH + StunHeader.MAX_BODY_LENGTH - 4) {
      return;
    }
    StunMessage signed = decodeOrFail(builder.encode(), input);
    List<StunAttribute> signedPlain = signed.attributes().subList(0, plain.size());
    check(signedPlain.equals(plain), "signing changed attributes", input);
    check(StunIntegrity.verifyMessageIntegrity(signed, KEY), "MESSAGE-INTEGRITY failed", input);
    check(StunIntegrity.verifyMessageIntegritySha256(signed, KEY), "-SHA256 failed", input);
    check(StunIntegrity.verifyFingerprint(signed), "FINGERPRINT failed", input);
  }

  /**
   * Byte 0 picks a TURN attribute type, bytes 1-12 are the transaction id, the rest is the value.
   * A value that decodes re-encodes to an equal attribute, alone and inside a message.
   */
  static void turnAttribute(byte[] input) {
    if (input.length < 1 + TransactionId.LENGTH) {
      return;
    }
    int type = TURN_TYPES[(input[0] & 0xFF) % TURN_TYPES.length];
    TransactionId id = TransactionId.of(Arrays.copyOfRange(input, 1, 13));
    int length = Math.min(input.length - 13, StunHeader.MAX_BODY_LENGTH - 4);
    StunAttribute first;
    try {
      first = AttributeCodec.decode(type, input, 13, length, id);
    } catch (StunFormatException expected) {
      return;
    }
    check(first.type() == type, "decoded into another type", input);
    byte[] value = new byte[first.valueLength()];
    first.encodeValue(value, 0, id);
    try {
      StunAttribute second = AttributeCodec.decode(type, value, 0, value.length, id);
      check(second.equals(first), "value changed", input);
    } catch (StunFormatException e) {
      throw new AssertionError("re-encoded value does not decode: " + e.getMessage() + hex(input));
    }
    byte[] message = StunMessageBuilder.request(StunMethod.ALLOCATE, id).add(first).encode();
    List<StunAttribute> decoded = decodeOrFail(message, input).attributes();
    check(decoded.equals(List.of(first)), "message changed", input);
  }

  /** Byte 0 picks the framing (bit 0: stream), the rest is one ChannelData frame. */
  static void channelData(byte[] input) {
    if (input.length < 1) {
      return;
    }
    ChannelData.Framing framing =
        (input[0] & 1) == 0 ? ChannelData.Framing.DATAGRAM : ChannelData.Framing.STREAM;
    ChannelData first;
    try {
      first = ChannelData.decode(input, 1, input.length - 1, framing);
    } catch (StunFormatException expected) {
      return;
    }
    check(ChannelData.isChannelData(input, 1, input.length - 1), "demux disagrees", input);
    byte[] again = first.encode(framing);
    check(ChannelData.frameLength(again, 0, again.length) >= again.length, "short frame", input);
    try {
      ChannelData second = ChannelData.decode(again, 0, again.length, framing);
      check(second.equals(first), "frame changed", input);
    } catch (StunFormatException e) {
      throw new AssertionError("re-encoded frame does not decode: " + e.getMessage() + hex(input));
    }
  }

  private static StunMessage decodeOrFail(byte[] encoded, byte[] input) {
    try {
      return StunDecoder.decode(encoded);
    } catch (StunFormatException e) {
      throw new AssertionError("our own encoding does not decode: " + e.getMessage() + hex(input));
    }
  }

  private static boolean isTrailer(StunAttribute attribute) {
    return attribute instanceof MessageIntegrity || attribute instanceof MessageIntegritySha256
        || attribute instanceof Fingerprint;
  }

  private static void check(boolean condition, String problem, byte[] input) {
    if (!condition) {
      throw new AssertionError(problem + hex(input));
    }
  }

  private static String hex(byte[] input) {
    return " for input " + HexFormat.of().formatHex(input, 0, Math.min(input.length, 256));
  }
}
