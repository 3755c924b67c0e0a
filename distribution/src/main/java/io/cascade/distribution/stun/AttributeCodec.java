// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

/**
 * Maps attribute types to the class that decodes them. Types not listed become {@link
 * RawAttribute}, kept so that a server can answer 420 (Unknown Attribute) naming the
 * comprehension-required ones (RFC 8489 §6.3.1).
 */
final class AttributeCodec {
  private AttributeCodec() {}

  /** Decodes one attribute value of {@code len} bytes at {@code off}. */
  static StunAttribute decode(int type, byte[] b, int off, int len, TransactionId id)
      throws StunFormatException {
    return switch (type) {
      case MappedAddress.TYPE -> MappedAddress.decode(b, off, len);
      case Username.TYPE -> Username.decode(b, off, len);
      case MessageIntegrity.TYPE -> MessageIntegrity.decode(b, off, len);
      case ErrorCode.TYPE -> ErrorCode.decode(b, off, len);
      case UnknownAttributes.TYPE -> UnknownAttributes.decode(b, off, len);
      case ChannelNumber.TYPE -> ChannelNumber.decode(b, off, len);
      case Lifetime.TYPE -> Lifetime.decode(b, off, len);
      case XorPeerAddress.TYPE -> XorPeerAddress.decode(b, off, len, id);
      case Data.TYPE -> Data.decode(b, off, len);
      case Realm.TYPE -> Realm.decode(b, off, len);
      case Nonce.TYPE -> Nonce.decode(b, off, len);
      case XorRelayedAddress.TYPE -> XorRelayedAddress.decode(b, off, len, id);
      case RequestedAddressFamily.TYPE -> RequestedAddressFamily.decode(b, off, len);
      case EvenPort.TYPE -> EvenPort.decode(b, off, len);
      case RequestedTransport.TYPE -> RequestedTransport.decode(b, off, len);
      case DontFragment.TYPE -> DontFragment.decode(b, off, len);
      case MessageIntegritySha256.TYPE -> MessageIntegritySha256.decode(b, off, len);
      case PasswordAlgorithm.TYPE -> PasswordAlgorithm.decode(b, off, len);
      case Userhash.TYPE -> Userhash.decode(b, off, len);
      case XorMappedAddress.TYPE -> XorMappedAddress.decode(b, off, len, id);
      case ReservationToken.TYPE -> ReservationToken.decode(b, off, len);
      case Priority.TYPE -> Priority.decode(b, off, len);
      case UseCandidate.TYPE -> UseCandidate.decode(b, off, len);
      default -> decodeOptionalRange(type, b, off, len);
    };
  }

  /** The comprehension-optional types (0x8000-0xFFFF), split out to keep each switch short. */
  private static StunAttribute decodeOptionalRange(int type, byte[] b, int off, int len)
      throws StunFormatException {
    return switch (type) {
      case AdditionalAddressFamily.TYPE -> AdditionalAddressFamily.decode(b, off, len);
      case AddressErrorCode.TYPE -> AddressErrorCode.decode(b, off, len);
      case PasswordAlgorithms.TYPE -> PasswordAlgorithms.decode(b, off, len);
      case Icmp.TYPE -> Icmp.decode(b, off, len);
      case Software.TYPE -> Software.decode(b, off, len);
      case AlternateServer.TYPE -> AlternateServer.decode(b, off, len);
      case Fingerprint.TYPE -> Fingerprint.decode(b, off, len);
      case IceControlled.TYPE -> IceControlled.decode(b, off, len);
      case IceControlling.TYPE -> IceControlling.decode(b, off, len);
      default -> RawAttribute.decode(type, b, off, len);
    };
  }

  /** Whether {@link #decode} has a class for this type, that is, it never yields a raw one. */
  static boolean isKnown(int type) {
    return switch (type) {
      case MappedAddress.TYPE, Username.TYPE, MessageIntegrity.TYPE, ErrorCode.TYPE,
          UnknownAttributes.TYPE, ChannelNumber.TYPE, Lifetime.TYPE, XorPeerAddress.TYPE,
          Data.TYPE, Realm.TYPE, Nonce.TYPE, XorRelayedAddress.TYPE, RequestedAddressFamily.TYPE,
          EvenPort.TYPE, RequestedTransport.TYPE, DontFragment.TYPE, MessageIntegritySha256.TYPE,
          PasswordAlgorithm.TYPE, Userhash.TYPE, XorMappedAddress.TYPE, ReservationToken.TYPE,
          Priority.TYPE, UseCandidate.TYPE, AdditionalAddressFamily.TYPE, AddressErrorCode.TYPE,
          PasswordAlgorithms.TYPE, Icmp.TYPE, Software.TYPE, AlternateServer.TYPE,
          Fingerprint.TYPE, IceControlled.TYPE, IceControlling.TYPE -> true;
      default -> false;
    };
  }

  /** Fails unless a fixed-size value has exactly its size. */
  static void expectLength(String name, int length, int expected) throws StunFormatException {
    if (length != expected) {
      throw new StunFormatException(name, "value must be " + expected + " bytes, got " + length);
    }
  }
}
