// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.ingest.testing.HexVector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** FLV video and audio tag headers (FLV spec v10.1 §E.4.3.1, §E.4.2.1). */
class FlvTagHeaderTest {

    private static ByteBuf bytes(String hex) {
        return Unpooled.wrappedBuffer(HexVector.parse(hex));
    }

    @Test
    void ffmpegAvcSequenceHeaderLeavesTheReaderAtTheRecord() {
        ByteBuf tag = Unpooled.wrappedBuffer(HexVector.load("io/cascade/ingest/flv/ffmpeg-avc-sequence-header.hex"));
        FlvVideoTagHeader header = FlvVideoTagHeader.decode(tag);
        assertThat(header).isEqualTo(new FlvVideoTagHeader(VideoFrameType.KEY_FRAME, 7, false,
                AvcPacketType.SEQUENCE_HEADER, 0));
        assertThat(header.isAvc()).isTrue();
        assertThat(tag.readerIndex()).isEqualTo(5);
        assertThat(tag.getByte(5)).as("configurationVersion").isEqualTo((byte) 1);
    }

    @Test
    void compositionTimeIsSignedTwentyFourBits() {
        FlvVideoTagHeader header = FlvVideoTagHeader.decode(bytes("""
                27        # FrameType 2 (inter) | CodecID 7
                01        # AVCPacketType 1: NAL units
                ff ff fe  # CompositionTime -2 (SI24)
                """));
        assertThat(header.compositionTimeMs()).isEqualTo(-2);
        assertThat(header.frameType()).isEqualTo(VideoFrameType.INTER_FRAME);
        assertThat(FlvVideoTagHeader.decode(bytes("17 01 00 00 42")).compositionTimeMs()).isEqualTo(66);
    }

    @Test
    void videoHeaderEncodesWhatItDecodes() {
        byte[] golden = HexVector.parse("27 01 ff ff fe");
        ByteBuf out = Unpooled.buffer();
        FlvVideoTagHeader.decode(Unpooled.wrappedBuffer(golden)).encode(out);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(golden);
    }

    @Test
    void otherVideoCodecsDecodeWithoutTheAvcFields() {
        FlvVideoTagHeader vp6 = FlvVideoTagHeader.decode(bytes("24 00 00"));
        assertThat(vp6.codecId()).isEqualTo(4);
        assertThat(vp6.isAvc()).isFalse();
        assertThat(vp6.avcPacketType()).isNull();
    }

    @Test
    void enhancedRtmpHeadersAreRecognisedAndLeftUnparsed() {
        FlvVideoTagHeader hevc = FlvVideoTagHeader.decode(bytes("""
                90           # IsExHeader 1 | FrameType 1 | PacketType 0 (sequence start)
                68 76 63 31  # FourCC 'hvc1'
                """));
        assertThat(hevc.enhanced()).isTrue();
        assertThat(hevc.isAvc()).isFalse();
        assertThat(hevc.frameType()).isEqualTo(VideoFrameType.KEY_FRAME);
    }

    @Test
    void malformedVideoHeadersNameTheirField() {
        assertRefused(() -> FlvVideoTagHeader.decode(bytes("")), "frameType");
        assertRefused(() -> FlvVideoTagHeader.decode(bytes("07 00 00 00 00")), "frameType");
        assertRefused(() -> FlvVideoTagHeader.decode(bytes("67 00 00 00 00")), "frameType");
        assertRefused(() -> FlvVideoTagHeader.decode(bytes("17 00 00")), "avcPacketType");
        assertRefused(() -> FlvVideoTagHeader.decode(bytes("17 03 00 00 00")), "avcPacketType");
    }

    @Test
    void ffmpegAacSequenceHeaderLeavesTheReaderAtTheConfig() {
        ByteBuf tag = Unpooled.wrappedBuffer(HexVector.load("io/cascade/ingest/flv/ffmpeg-aac-sequence-header.hex"));
        FlvAudioTagHeader header = FlvAudioTagHeader.decode(tag);
        assertThat(header).isEqualTo(new FlvAudioTagHeader(10, 3, 1, 1, AacPacketType.SEQUENCE_HEADER));
        assertThat(header.isAac()).isTrue();
        assertThat(tag.readerIndex()).isEqualTo(2);
        ByteBuf out = Unpooled.buffer();
        header.encode(out);
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(HexVector.parse("af 00"));
    }

    @Test
    void otherAudioFormatsHaveNoPacketType() {
        FlvAudioTagHeader mp3 = FlvAudioTagHeader.decode(bytes("""
                2e  # SoundFormat 2 (MP3) | SoundRate 3 (44 kHz) | SoundSize 1 | SoundType 0 (mono)
                ff fb
                """));
        assertThat(mp3).isEqualTo(new FlvAudioTagHeader(2, 3, 1, 0, null));
        assertThat(mp3.isAac()).isFalse();
    }

    @Test
    void malformedAudioHeadersNameTheirField() {
        assertRefused(() -> FlvAudioTagHeader.decode(bytes("")), "soundFormat");
        assertRefused(() -> FlvAudioTagHeader.decode(bytes("af")), "aacPacketType");
        assertRefused(() -> FlvAudioTagHeader.decode(bytes("af 02")), "aacPacketType");
    }

    static void assertRefused(Runnable parse, String field) {
        assertThatThrownBy(parse::run).isInstanceOf(FlvFormatException.class)
                .satisfies(e -> assertThat(((FlvFormatException) e).field()).isEqualTo(field));
    }
}
