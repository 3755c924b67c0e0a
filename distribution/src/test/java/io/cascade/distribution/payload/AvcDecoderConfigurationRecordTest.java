// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static io.cascade.distribution.payload.PayloadVectors.PPS_640X360;
import static io.cascade.distribution.payload.PayloadVectors.SPS_640X360;
import static io.cascade.distribution.payload.PayloadVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Records as FFmpeg writes them into FLV (the RTMP AVC sequence header); see the .hex notes. */
class AvcDecoderConfigurationRecordTest {

    @Test
    void ffmpegHighProfileRecordParsesFieldByField() {
        AvcDecoderConfigurationRecord record =
                AvcDecoderConfigurationRecord.decode(PayloadVectors.load("avcc-ffmpeg-high-with-trailer"));
        assertThat(record.profileIndication()).isEqualTo(100);
        assertThat(record.profileCompatibility()).isZero();
        assertThat(record.levelIndication()).isEqualTo(30);
        assertThat(record.nalLengthSize()).isEqualTo(4); // ff: lengthSizeMinusOne 3
        assertThat(record.sequenceParameterSets()).containsExactly(SPS_640X360);
        assertThat(record.pictureParameterSets()).containsExactly(PPS_640X360);
        // fd f8 f8 00: chroma_format 1, both bit depths 8, no SPS extensions
        assertThat(record.highProfile()).isEqualTo(new AvcDecoderConfigurationRecord.HighProfile(1, 0, 0, List.of()));
    }

    @Test
    void buildingFromTheParameterSetsGivesFfmpegsBytes() {
        for (String vector : List.of("avcc-ffmpeg-high-with-trailer", "avcc-ffmpeg-baseline")) {
            byte[] ffmpeg = PayloadVectors.load(vector);
            AvcDecoderConfigurationRecord parsed = AvcDecoderConfigurationRecord.decode(ffmpeg);
            AvcDecoderConfigurationRecord built = AvcDecoderConfigurationRecord.of(parsed.sequenceParameterSets(),
                    parsed.pictureParameterSets());
            assertThat(built).as(vector).isEqualTo(parsed);
            assertThat(built.encode()).as(vector).isEqualTo(ffmpeg);
        }
    }

    @Test
    void baselineRecordHasNoTrailer() {
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.decode(PayloadVectors.load("avcc-ffmpeg-baseline"));
        assertThat(record.profileIndication()).isEqualTo(66);
        assertThat(record.profileCompatibility()).isEqualTo(0xC0);
        assertThat(record.highProfile()).isNull();
    }

    @Test
    void highProfileRecordWithoutTheTrailerIsAcceptedAndStaysWithout() {
        byte[] legacy = PayloadVectors.load("avcc-high-without-trailer");
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.decode(legacy);
        assertThat(record.highProfile()).isNull();
        assertThat(record.sequenceParameterSets()).containsExactly(SPS_640X360);
        assertThat(record.encode()).isEqualTo(legacy);
    }

    @Test
    void reservedBitsAreIgnoredOnInputAndSetOnOutput() {
        byte[] zeros = PayloadVectors.load("avcc-ffmpeg-baseline");
        zeros[4] = 0x03; // reserved 000000b, lengthSizeMinusOne 3
        zeros[5] = 0x01; // reserved 000b, one SPS
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.decode(zeros);
        assertThat(record.encode()).isEqualTo(PayloadVectors.load("avcc-ffmpeg-baseline"));
    }

    @Test
    void twoOctetLengthsAndSeveralParameterSetsRoundTrip() {
        byte[] sps2 = Arrays.copyOf(SPS_640X360, SPS_640X360.length);
        sps2[4] = (byte) 0xad;
        AvcDecoderConfigurationRecord record = new AvcDecoderConfigurationRecord(100, 0, 31, 2,
                List.of(SPS_640X360, sps2), List.of(PPS_640X360, hex("68ee3cb0")),
                new AvcDecoderConfigurationRecord.HighProfile(1, 2, 2, List.of(hex("6d01"))));
        byte[] encoded = record.encode();
        assertThat(encoded[4] & 0xFF).isEqualTo(0xFD); // reserved ones, lengthSizeMinusOne 1
        assertThat(AvcDecoderConfigurationRecord.decode(encoded)).isEqualTo(record);
        assertThat(AvcDecoderConfigurationRecord.decode(encoded).hashCode()).isEqualTo(record.hashCode());
    }

    @Test
    void errorsNameTheField() {
        byte[] good = PayloadVectors.load("avcc-ffmpeg-baseline");
        assertField(new byte[0], "configurationVersion");
        assertField(hex("02"), "configurationVersion");
        assertField(Arrays.copyOf(good, 4), "lengthSizeMinusOne");
        byte[] three = good.clone();
        three[4] = (byte) 0xFE; // lengthSizeMinusOne 2: not allowed
        assertField(three, "lengthSizeMinusOne");
        assertField(Arrays.copyOf(good, 10), "sequenceParameterSetLength");
        assertField(Arrays.copyOf(good, 6 + 2 + 25), "numOfPictureParameterSets");
        assertField(Arrays.copyOf(good, good.length - 1), "pictureParameterSetLength");
        byte[] ppsAsSps = good.clone();
        ppsAsSps[8] = 0x68;
        assertField(ppsAsSps, "sequenceParameterSetNALUnit");
    }

    @Test
    void constructorEnforcesTheFieldWidths() {
        assertThatThrownBy(() -> new AvcDecoderConfigurationRecord(66, 0, 30, 3, List.of(), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AvcDecoderConfigurationRecord(66, 0, 30, 4,
                Collections.nCopies(32, SPS_640X360), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AvcDecoderConfigurationRecord(66, 0, 30, 4, List.of(new byte[0]), List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AvcDecoderConfigurationRecord.of(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertField(byte[] data, String field) {
        assertThatThrownBy(() -> AvcDecoderConfigurationRecord.decode(data))
                .isInstanceOfSatisfying(PayloadFormatException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
