// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import static io.cascade.ingest.flv.FlvTagHeaderTest.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.testing.HexVector;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1), H.264 SPS (ITU-T H.264 §7.3.2.1.1)
 * and AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1) against FFmpeg/libx264 output.
 */
class CodecConfigurationTest {

    private static byte[] avcRecordFromCapture() {
        byte[] tag = HexVector.load("io/cascade/ingest/flv/ffmpeg-avc-sequence-header.hex");
        return Arrays.copyOfRange(tag, 5, tag.length);
    }

    @Test
    void ffmpegAvcRecordParsesAndEncodesBackByteForByte() {
        byte[] raw = avcRecordFromCapture();
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.decode(raw);
        assertThat(record.profileIndication()).isEqualTo(100);
        assertThat(record.profileCompatibility()).isZero();
        assertThat(record.levelIndication()).isEqualTo(30);
        assertThat(record.nalUnitLengthSize()).isEqualTo(4);
        assertThat(record.sequenceParameterSets()).hasSize(1);
        assertThat(record.sequenceParameterSets().get(0)).hasSize(25).startsWith(0x67, 0x64, 0x00, 0x1e);
        assertThat(record.pictureParameterSets()).containsExactly(HexVector.parse("68 ef 0f cb"));
        assertThat(record.highProfile()).isNotNull();
        assertThat(record.highProfile().chromaFormat()).isEqualTo(1);
        assertThat(record.encode()).isEqualTo(raw);
    }

    @Test
    void ffmpegSpsGivesTheCroppedPictureSize() {
        AvcSequenceParameterSet sps = AvcDecoderConfigurationRecord.decode(avcRecordFromCapture()).firstSps();
        assertThat(sps).isEqualTo(new AvcSequenceParameterSet(100, 0, 30, 0, 1, 8, true, 640, 360));
    }

    @Test
    void libx264SpsVariantsGiveTheirSizes() {
        // Generated with: ffmpeg -f lavfi -i testsrc2=size=WxH -frames:v 1 -c:v libx264 -profile:v P [...] -f h264
        assertSps("67640028acd940780227e5c044000003000400000300c83c60c658", 100, 1920, 1080, true, 1);
        assertSps("6742c01fd9005005bb011000000300100000030320f1832480", 66, 1280, 720, true, 1);
        // High 4:4:4 Predictive (yuv444p): chroma_format_idc 3, crop units of one sample.
        assertSps("67f4000d919b28283f6022000003000200000300641e28532c", 244, 320, 240, true, 3);
        // -flags +ildct: interlaced, frame_mbs_only_flag 0, heights in field pairs.
        assertSps("6764001eacd940b424d8088000000300800000190f8a14cb", 100, 720, 576, false, 1);
        // -x264-params cqm=jvt: scaling matrices present; 854 = 54 macroblocks - 5 chroma crop units.
        assertSps("6764001eacd940d83de6f011000003000100000300320f162d96", 100, 854, 480, true, 1);
    }

    private static void assertSps(String hex, int profile, int width, int height, boolean frameMbsOnly, int chroma) {
        AvcSequenceParameterSet sps = AvcSequenceParameterSet.decode(HexFormat.of().parseHex(hex));
        assertThat(sps.profileIdc()).isEqualTo(profile);
        assertThat(sps.width()).as("width of %s", hex).isEqualTo(width);
        assertThat(sps.height()).as("height of %s", hex).isEqualTo(height);
        assertThat(sps.frameMbsOnly()).isEqualTo(frameMbsOnly);
        assertThat(sps.chromaFormatIdc()).isEqualTo(chroma);
    }

    @Test
    void recordWithoutTheHighProfileTrailerIsAccepted() {
        byte[] raw = avcRecordFromCapture();
        byte[] withoutTrailer = Arrays.copyOf(raw, raw.length - 4);
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.decode(withoutTrailer);
        assertThat(record.highProfile()).isNull();
        assertThat(record.encode()).isEqualTo(withoutTrailer);
    }

