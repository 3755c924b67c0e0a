// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.Mutator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the FLV tag headers and the codec configuration parsers. Under
 * {@code mvn test} Jazzer replays {@code FlvFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1}
 * it fuzzes. Properties: nothing but {@link FlvFormatException} escapes a parser; whatever
 * parses encodes to bytes that parse to the same values and re-encode to the same bytes.
 */
class FlvFuzzTest {
    private static final String CORPUS = "io/cascade/ingest/flv/FlvFuzzTestInputs/";
    private static final Map<String, List<String>> SEEDS = Map.of(
            "videoTag", List.of("ffmpeg-avc-sequence-header", "avc-nalus", "negative-composition-time",
                    "avc-end-of-sequence", "enhanced-hevc", "vp6"),
            "audioTag", List.of("ffmpeg-aac-sequence-header", "ffmpeg-aac-raw", "mp3"),
            "avcDecoderConfigurationRecord", List.of("ffmpeg-high", "ffmpeg-high-without-trailer", "two-byte-lengths"),
            "audioSpecificConfig", List.of("ffmpeg-aac-lc-48k-mono", "explicit-frequency", "escaped-object-type"),
            "sequenceParameterSet", List.of("ffmpeg-640x360-high", "1920x1080-high", "1280x720-baseline",
                    "320x240-high444", "720x576-interlaced", "854x480-scaling-matrices"));

    @FuzzTest
    void videoTag(byte[] data) {
        checkVideoTag(data);
    }

    private static boolean checkVideoTag(byte[] data) {
        ByteBuf in = Unpooled.wrappedBuffer(data);
        FlvVideoTagHeader header;
        try {
            header = FlvVideoTagHeader.decode(in);
        } catch (FlvFormatException expected) {
            return false;
        }
        if (!header.enhanced()) {
            ByteBuf out = Unpooled.buffer();
            header.encode(out);
            assertThat(FlvVideoTagHeader.decode(out)).isEqualTo(header);
        }
        if (header.isAvc() && header.avcPacketType() == AvcPacketType.SEQUENCE_HEADER) {
            checkAvcRecord(ByteBufUtil.getBytes(in));
        }
        return true;
    }

    @FuzzTest
    void audioTag(byte[] data) {
        checkAudioTag(data);
    }

    private static boolean checkAudioTag(byte[] data) {
        ByteBuf in = Unpooled.wrappedBuffer(data);
        FlvAudioTagHeader header;
        try {
            header = FlvAudioTagHeader.decode(in);
        } catch (FlvFormatException expected) {
            return false;
        }
        ByteBuf out = Unpooled.buffer();
        header.encode(out);
        assertThat(FlvAudioTagHeader.decode(out)).isEqualTo(header);
        if (header.isAac() && header.aacPacketType() == AacPacketType.SEQUENCE_HEADER) {
            checkAudioSpecificConfig(ByteBufUtil.getBytes(in));
        }
        return true;
    }

    @FuzzTest
    void avcDecoderConfigurationRecord(byte[] data) {
        checkAvcRecord(data);
    }

    private static boolean checkAvcRecord(byte[] data) {
        AvcDecoderConfigurationRecord record;
        try {
            record = AvcDecoderConfigurationRecord.decode(data);
        } catch (FlvFormatException expected) {
            return false;
        }
        byte[] encoded = record.encode();
        AvcDecoderConfigurationRecord again = AvcDecoderConfigurationRecord.decode(encoded);
        assertThat(again.encode()).isEqualTo(encoded);
        assertThat(again.sequenceParameterSets()).hasSameSizeAs(record.sequenceParameterSets());
        for (byte[] sps : record.sequenceParameterSets()) {
            checkSps(sps);
        }
        return true;
    }

    @FuzzTest
    void audioSpecificConfig(byte[] data) {
        checkAudioSpecificConfig(data);
    }

    private static boolean checkAudioSpecificConfig(byte[] data) {
        AudioSpecificConfig config;
        try {
            config = AudioSpecificConfig.decode(data);
        } catch (FlvFormatException expected) {
            return false;
        }
        assertThat(AudioSpecificConfig.decode(config.encode())).isEqualTo(config);
        assertThat(config.samplingFrequency()).isPositive();
        return true;
    }

    @FuzzTest
    void sequenceParameterSet(byte[] data) {
        checkSps(data);
    }

    private static boolean checkSps(byte[] data) {
        try {
            AvcSequenceParameterSet sps = AvcSequenceParameterSet.decode(data);
            assertThat(sps.width()).isBetween(1, 16384);
            assertThat(sps.height()).isBetween(1, 16384);
            return true;
        } catch (FlvFormatException expected) {
            return false;
        }
    }

    private static void mutate(String target, Predicate<byte[]> check, long seed) {
        Random random = new Random(seed);
        List<byte[]> seeds = SEEDS.get(target).stream().map(name -> HexVector.resource(CORPUS + target + "/" + name))
                .toList();
        int accepted = 0;
        int inputs = 4_000;
        for (int i = 0; i < inputs; i++) {
            accepted += check.test(Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random)) ? 1 : 0;
        }
        assertThat(accepted).as("%s mutations reach both paths", target).isBetween(1, inputs - 1);
    }

    /** Regression mode only replays the corpus; this adds seeded mutations, deterministically. */
    @Test
    void seededMutationsKeepTheProperties() {
        mutate("videoTag", FlvFuzzTest::checkVideoTag, 1);
        mutate("audioTag", FlvFuzzTest::checkAudioTag, 2);
        mutate("avcDecoderConfigurationRecord", FlvFuzzTest::checkAvcRecord, 3);
        mutate("audioSpecificConfig", FlvFuzzTest::checkAudioSpecificConfig, 4);
        mutate("sequenceParameterSet", FlvFuzzTest::checkSps, 5);
    }

    @Test
    void corpusHoldsTheCapturedSequenceHeaders() {
        byte[] avc = HexVector.load("io/cascade/ingest/flv/ffmpeg-avc-sequence-header.hex");
        assertThat(HexVector.resource(CORPUS + "videoTag/ffmpeg-avc-sequence-header")).isEqualTo(avc);
        assertThat(HexVector.resource(CORPUS + "avcDecoderConfigurationRecord/ffmpeg-high"))
                .isEqualTo(Arrays.copyOfRange(avc, 5, avc.length));
    }
}
