// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field-by-field checks of one muxed fragment (ISO/IEC 14496-12 §8.8). */
class FragmentWriterTest {
    private static final byte[] V1 = fill(5, 0xAA);
    private static final byte[] V2 = fill(3, 0xBB);
    private static final byte[] A1 = fill(4, 0xCC);
    private static final byte[] A2 = fill(2, 0xDD);

    private static byte[] fragment(int cto) {
        TrackRun video = new TrackRun(1, 9000, List.of(new FragmentSample(3000, 0, true, V1),
                new FragmentSample(3000, cto, false, V2)), true);
        TrackRun audio = new TrackRun(2, 4800, List.of(new FragmentSample(1024, 0, true, A1),
                new FragmentSample(1024, 0, true, A2)), false);
        return FragmentWriter.write(7, true, List.of(video, audio));
    }

    @Test
    void segmentStartIsStypMoofMdat() {
        List<Boxes> top = Boxes.parse(fragment(3000));
        assertThat(top).extracting(Boxes::type).containsExactly("styp", "moof", "mdat");
        ByteBuffer styp = top.get(0).payload();
        assertThat(Boxes.fourcc(styp)).isEqualTo("msdh");
        assertThat(styp.getInt()).isZero();
        assertThat(Boxes.fourcc(styp)).isEqualTo("msdh");
        assertThat(top.get(1).children()).extracting(Boxes::type).containsExactly("mfhd", "traf", "traf");
        ByteBuffer mfhd = top.get(1).find("mfhd").payload();
        assertThat(mfhd.getInt()).isZero();
        assertThat(mfhd.getInt()).isEqualTo(7);                   // sequence_number
    }

    @Test
    void trafsUseDefaultBaseIsMoofAndSixtyFourBitDecodeTimes() {
        Boxes moof = Boxes.parse(fragment(3000)).get(1);
        List<Boxes> trafs = Boxes.all(moof.children(), "traf");
        long[] tfdt = {9000, 4800};
        for (int i = 0; i < 2; i++) {
            Boxes tfhd = trafs.get(i).find("tfhd");
            assertThat(tfhd.flags()).isEqualTo(0x020000);        // default-base-is-moof only
            assertThat(tfhd.payload().getInt(4)).isEqualTo(i + 1);
            Boxes d = trafs.get(i).find("tfdt");
            assertThat(d.version()).isEqualTo(1);
            assertThat(d.payload().getLong(4)).isEqualTo(tfdt[i]);
        }
    }

    @Test
    void trunDescribesEverySampleAndPointsIntoMdat() {
        byte[] f = fragment(3000);
        List<Boxes> top = Boxes.parse(f);
        Boxes moof = top.get(1);
        List<Boxes> trafs = Boxes.all(moof.children(), "traf");
        Boxes video = trafs.get(0).find("trun");
        assertThat(video.version()).isZero();
        assertThat(video.flags()).isEqualTo(0x000F01);           // offset, duration, size, flags, cto
        ByteBuffer v = video.payload();
        v.getInt();
        assertThat(v.getInt()).isEqualTo(2);                      // sample_count
        int videoOffset = v.getInt();
        assertThat(videoOffset).isEqualTo(moof.size() + 8);       // first byte of mdat's payload
        assertThat(new int[] {v.getInt(), v.getInt(), v.getInt(), v.getInt()}).containsExactly(3000, 5, 0x02000000, 0);
        assertThat(new int[] {v.getInt(), v.getInt(), v.getInt(), v.getInt()}).containsExactly(3000, 3, 0x01010000, 3000);
        Boxes audio = trafs.get(1).find("trun");
        assertThat(audio.flags()).isEqualTo(0x000701);           // no composition offsets for audio
        ByteBuffer a = audio.payload();
        a.getInt();
        assertThat(a.getInt()).isEqualTo(2);
        int audioOffset = a.getInt();
        assertThat(audioOffset).isEqualTo(videoOffset + V1.length + V2.length);
        assertThat(new int[] {a.getInt(), a.getInt(), a.getInt()}).containsExactly(1024, 4, 0x02000000);
        assertThat(Arrays.copyOfRange(f, moof.offset() + videoOffset, moof.offset() + videoOffset + 5)).isEqualTo(V1);
        assertThat(Arrays.copyOfRange(f, moof.offset() + audioOffset, moof.offset() + audioOffset + 4)).isEqualTo(A1);
        assertThat(top.get(2).payloadBytes()).isEqualTo(concat(V1, V2, A1, A2));
    }

    @Test
    void negativeCompositionOffsetsNeedTrunVersionOne() {
        Boxes moof = Boxes.parse(fragment(-3000)).get(1);
        Boxes trun = Boxes.all(moof.children(), "traf").get(0).find("trun");
        assertThat(trun.version()).isEqualTo(1);
        assertThat(trun.payload().getInt(12 + 16 + 12)).isEqualTo(-3000);
    }

    @Test
    void aPartInsideASegmentHasNoStyp() {
        byte[] f = FragmentWriter.write(8, false, List.of(new TrackRun(1, 0,
                List.of(new FragmentSample(3000, 0, false, V2)), true)));
        assertThat(Boxes.parse(f)).extracting(Boxes::type).containsExactly("moof", "mdat");
    }

    private static byte[] fill(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