    @Test
    void malformedAvcRecordsNameTheirField() {
        byte[] raw = avcRecordFromCapture();
        byte[] version2 = raw.clone();
        version2[0] = 2;
        assertRefused(() -> AvcDecoderConfigurationRecord.decode(version2), "configurationVersion");
        byte[] threeByteLengths = raw.clone();
        threeByteLengths[4] = (byte) 0xFE;
        assertRefused(() -> AvcDecoderConfigurationRecord.decode(threeByteLengths), "lengthSizeMinusOne");
        byte[] longSps = raw.clone();
        longSps[6] = (byte) 0xFF; // sequenceParameterSetLength 0xFF19
        assertRefused(() -> AvcDecoderConfigurationRecord.decode(longSps), "sequenceParameterSetNALUnit");
        assertRefused(() -> AvcDecoderConfigurationRecord.decode(new byte[0]), "configurationVersion");
        assertRefused(() -> AvcDecoderConfigurationRecord.decode(Arrays.copyOf(raw, 5)), "numOfSequenceParameterSets");
    }

    @Test
    void malformedSpsNamesItsField() {
        assertRefused(() -> AvcSequenceParameterSet.decode(HexVector.parse("68 ef 0f cb")), "nal_unit_type");
        assertRefused(() -> AvcSequenceParameterSet.decode(HexVector.parse("67 64 00 1e")), "seq_parameter_set_id");
        // 40 zero bits: an Exp-Golomb code longer than 32 bits.
        assertRefused(() -> AvcSequenceParameterSet.decode(HexVector.parse("67 42 00 1e 00 00 00 00 00 01")),
                "seq_parameter_set_id");
    }

    @Test
    void ffmpegAudioSpecificConfigIsAacLc48kMono() {
        byte[] tag = HexVector.load("io/cascade/ingest/flv/ffmpeg-aac-sequence-header.hex");
        byte[] raw = Arrays.copyOfRange(tag, 2, tag.length);
        AudioSpecificConfig config = AudioSpecificConfig.decode(raw);
        assertThat(config).isEqualTo(new AudioSpecificConfig(2, 3, 48000, 1));
        // encode writes the leading fields and a plain GASpecificConfig, not the SBR sync extension.
        assertThat(config.encode()).isEqualTo(HexVector.parse("11 88"));
    }

    @Test
    void audioSpecificConfigWithExplicitFrequencyAndEscapedObjectType() {
        byte[] explicit = HexVector.parse("""
                17 80 17 70 10  # bits: 00010 (audioObjectType 2, AAC LC) 1111 (samplingFrequencyIndex 15:
                                # explicit) 000000000010111011100000 (samplingFrequency 12000)
                                # 0010 (channelConfiguration 2) 000 (GASpecificConfig flags)
                """);
        AudioSpecificConfig config = AudioSpecificConfig.decode(explicit);
        assertThat(config.audioObjectType()).isEqualTo(2);
        assertThat(config.samplingFrequencyIndex()).isEqualTo(AudioSpecificConfig.EXPLICIT_FREQUENCY);
        assertThat(config.samplingFrequency()).isEqualTo(12000);
        assertThat(config.channelConfiguration()).isEqualTo(2);
        assertThat(config.encode()).isEqualTo(explicit);
        assertThat(AudioSpecificConfig.decode(config.encode())).isEqualTo(config);

        AudioSpecificConfig escaped = new AudioSpecificConfig(42, 4, 44100, 2);
        byte[] encoded = escaped.encode();
        assertThat(encoded[0] >>> 3 & 0x1F).as("escape value 31").isEqualTo(31);
        assertThat(AudioSpecificConfig.decode(encoded)).isEqualTo(escaped);
        assertThat(AudioSpecificConfig.indexOf(44100)).isEqualTo(4);
        assertThat(AudioSpecificConfig.indexOf(12345)).isEqualTo(AudioSpecificConfig.EXPLICIT_FREQUENCY);
    }

    @Test
    void malformedAudioSpecificConfigNamesItsField() {
        assertRefused(() -> AudioSpecificConfig.decode(new byte[0]), "audioObjectType");
        assertRefused(() -> AudioSpecificConfig.decode(HexVector.parse("16 80")), "samplingFrequencyIndex");
        assertRefused(() -> AudioSpecificConfig.decode(HexVector.parse("07 80")), "audioObjectType");
        assertRefused(() -> AudioSpecificConfig.decode(HexVector.parse("17 80")), "samplingFrequency");
    }
}
