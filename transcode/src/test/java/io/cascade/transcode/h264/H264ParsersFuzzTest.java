// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for every parser that reads H.264 bytes a publisher controls. Under
 * {@code mvn test} Jazzer replays the kept corpus in {@code H264ParsersFuzzTestInputs/<target>/};
 * with {@code JAZZER_FUZZ=1} it fuzzes. Properties: only {@link MalformedH264Exception} escapes;
 * a config record that decodes re-encodes to bytes that decode to the same record and re-encode
 * identically; framing conversion accounts for every input byte and emits NALs within bounds.
 */
class H264ParsersFuzzTest {

    @FuzzTest
    void configRecordRoundTrip(byte[] data) {
        checkConfigRecord(data);
    }

    @FuzzTest
    void samplesToAnnexB(byte[] data) {
        checkSample(data);
    }

    @FuzzTest
    void spsSummary(byte[] data) {
        checkSps(data);
    }

    private static boolean checkConfigRecord(byte[] data) {
        AvcConfigurationRecord r;
        try {
            r = AvcConfigurationRecord.decode(data);
        } catch (MalformedH264Exception e) {
            return false;
        }
        byte[] encoded = r.encode();
        AvcConfigurationRecord again;
        try {
            again = AvcConfigurationRecord.decode(encoded);
        } catch (MalformedH264Exception e) {
            throw new AssertionError("our own encoding does not decode: " + e.getMessage(), e);
        }
        assertThat(again.encode()).isEqualTo(encoded);
        assertThat(again.lengthSize()).isEqualTo(r.lengthSize());
        assertThat(again.sps().size()).isEqualTo(r.sps().size());
        assertThat(again.pps().size()).isEqualTo(r.pps().size());
        return true;
    }

    /** First byte picks the framing (0: Annex B, 1 or 2: AVCC with that length size, else AVCC/4), the rest is the sample. */
    private static boolean checkSample(byte[] data) {
        if (data.length == 0) {
            return false;
        }
        int selector = data[0] & 0xff;
        H264Framing framing = new H264Framing(selector <= 2 ? selector : 4);
        byte[] sample = Arrays.copyOfRange(data, 1, data.length);
        NalWriter out = new NalWriter(16);
        try {
            framing.toAnnexB(sample, out);
        } catch (MalformedH264Exception e) {
            return false;
        }
        if (framing.isAnnexB()) {
            assertThat(out.toByteArray()).isEqualTo(sample);
        } else {
            int[] nals = {0, 0};
            try {
                Avcc.forEach(sample, framing.lengthSize(), (b, off, len) -> {
                    assertThat(off).isGreaterThanOrEqualTo(0);
                    assertThat(off + len).isLessThanOrEqualTo(b.length);
                    nals[0]++;
                    nals[1] += len;
                });
            } catch (MalformedH264Exception e) {
                throw new AssertionError("accepted once, rejected the second time", e);
            }
            assertThat(nals[1] + nals[0] * framing.lengthSize()).isEqualTo(sample.length);
            assertThat(out.size()).isEqualTo(nals[1] + 4 * nals[0]);
        }
        byte[] annexB = out.toByteArray();
        AnnexB.forEach(annexB, (b, off, len) -> {
            assertThat(len).isPositive();
            assertThat(off + len).isLessThanOrEqualTo(b.length);
        });
        return true;
    }

    private static boolean checkSps(byte[] data) {
        SpsSummary s;
        try {
            s = SpsSummary.parse(data, 0, data.length);
        } catch (MalformedH264Exception e) {
            return false;
        }
        assertThat(s.chromaFormatIdc()).isBetween(0, 3);
        assertThat(s.bitDepthLumaMinus8()).isBetween(0, 6);
        assertThat(s.profileIdc()).isBetween(0, 255);
        return true;
    }

    /** Regression mode only replays the corpus; this adds seeded mutations of the seeds, deterministically. */
    @Test
    void seededMutationsKeepTheProperties() {
        Random random = new Random(264);
        byte[] record = GoldenVectors.ffmpegAvcc();
        byte[] sps = Arrays.copyOfRange(record, 8, 8 + 24);
        byte[] sample = java.util.HexFormat.of().parseHex("04" + "00000018" + java.util.HexFormat.of().formatHex(sps)
                + "00000006" + "68ebc3cb22c0" + "00000003" + "658884");
        List<byte[]> seeds = List.of(record, sps, sample);
        int[] accepted = new int[3];
        for (int i = 0; i < 6000; i++) {
            int target = i % 3;
            byte[] input = mutate(seeds.get(target), random);
            boolean ok = switch (target) {
                case 0 -> checkConfigRecord(input);
                case 1 -> checkSps(input);
                default -> checkSample(input);
            };
            accepted[target] += ok ? 1 : 0;
        }
        for (int n : accepted) {
            assertThat(n).as("mutations reach both the accept and the reject path: " + Arrays.toString(accepted))
                    .isBetween(50, 1950);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out = Arrays.copyOf(out, random.nextInt(out.length + 1));
            case 2 -> out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            default -> {
                out = Arrays.copyOf(out, out.length + 1 + random.nextInt(8));
                for (int i = seed.length; i < out.length; i++) {
                    out[i] = (byte) random.nextInt(256);
                }
            }
        }
        return out;
    }
}
