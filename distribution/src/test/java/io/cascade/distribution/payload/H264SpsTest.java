// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPS parsing against parameter sets from libx264 (the {@code payload/sps-*.hex} vectors, each
 * annotated with every syntax element as FFmpeg's trace_headers reads it) and against synthetic
 * ones for the branches x264 never writes.
 */
class H264SpsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // vector,                           profile, flags, level, chroma, depth, frames only, width, height, fps,    codecs
        "sps-x264-high-1280x720,                 100,     0,    31,      1,     8, true,  1280,  720, 30,     avc1.64001f",
        "sps-x264-baseline-640x360,               66,   192,    30,      1,     8, true,   640,  360, 30,     avc1.42c01e",
        "sps-x264-main-640x360,                   77,    64,    30,      1,     8, true,   640,  360, 30,     avc1.4d401e",
        "sps-x264-high-1920x1080,                100,     0,    40,      1,     8, true,  1920, 1080, 30,     avc1.640028",
        "sps-x264-high-interlaced-1920x1080,     100,     0,    40,      1,     8, false, 1920, 1080, 30,     avc1.640028",
        "sps-x264-high10-320x180,                110,     0,    13,      1,    10, true,   320,  180, 30,     avc1.6e000d",
        "sps-x264-high422-352x288,               122,     0,    13,      2,     8, true,   352,  288, 23.976, avc1.7a000d",
        "sps-x264-high444-320x240,               244,     0,    13,      3,     8, true,   320,  240, 25,     avc1.f4000d",
    })
    void x264ParameterSetsGiveWhatFfprobeReports(String vector, int profile, int flags, int level, int chroma,
            int depth, boolean framesOnly, int width, int height, double fps, String codecs) {
        H264Sps sps = H264Sps.parse(PayloadVectors.load(vector));
        assertThat(sps.profileIdc()).isEqualTo(profile);
        assertThat(sps.constraintFlags()).isEqualTo(flags);
        assertThat(sps.levelIdc()).isEqualTo(level);
        assertThat(sps.seqParameterSetId()).isZero();
        assertThat(sps.chromaFormatIdc()).isEqualTo(chroma);
        assertThat(sps.separateColourPlane()).isFalse();
        assertThat(sps.bitDepthLuma()).isEqualTo(depth);
        assertThat(sps.bitDepthChroma()).isEqualTo(depth);
        assertThat(sps.frameMbsOnly()).isEqualTo(framesOnly);
        assertThat(sps.width()).isEqualTo(width);
        assertThat(sps.height()).isEqualTo(height);
        assertThat(sps.frameRate()).isCloseTo(fps, Offset.offset(0.001));
        assertThat(sps.codecs()).isEqualTo(codecs);
    }

    @Test
    void cropping1080FromSixtyEightMacroblockRows() {
        // pic_height_in_map_units_minus1 67: 68 rows of 16 = 1088 lines; frame_crop_bottom_offset 4
        // in units of SubHeightC = 2 lines (4:2:0, frames only): 1088 - 8 = 1080.
        H264Sps sps = H264Sps.parse(PayloadVectors.load("sps-x264-high-1920x1080"));
        assertThat(sps.picWidthInMbs()).isEqualTo(120);
        assertThat(sps.picHeightInMapUnits()).isEqualTo(68);
        assertThat(sps.crop()).isEqualTo(new H264Sps.Crop(0, 0, 0, 4));
        assertThat(sps.timing()).isEqualTo(new H264Sps.Timing(1, 60, false));
    }

    @Test
    void interlacedCropUnitsAreTwiceAsTall() {
        // frame_mbs_only_flag 0: 34 map units are macroblock pairs, 68 rows; CropUnitY = 2 * 2 = 4,
        // so frame_crop_bottom_offset 2 also removes 8 lines.
        H264Sps sps = H264Sps.parse(PayloadVectors.load("sps-x264-high-interlaced-1920x1080"));
        assertThat(sps.picHeightInMapUnits()).isEqualTo(34);
        assertThat(sps.frameHeightInMbs()).isEqualTo(68);
        assertThat(sps.crop().bottom()).isEqualTo(2);
        assertThat(sps.height()).isEqualTo(1080);
    }

    @Test
    void pictureOrderCountTypeOneScalingListsAndSeparatePlanesAreReadPast() {
        byte[] nal = new SyntheticSps(244).chroma(3, true).scalingLists(12).pocType(1).size(20, 15)
                .crop(1, 2, 3, 4).timing(1001, 60000).nal();
        H264Sps sps = H264Sps.parse(nal);
        assertThat(sps.chromaFormatIdc()).isEqualTo(3);
        assertThat(sps.separateColourPlane()).isTrue();
        assertThat(sps.chromaArrayType()).isZero();
        // ChromaArrayType 0: crop units of one sample both ways
        assertThat(sps.width()).isEqualTo(320 - 3);
        assertThat(sps.height()).isEqualTo(240 - 7);
        assertThat(sps.frameRate()).isCloseTo(29.97, Offset.offset(0.001));
    }

    @Test
    void extendedSarAndColourDescriptionDoNotHideTheTiming() {
        byte[] nal = new SyntheticSps(100).size(80, 45).vuiPrefix(true).timing(1, 50).nal();
        assertThat(H264Sps.parse(nal).frameRate()).isEqualTo(25.0);
    }

    @Test
    void aVuiCutShortLosesOnlyItsTiming() {
        byte[] whole = new SyntheticSps(66).size(40, 23).timing(1, 60).nal();
        byte[] cut = Arrays.copyOf(whole, whole.length - 6);
        H264Sps sps = H264Sps.parse(cut);
        assertThat(sps.timing()).isNull();
        assertThat(sps.frameRate()).isNaN();
        assertThat(sps.width()).isEqualTo(640);
    }

    @Test
    void zeroTimingCountsAsAbsent() {
        assertThat(H264Sps.parse(new SyntheticSps(66).size(40, 23).timing(0, 60).nal()).timing()).isNull();
    }

    @Test
    void errorsNameTheSyntaxElement() {
        assertField(new byte[0], "nal_unit_type");
        assertField(PayloadVectors.PPS_640X360, "nal_unit_type");
        assertField(PayloadVectors.hex("6764"), "constraint_set_flags");
        assertField(new SyntheticSps(100).chroma(4, false).nal(), "chroma_format_idc");
        assertField(new SyntheticSps(66).spsId(32).nal(), "seq_parameter_set_id");
        assertField(new SyntheticSps(66).size(1056, 10).nal(), "pic_width_in_mbs_minus1");
        assertField(new SyntheticSps(66).size(10, 10).crop(80, 0, 0, 0).nal(), "frame_crop_right_offset");
        assertField(new SyntheticSps(66).size(10, 10).crop(0, 0, 0, 80).nal(), "frame_crop_bottom_offset");
        // 31 leading zero bits: no ue(v) we read can be that long
        assertField(PayloadVectors.hex("6742c01e" + "00000000" + "01"), "seq_parameter_set_id");
    }

    @Test
    void theLargestPictureAnyLevelAllowsStillParses() {
        H264Sps sps = H264Sps.parse(new SyntheticSps(100).size(1055, 1055).nal());
        assertThat(sps.width()).isEqualTo(16 * 1055);
    }

    private static void assertField(byte[] nal, String field) {
        assertThatThrownBy(() -> H264Sps.parse(nal)).isInstanceOfSatisfying(PayloadFormatException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
