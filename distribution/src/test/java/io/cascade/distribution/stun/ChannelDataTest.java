// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.stun;

import static io.cascade.distribution.stun.ChannelData.Framing.DATAGRAM;
import static io.cascade.distribution.stun.ChannelData.Framing.STREAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** TURN ChannelData framing (RFC 8656 §12.4-§12.6) and its RFC 7983 demux byte. */
class ChannelDataTest {
  private static final ChannelData FIVE_BYTES = new ChannelData(0x4001, new byte[] {1, 2, 3, 4, 5});

  @Test
  void datagramsAreNotPaddedAndStreamsAre() {
    assertThat(HexFormat.of().formatHex(FIVE_BYTES.encode(DATAGRAM)))
        .isEqualTo("400100050102030405");
    assertThat(HexFormat.of().formatHex(FIVE_BYTES.encode(STREAM)))
        .isEqualTo("400100050102030405000000");
  }

  @Test
  void bothFramingsDecode() throws Exception {
    byte[] padded = FIVE_BYTES.encode(STREAM);

    assertThat(ChannelData.decode(padded, 0, padded.length, STREAM)).isEqualTo(FIVE_BYTES);
    assertThat(ChannelData.decode(padded, 0, padded.length, DATAGRAM))
        .as("optional UDP padding").isEqualTo(FIVE_BYTES);
    assertThat(ChannelData.decode(padded, 0, 9, DATAGRAM)).isEqualTo(FIVE_BYTES);
  }

  @Test
  void shortOrOverlongFramesAreRejected() {
    byte[] padded = FIVE_BYTES.encode(STREAM);

    assertThatThrownBy(() -> ChannelData.decode(padded, 0, 8, DATAGRAM))
        .isInstanceOf(StunFormatException.class)
        .extracting(e -> ((StunFormatException) e).field()).isEqualTo("ChannelData length");
    assertThatThrownBy(() -> ChannelData.decode(padded, 0, 9, STREAM))
        .isInstanceOf(StunFormatException.class);
    byte[] extra = new byte[padded.length + 4];
    System.arraycopy(padded, 0, extra, 0, padded.length);
    assertThatThrownBy(() -> ChannelData.decode(extra, 0, extra.length, DATAGRAM))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> ChannelData.decode(padded, 0, 3, DATAGRAM))
        .isInstanceOf(StunFormatException.class);
  }

  @Test
  void channelNumbersOutsideTheBindableRangeAreRejected() {
    byte[] reserved = HexFormat.of().parseHex("50000000");
    byte[] stun = HexFormat.of().parseHex("00010000");

    assertThatThrownBy(() -> ChannelData.decode(reserved, 0, 4, DATAGRAM))
        .isInstanceOf(StunFormatException.class).hasMessageStartingWith("channel number");
    assertThatThrownBy(() -> ChannelData.decode(stun, 0, 4, DATAGRAM))
        .isInstanceOf(StunFormatException.class);
    assertThatThrownBy(() -> new ChannelData(0x3FFF, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void frameLengthIncludesStreamPadding() {
    byte[] padded = FIVE_BYTES.encode(STREAM);

    assertThat(ChannelData.frameLength(padded, 0, 3)).isEqualTo(-1);
    assertThat(ChannelData.frameLength(padded, 0, 4)).isEqualTo(12);
  }

  @Test
  void checkFrameReturnsTheDataLengthWithoutCopying() throws Exception {
    byte[] datagram = FIVE_BYTES.encode(DATAGRAM);

    assertThat(ChannelData.checkFrame(datagram, 0, datagram.length, DATAGRAM)).isEqualTo(5);
  }

  @Test
  void firstByteTellsChannelDataFromStunDtlsAndRtp() {
    ByteBuf buffer = Unpooled.wrappedBuffer(FIVE_BYTES.encode(DATAGRAM));
    try {
      assertThat(ChannelData.isChannelData(buffer)).isTrue();
      for (int first = 0; first < 256; first++) {
        byte[] packet = {(byte) first, 0, 0, 0};
        assertThat(ChannelData.isChannelData(packet, 0, 4))
            .as("first byte %d", first).isEqualTo(first >= 64 && first <= 79);
      }
      assertThat(ChannelData.isChannelData(new byte[] {0x40, 0, 0}, 0, 3)).isFalse();
    } finally {
      buffer.release();
    }
  }
}
