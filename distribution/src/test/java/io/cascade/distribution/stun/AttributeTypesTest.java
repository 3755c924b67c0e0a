// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attribute type constants against the IANA "STUN Attributes" registry. */
class AttributeTypesTest {
  /** Registry values, written out from RFC 8489 §18.3, RFC 8656 §18 and RFC 8445 §20.1. */
  private static final Map<Integer, Integer> REGISTRY = Map.ofEntries(
      Map.entry(MappedAddress.TYPE, 0x0001), Map.entry(Username.TYPE, 0x0006),
      Map.entry(MessageIntegrity.TYPE, 0x0008), Map.entry(ErrorCode.TYPE, 0x0009),
      Map.entry(UnknownAttributes.TYPE, 0x000A), Map.entry(ChannelNumber.TYPE, 0x000C),
      Map.entry(Lifetime.TYPE, 0x000D), Map.entry(XorPeerAddress.TYPE, 0x0012),
      Map.entry(Data.TYPE, 0x0013), Map.entry(Realm.TYPE, 0x0014), Map.entry(Nonce.TYPE, 0x0015),
      Map.entry(XorRelayedAddress.TYPE, 0x0016), Map.entry(RequestedAddressFamily.TYPE, 0x0017),
      Map.entry(EvenPort.TYPE, 0x0018), Map.entry(RequestedTransport.TYPE, 0x0019),
      Map.entry(DontFragment.TYPE, 0x001A), Map.entry(MessageIntegritySha256.TYPE, 0x001C),
      Map.entry(PasswordAlgorithm.TYPE, 0x001D), Map.entry(Userhash.TYPE, 0x001E),
      Map.entry(XorMappedAddress.TYPE, 0x0020), Map.entry(ReservationToken.TYPE, 0x0022),
      Map.entry(Priority.TYPE, 0x0024), Map.entry(UseCandidate.TYPE, 0x0025),
      Map.entry(AdditionalAddressFamily.TYPE, 0x8000), Map.entry(AddressErrorCode.TYPE, 0x8001),
      Map.entry(PasswordAlgorithms.TYPE, 0x8002), Map.entry(Icmp.TYPE, 0x8004),
      Map.entry(Software.TYPE, 0x8022), Map.entry(AlternateServer.TYPE, 0x8023),
      Map.entry(Fingerprint.TYPE, 0x8028), Map.entry(IceControlled.TYPE, 0x8029),
      Map.entry(IceControlling.TYPE, 0x802A));

  @Test
  void constantsMatchTheRegistry() {
    REGISTRY.forEach((constant, registered) -> assertThat(constant).isEqualTo(registered));
    assertThat(REGISTRY).hasSize(32);
  }

  @Test
  void everyRegisteredTypeHasADecoder() {
    for (int type : REGISTRY.keySet()) {
      assertThat(AttributeCodec.isKnown(type)).as("0x%04X", type).isTrue();
    }
    assertThat(AttributeCodec.isKnown(0x8003)).as("ALTERNATE-DOMAIN is kept raw").isFalse();
  }

  @Test
  void comprehensionRangesFollowTheTopBit() {
    assertThat(StunAttribute.isComprehensionRequired(XorMappedAddress.TYPE)).isTrue();
    assertThat(StunAttribute.isComprehensionRequired(Fingerprint.TYPE)).isFalse();
  }
}
