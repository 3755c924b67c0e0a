// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.PayloadVectors.hex;
import static io.cascade.distribution.payload.PayloadVectors.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpusPayloadTest {
    private static final PacketizerConfig CONFIG = PacketizerConfig.of(111, 0x0BADCAFE, 4000);

    @ParameterizedTest(name = "TOC {0}")
    @CsvSource({
        // RFC 6716 §3.1: config = TOC >> 3, stereo bit, frame count code in the low 2 bits
        "78,     960", // config 15, Hybrid FB 20 ms, code 0: one frame (what libwebrtc sends)
        "f8,     960", // config 31, CELT FB 20 ms
        "00,     480", // config 0, SILK NB 10 ms
        "18,    2880", // config 3, SILK NB 60 ms
        "81,     240", // config 16, CELT NB 2.5 ms, code 1: two equal frames
        "7a,    1920", // config 15, code 2: two frames of 20 ms
        "0b09,  8640", // config 1 (20 ms), code 3 with 9 frames: 180 ms, over the 120 ms limit
        "0b06,  5760", // config 1, code 3 with 6 frames: exactly 120 ms
        "0b,      -1", // code 3 without its frame count octet
        "'',      -1", // empty
    })
    void durationComesFromTheTocOctet(String packet, int samples) {
        int expected = samples > OpusFrame.MAX_DURATION ? -1 : samples;
        assertThat(OpusFrame.durationSamples(hex(packet))).isEqualTo(expected);
    }

    @Test
    void onePacketPerFrameWithTheFrameAsPayload() {
        OpusPacketizer packetizer = new OpusPacketizer(CONFIG);
        byte[] data = hex("78" + "0102030405");
        List<byte[]> packets = packetizer.packetize(new OpusFrame(48000, data));
        assertThat(packets).hasSize(1);
        assertThat(packets.get(0)).isEqualTo(hex("80" + "ef" + "0fa0" + "0000bb80" + "0badcafe" + "78" + "0102030405"));
        // 80: V=2; ef: M=1 (first packet: a talkspurt starts), PT 111; 0fa0: seq 4000; 0000bb80: ts 48000
        assertThat(packetizer.nextSequenceNumber()).isEqualTo(4001);
    }

    @Test
    void markerFlagsEachTalkspurtAfterSilence() {
        OpusPacketizer packetizer = new OpusPacketizer(CONFIG);
        byte[] twentyMs = hex("78aa");
        List<Boolean> markers = new ArrayList<>();
        for (int timestamp : new int[] {0, 960, 1920, 1920 + 960 * 20, 1920 + 960 * 21}) {
            markers.add(view(packetizer.packetize(new OpusFrame(timestamp, twentyMs)).get(0)).marker());
        }
        assertThat(markers).containsExactly(true, false, false, true, false);
    }

    @Test
    void packetsThatCannotBeSentAreRefused() {
        OpusPacketizer packetizer = new OpusPacketizer(CONFIG);
        assertThatThrownBy(() -> packetizer.packetize(new OpusFrame(0, new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packetizer.packetize(new OpusFrame(0, new byte[1189])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(packetizer.packetize(new OpusFrame(0, new byte[1188]))).hasSize(1);
    }

    @Test
    void depacketizingGivesTheFramesBackAndCountsLosses() {
        OpusPacketizer packetizer = new OpusPacketizer(CONFIG);
        List<OpusFrame> received = new ArrayList<>();
        OpusDepacketizer depacketizer = new OpusDepacketizer(received::add);
        List<OpusFrame> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            OpusFrame frame = new OpusFrame(960 * i, hex("78" + "0%d".formatted(i)));
            sent.add(frame);
            byte[] packet = packetizer.packetize(frame).get(0);
            if (i != 4) {
                depacketizer.receive(packet);
            }
            if (i == 6) {
                depacketizer.receive(packet); // a duplicate
            }
        }
        sent.remove(4);
        assertThat(received).containsExactlyElementsOf(sent);
        assertThat(depacketizer.stats()).isEqualTo(new DepacketizerStats(9, 1, 1, 0, 0, 9, 0, 0, 0));
        assertThat(depacketizer.needsKeyframe()).isFalse();
    }

    @Test
    void anEmptyPayloadIsMalformed() {
        OpusDepacketizer depacketizer = new OpusDepacketizer(frame -> {
            throw new AssertionError("no frame expected");
        });
        depacketizer.receive(H264PacketizerTest.rtp(1, 0, false, new byte[0]));
        assertThat(depacketizer.stats().packetsMalformed()).isOne();
    }
}
