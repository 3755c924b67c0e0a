// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.amf;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.testing.HexVector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every supported AMF0 type against hand-assembled bytes from the AMF0 specification (§ numbers
 * in the comments), both ways; and FFmpeg's real onMetaData.
 */
class Amf0GoldenTest {

    private static byte[] encode(Amf0Value value) {
        ByteBuf out = Unpooled.buffer();
        value.encode(out);
        return ByteBufUtil.getBytes(out);
    }

    private static void assertGolden(Amf0Value value, String annotatedHex) {
        byte[] golden = HexVector.parse(annotatedHex);
        assertThat(encode(value)).as("encoding of %s", value).isEqualTo(golden);
        ByteBuf in = Unpooled.wrappedBuffer(golden);
        assertThat(Amf0Decoder.decode(in)).isEqualTo(value);
        assertThat(in.isReadable()).as("decode consumes exactly the value").isFalse();
    }

    @Test
    void numberIsMarkerZeroAndABigEndianDouble() {
        assertGolden(new Amf0Number(1.5), """
                00                       # §2.2 number-marker
                3f f8 00 00 00 00 00 00  # DOUBLE 1.5: sign 0, exponent 0x3ff, fraction .1b
                """);
        assertGolden(new Amf0Number(-0.25), """
                00                       # number-marker
                bf d0 00 00 00 00 00 00  # DOUBLE -0.25
                """);
    }

    @Test
    void booleanIsOneByteAfterItsMarker() {
        assertGolden(Amf0Boolean.TRUE, """
                01  # §2.3 boolean-marker
                01  # U8 non-zero: true
                """);
        assertGolden(Amf0Boolean.FALSE, "01 00  # boolean-marker, false");
    }

    @Test
    void stringHasASixteenBitLengthAndUtf8() {
        assertGolden(new Amf0String("héllo"), """
                02           # §2.4 string-marker
                00 06        # UTF-8 length 6 (é takes two bytes)
                68 c3 a9 6c 6c 6f  # 'h' 'é' 'l' 'l' 'o'
                """);
        assertGolden(new Amf0String(""), "02 00 00  # string-marker, empty");
    }

    @Test
    void longStringTakesOverAbove65535Bytes() {
        String atLimit = "a".repeat(0xFFFF);
        assertThat(encode(new Amf0String(atLimit))).startsWith(HexVector.parse("02 ff ff  # short form, 65535 bytes"));
        String above = "a".repeat(0x10000);
        byte[] encoded = encode(new Amf0String(above));
        assertThat(encoded).startsWith(HexVector.parse("""
                0c           # §2.14 long-string-marker
                00 01 00 00  # UTF-8-long length 65536
                61 61        # 'a' 'a' ...
                """));
        assertThat(encoded).hasSize(5 + 0x10000);
        assertThat(Amf0Decoder.decode(Unpooled.wrappedBuffer(encoded))).isEqualTo(new Amf0String(above));
        // A short string sent in the long form decodes to the same value.
        assertThat(Amf0Decoder.decode(Unpooled.wrappedBuffer(HexVector.parse("0c 00 00 00 02 68 69"))))
                .isEqualTo(new Amf0String("hi"));
    }

    @Test
    void objectIsNamedValuesClosedByAnEmptyNameAndObjectEnd() {
        Amf0Object object = Amf0Object.builder().put("app", "live").put("n", 1.0).build();
        assertGolden(object, """
                03                       # §2.5 object-marker
                00 03 61 70 70           # UTF-8 name 'app' (§1.3: 16-bit length, no marker)
                02 00 04 6c 69 76 65     # string 'live'
                00 01 6e                 # name 'n'
                00 3f f0 00 00 00 00 00 00  # number 1.0
                00 00                    # UTF-8-empty ...
                09                       # ... then §2.11 object-end-marker
                """);
    }

    @Test
    void nullAndUndefinedAreBareMarkers() {
        assertGolden(Amf0Null.INSTANCE, "05  # §2.7 null-marker");
        assertGolden(Amf0Undefined.INSTANCE, "06  # §2.8 undefined-marker");
    }

    @Test
    void ecmaArrayCarriesACountThenNamedValues() {
        assertGolden(new Amf0EcmaArray(Map.of("k", new Amf0String("v"))), """
                08           # §2.10 ecma-array-marker
                00 00 00 01  # associative-count 1
                00 01 6b     # name 'k'
                02 00 01 76  # string 'v'
                00 00 09     # UTF-8-empty, object-end-marker
                """);
    }

    @Test
    void ecmaArrayCountIsOnlyAHintAndItsEndMayBeMissingAtTheEndOfAMessage() {
        Amf0Value wrongCount = Amf0Decoder.decode(Unpooled.wrappedBuffer(HexVector.parse("""
                08 00 00 00 07  # ecma-array, count 7 but one pair follows
                00 01 6b 02 00 01 76 00 00 09
                """)));
        assertThat(wrongCount).isEqualTo(new Amf0EcmaArray(Map.of("k", new Amf0String("v"))));
        Amf0Value unterminated = Amf0Decoder.decode(Unpooled.wrappedBuffer(HexVector.parse("""
                08 00 00 00 01 00 01 6b 02 00 01 76  # no object end before the buffer ends
                """)));
        assertThat(unterminated).isEqualTo(wrongCount);
    }

    @Test
    void strictArrayIsACountThenValues() {
        assertGolden(new Amf0StrictArray(List.of(new Amf0Number(1.0), Amf0Boolean.TRUE)), """
                0a           # §2.12 strict-array-marker
                00 00 00 02  # array-count 2
                00 3f f0 00 00 00 00 00 00  # number 1.0
                01 01        # boolean true
                """);
    }

    @Test
    void dateIsMillisecondsAndAReservedTimeZone() {
        Amf0Date date = new Amf0Date(1609459200000.0, (short) 0);
        assertGolden(date, """
                0b                       # §2.13 date-marker
                42 77 6b b3 e7 00 00 00  # DOUBLE 1609459200000 ms: 2021-01-01T00:00:00Z
                00 00                    # time-zone S16, reserved 0x0000
                """);
        assertThat(date.toJava()).isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    }

    @Test
    void ffmpegOnMetaDataDecodesToItsThirteenPropertiesAndEncodesBackByteForByte() {
        byte[] golden = HexVector.load("io/cascade/ingest/amf/ffmpeg-onmetadata.hex");
        List<Amf0Value> values = Amf0Decoder.decodeAll(Unpooled.wrappedBuffer(golden));
        assertThat(values).hasSize(3);
        assertThat(values.get(0)).isEqualTo(new Amf0String("@setDataFrame"));
        assertThat(values.get(1)).isEqualTo(new Amf0String("onMetaData"));
        Amf0EcmaArray metadata = (Amf0EcmaArray) values.get(2);
        assertThat(metadata.properties()).hasSize(13).containsKeys("duration", "encoder", "filesize");
        assertThat(metadata.toJava()).isEqualTo(Map.ofEntries(Map.entry("duration", 1.0), Map.entry("width", 640.0),
                Map.entry("height", 360.0), Map.entry("videodatarate", 0.0), Map.entry("framerate", 30.0),
                Map.entry("videocodecid", 7.0), Map.entry("audiodatarate", 125.0),
                Map.entry("audiosamplerate", 48000.0), Map.entry("audiosamplesize", 16.0), Map.entry("stereo", false),
                Map.entry("audiocodecid", 10.0), Map.entry("encoder", "Lavf59.27.100"), Map.entry("filesize", 0.0)));
        ByteBuf out = Unpooled.buffer();
        values.forEach(value -> value.encode(out));
        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(golden);
    }
}
