// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Method and class bit interleaving (RFC 8489 §5) and the IANA method codes (RFC 8656 §17). */
class StunMessageTypeTest {

  @ParameterizedTest
  @CsvSource({
    "BINDING, REQUEST, 0x0001", "BINDING, INDICATION, 0x0011",
    "BINDING, SUCCESS_RESPONSE, 0x0101", "BINDING, ERROR_RESPONSE, 0x0111",
    "ALLOCATE, REQUEST, 0x0003", "ALLOCATE, SUCCESS_RESPONSE, 0x0103",
    "ALLOCATE, ERROR_RESPONSE, 0x0113", "REFRESH, REQUEST, 0x0004",
    "SEND, INDICATION, 0x0016", "DATA, INDICATION, 0x0017",
    "CREATE_PERMISSION, REQUEST, 0x0008", "CHANNEL_BIND, REQUEST, 0x0009",
    "CHANNEL_BIND, ERROR_RESPONSE, 0x0119"
  })
  void typesHaveTheirWireCodes(StunMethod method, StunClass messageClass, String hex)
      throws Exception {
    int code = Integer.decode(hex);
    StunMessageType type = new StunMessageType(method, messageClass);

    assertThat(type.code()).isEqualTo(code);
    assertThat(StunMessageType.fromCode(code)).isEqualTo(type);
  }

  @Test
  void everyMethodAndClassRoundTrips() throws Exception {
    for (StunMethod method : StunMethod.values()) {
      for (StunClass messageClass : StunClass.values()) {
        StunMessageType type = new StunMessageType(method, messageClass);
        assertThat(type.code() & 0xC000).isZero();
        assertThat(StunMessageType.fromCode(type.code())).isEqualTo(type);
      }
    }
  }

  @Test
  void methodCodesMatchTheIanaRegistry() {
    assertThat(StunMethod.BINDING.code()).isEqualTo(0x001);
    assertThat(StunMethod.ALLOCATE.code()).isEqualTo(0x003);
    assertThat(StunMethod.REFRESH.code()).isEqualTo(0x004);
    assertThat(StunMethod.SEND.code()).isEqualTo(0x006);
    assertThat(StunMethod.DATA.code()).isEqualTo(0x007);
    assertThat(StunMethod.CREATE_PERMISSION.code()).isEqualTo(0x008);
    assertThat(StunMethod.CHANNEL_BIND.code()).isEqualTo(0x009);
  }

  @Test
  void unknownMethodsAndHighBitsAreFormatErrors() {
    assertThatThrownBy(() -> StunMessageType.fromCode(0x000A))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> StunMessageType.fromCode(0x8001))
        .isInstanceOf(StunFormatException.class);
  }

  @Test
  void errorCodesMatchTheIanaRegistry() {
    assertThat(StunError.values()).extracting(StunError::code).containsExactly(
        300, 400, 401, 403, 420, 437, 438, 440, 441, 442, 443, 486, 487, 500, 508);
    assertThat(StunError.fromCode(438)).contains(StunError.STALE_NONCE);
    assertThat(StunError.fromCode(499)).isEmpty();
  }
}
