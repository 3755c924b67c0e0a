// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** The fast STUN test used to demultiplex a shared port (RFC 7983, RFC 8489 §7). */
class StunHeaderTest {

  @Test
  void recognisesStunByFirstByteCookieAndLength() {
    byte[] request = GoldenVectors.load(GoldenVectors.RFC5769_REQUEST);

    assertThat(StunHeader.isStun(request, 0, request.length)).isTrue();
    assertThat(StunHeader.isStun(request, 0, 19)).isFalse();
  }

  @Test
  void rejectsOtherProtocolsOnTheSamePort() {
    byte[] request = GoldenVectors.load(GoldenVectors.RFC5769_REQUEST);
    for (int first : new int[] {4, 20, 22, 63, 64, 79, 128, 144, 191}) {
      byte[] other = request.clone();
      other[0] = (byte) first;
      assertThat(StunHeader.isStun(other, 0, other.length)).as("first byte %d", first).isFalse();
    }
    byte[] badCookie = request.clone();
    badCookie[5] ^= 1;
    assertThat(StunHeader.isStun(badCookie, 0, badCookie.length)).isFalse();
    byte[] oddLength = request.clone();
    oddLength[3] ^= 1;
    assertThat(StunHeader.isStun(oddLength, 0, oddLength.length)).isFalse();
  }

  @Test
  void checksByteBufsWithoutMovingThem() {
    byte[] request = GoldenVectors.load(GoldenVectors.RFC5769_REQUEST);
    ByteBuf buffer = Unpooled.buffer().writeByte(0x17).writeBytes(request);
    try {
      assertThat(StunHeader.isStun(buffer)).isFalse();
      buffer.readerIndex(1);
      assertThat(StunHeader.isStun(buffer)).isTrue();
      assertThat(buffer.readerIndex()).isEqualTo(1);
    } finally {
      buffer.release();
    }
  }
}
