// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.transcode.media.SourceSink;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MPEG-TS payloads to the input manager's form. */
class PacketConverterTest {
    private final List<String> out = new ArrayList<>();
    private final PacketConverter convert = new PacketConverter(new SourceSink() {
        @Override
        public void videoConfig(byte[] c) {
            out.add("vcfg " + HexFormat.of().formatHex(c, 0, 4));
        }

        @Override
        public void video(long dts, int cts, boolean key, byte[] avcc) {
            out.add((key ? "K" : "v") + dts + "+" + cts + " " + HexFormat.of().formatHex(avcc));
        }

        @Override
        public void audioConfig(byte[] c) {
            out.add("acfg " + HexFormat.of().formatHex(c));
        }

        @Override
        public void audio(long dts, byte[] aac) {
            out.add("a" + dts + " " + HexFormat.of().formatHex(aac));
        }

        @Override
        public void end() {
        }
    });

    /** x264's SPS/PPS for a 320x240 High profile stream (from ffmpeg 5.1's mpegts output). */
    private static final String SPS = "6764000dacd94141fb0110000003001000000303c0f1429960";
    private static final String PPS = "68ebe3cb22c0";

    @Test
    void annexBWithParameterSetsBecomesAConfigAndAnAvccSample() {
        convert.video(HexFormat.of().parseHex("00000001" + "09f0" + "00000001" + SPS + "00000001" + PPS
                + "000001" + "658884"), 1000, 1033, true);
        convert.video(HexFormat.of().parseHex("00000001" + "419a"), 1033, 1066, false);
        assertThat(out).containsExactly("vcfg 0164000d", "K1000+33 00000003658884", "v1033+33 00000002419a");
    }

    @Test
    void picturesBeforeAnyParameterSetsAreDropped() {
        convert.video(HexFormat.of().parseHex("00000001419a"), 0, 0, false);
        assertThat(out).isEmpty();
    }

    @Test
    void adtsFramesLoseTheirHeaderAndGiveTheAudioSpecificConfig() {
        // Two ADTS frames, AAC-LC (profile 1), 48 kHz (index 3), mono; frame_length 9 = 7 + 2.
        String frame = "fff1" + "4c" + "40" + "01" + "3f" + "fc" + "0118";
        convert.audio(HexFormat.of().parseHex(frame + frame), 500);
        assertThat(out).containsExactly("acfg 1188", "a500 0118", "a521 0118");
    }

    @Test
    void notAdtsIsDroppedAndCounted() {
        convert.audio(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0);
        assertThat(out).isEmpty();
        assertThat(convert.dropped()).isEqualTo(1);
    }
}
