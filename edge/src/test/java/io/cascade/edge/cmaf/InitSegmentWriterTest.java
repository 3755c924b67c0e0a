// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Field-by-field checks of the init segment against ISO/IEC 14496-12 and its codec bindings. */
class InitSegmentWriterTest {
    private static final AacFormat AAC = AacFormat.parse(Vectors.ASC_LC_48K_STEREO);

    @Test
    void muxedInitHasFtypThenMoovWithTwoTracksAndTrexes() {
        List<Boxes> top = Boxes.parse(InitSegmentWriter.write(new CmafTracks(Vectors.video640x360(), AAC)));
        assertThat(top).extracting(Boxes::type).containsExactly("ftyp", "moov");
        // §4.3: major_brand iso6, minor_version 0, compatible iso6 + isom (a muxed file is not a CMAF track)
        ByteBuffer ftyp = top.get(0).payload();
        assertThat(Boxes.fourcc(ftyp)).isEqualTo("iso6");
        assertThat(ftyp.getInt()).isZero();
        assertThat(Boxes.fourcc(ftyp)).isEqualTo("iso6");
        assertThat(Boxes.fourcc(ftyp)).isEqualTo("isom");
        assertThat(top.get(1).children()).extracting(Boxes::type).containsExactly("mvhd", "trak", "trak", "mvex");
    }

    @Test
    void singleTrackInitClaimsCmaf() {
        List<Boxes> top = Boxes.parse(InitSegmentWriter.write(new CmafTracks(Vectors.video640x360(), null)));
        ByteBuffer ftyp = top.get(0).payload();
        ftyp.position(12);
        assertThat(Boxes.fourcc(ftyp)).isEqualTo("cmfc");
    }

    @Test
    void mvhdIsVersionZeroMillisecondTimescaleAndNamesTheNextTrack() {
        Boxes mvhd = Boxes.find(Boxes.parse(InitSegmentWriter.write(new CmafTracks(Vectors.video640x360(), AAC))),
                "moov/mvhd");
        assertThat(mvhd.size()).isEqualTo(108);                  // §8.2.2: 8 + 4 + 96 for version 0
        ByteBuffer b = mvhd.payload();
        assertThat(b.getInt()).isZero();                          // version, flags
        assertThat(b.getInt()).isZero();                          // creation_time
        assertThat(b.getInt()).isZero();                          // modification_time
        assertThat(b.getInt()).isEqualTo(1000);                   // timescale
        assertThat(b.getInt()).isZero();                          // duration: live
        assertThat(b.getInt()).isEqualTo(0x00010000);             // rate 1.0
        assertThat(b.getShort()).isEqualTo((short) 0x0100);       // volume 1.0
        b.position(b.position() + 2 + 8);                         // reserved
        assertThat(b.getInt()).isEqualTo(0x00010000);             // matrix a
        b.position(b.position() + 32 + 24);                       // rest of the matrix, pre_defined
        assertThat(b.getInt()).isEqualTo(3);                      // next_track_ID
    }

    @Test
    void videoTrackDescribesAvc1WithTheAvcCRecord() {
        Boxes trak = Boxes.parse(InitSegmentWriter.write(new CmafTracks(Vectors.video640x360(), AAC))).get(1)
                .children().get(1);
        ByteBuffer tkhd = trak.find("tkhd").payload();
        assertThat(tkhd.getInt()).isEqualTo(0x00000003);          // version 0, enabled | in movie
        tkhd.position(12);
        assertThat(tkhd.getInt()).isEqualTo(1);                   // track_ID
        tkhd.position(36);
        assertThat(tkhd.getShort()).isZero();                     // volume 0 for video
        tkhd.position(76);
        assertThat(tkhd.getInt()).isEqualTo(640 << 16);           // width 16.16
        assertThat(tkhd.getInt()).isEqualTo(360 << 16);           // height 16.16
        ByteBuffer mdhd = trak.find("mdia/mdhd").payload();
        mdhd.position(12);
        assertThat(mdhd.getInt()).isEqualTo(90_000);              // timescale
        assertThat(mdhd.getInt()).isZero();                       // duration
        assertThat(mdhd.getShort()).isEqualTo((short) 0x55C4);    // language "und"
        ByteBuffer hdlr = trak.find("mdia/hdlr").payload();
        hdlr.position(8);
        assertThat(Boxes.fourcc(hdlr)).isEqualTo("vide");
        assertThat(trak.find("mdia/minf/vmhd").flags()).isEqualTo(1);
        assertAvc1(trak.find("mdia/minf/stbl/stsd"));
        assertEmptySampleTables(trak.find("mdia/minf/stbl"));
        assertSelfContainedDataReference(trak.find("mdia/minf/dinf"));
    }

    @Test
    void audioTrackDescribesMp4aWithEsds() {
        Boxes trak = Boxes.parse(InitSegmentWriter.write(new CmafTracks(Vectors.video640x360(), AAC))).get(1)
                .children().get(2);
        ByteBuffer tkhd = trak.find("tkhd").payload();
        tkhd.position(12);
        assertThat(tkhd.getInt()).isEqualTo(2);                   // track_ID
        tkhd.position(36);
        assertThat(tkhd.getShort()).isEqualTo((short) 0x0100);    // volume 1.0
        ByteBuffer mdhd = trak.find("mdia/mdhd").payload();
        mdhd.position(12);
        assertThat(mdhd.getInt()).isEqualTo(48_000);
        ByteBuffer hdlr = trak.find("mdia/hdlr").payload();
        hdlr.position(8);
        assertThat(Boxes.fourcc(hdlr)).isEqualTo("soun");
        assertThat(trak.find("mdia/minf/smhd").size()).isEqualTo(16);
        byte[] stsd = trak.find("mdia/minf/stbl/stsd").payloadBytes();
        ByteBuffer entry = ByteBuffer.wrap(stsd, 8, stsd.length - 8);
        int entrySize = entry.getInt();
        assertThat(Boxes.fourcc(entry)).isEqualTo("mp4a");
        assertAudioSampleEntry(entry, 2, 48_000);
        int esdsSize = entry.getInt();
        assertThat(Boxes.fourcc(entry)).isEqualTo("esds");
        assertThat(entry.getInt()).isZero();                      // version, flags
        byte[] es = new byte[esdsSize - 12];
        entry.get(es);
        // ISO/IEC 14496-1: ES_Descriptor(ES_ID 0) { DecoderConfigDescriptor(0x40 audio, streamType 5,
        // no bitrates) { DecoderSpecificInfo(ASC 11 90) }, SLConfigDescriptor(predefined 2) }
        assertThat(es).isEqualTo(Boxes.hex("03 19 0000 00  04 11 40 15 000000 00000000 00000000  05 02 1190  06 01 02"));
        assertThat(entrySize).isEqualTo(36 + esdsSize);
    }

    @Test
    void opusTrackCarriesDopsBigEndian() {
        OpusFormat opus = OpusFormat.fromIdHeader(Vectors.OPUS_HEAD_STEREO);
        Boxes trak = Boxes.find(Boxes.parse(InitSegmentWriter.write(new CmafTracks(null, opus))), "moov/trak");
        byte[] stsd = trak.find("mdia/minf/stbl/stsd").payloadBytes();
        ByteBuffer entry = ByteBuffer.wrap(stsd, 8, stsd.length - 8);
        entry.getInt();
        assertThat(Boxes.fourcc(entry)).isEqualTo("Opus");
        assertAudioSampleEntry(entry, 2, 48_000);
        assertThat(entry.getInt()).isEqualTo(8 + 11);
        assertThat(Boxes.fourcc(entry)).isEqualTo("dOps");
        byte[] dops = new byte[11];
        entry.get(dops);
        // Version 0, OutputChannelCount 2, PreSkip 312, InputSampleRate 48000, OutputGain 0, family 0
        assertThat(dops).isEqualTo(Boxes.hex("00 02 0138 0000bb80 0000 00"));
    }

    @Test
    void trexGivesEveryTrackSampleDescriptionOne() {
        Boxes mvex = Boxes.find(Boxes.parse(InitSegmentWriter.write(new CmafTracks(Vectors.video640x360(), AAC))),
                "moov/mvex");
        List<Boxes> trex = Boxes.all(mvex.children(), "trex");
        assertThat(trex).hasSize(2);
        for (int i = 0; i < 2; i++) {
            ByteBuffer b = trex.get(i).payload();
            assertThat(b.getInt()).isZero();
            assertThat(b.getInt()).isEqualTo(i + 1);              // track_ID
            assertThat(b.getInt()).isEqualTo(1);                  // default_sample_description_index
            assertThat(b.getInt()).isZero();                      // default_sample_duration
            assertThat(b.getInt()).isZero();                      // default_sample_size
            assertThat(b.getInt()).isZero();                      // default_sample_flags
        }
    }

    private static void assertAvc1(Boxes stsd) {
        byte[] p = stsd.payloadBytes();
        ByteBuffer b = ByteBuffer.wrap(p);
        assertThat(b.getInt()).isZero();
        assertThat(b.getInt()).isEqualTo(1);                      // entry_count
        int size = b.getInt();
        assertThat(Boxes.fourcc(b)).isEqualTo("avc1");
        b.position(b.position() + 6);
        assertThat(b.getShort()).isEqualTo((short) 1);            // data_reference_index
        b.position(b.position() + 16);
        assertThat(b.getShort()).isEqualTo((short) 640);
        assertThat(b.getShort()).isEqualTo((short) 360);
        assertThat(b.getInt()).isEqualTo(0x00480000);             // 72 dpi
        assertThat(b.getInt()).isEqualTo(0x00480000);
        b.getInt();
        assertThat(b.getShort()).isEqualTo((short) 1);            // frame_count
        b.position(b.position() + 32);
        assertThat(b.getShort()).isEqualTo((short) 0x18);         // depth
        assertThat(b.getShort()).isEqualTo((short) -1);           // pre_defined
        assertThat(b.getInt()).isEqualTo(8 + Vectors.AVCC_MAIN_640X360.length);
        assertThat(Boxes.fourcc(b)).isEqualTo("avcC");
        byte[] avcc = new byte[Vectors.AVCC_MAIN_640X360.length];
        b.get(avcc);
        assertThat(avcc).isEqualTo(Vectors.AVCC_MAIN_640X360);
        assertThat(size).isEqualTo(86 + 8 + avcc.length);
    }

    private static void assertAudioSampleEntry(ByteBuffer b, int channels, int rate) {
        b.position(b.position() + 6);
        assertThat(b.getShort()).isEqualTo((short) 1);            // data_reference_index
        assertThat(b.getLong()).isZero();                         // reserved
        assertThat(b.getShort()).isEqualTo((short) channels);
        assertThat(b.getShort()).isEqualTo((short) 16);           // samplesize
        assertThat(b.getInt()).isZero();                          // pre_defined, reserved
        assertThat(b.getInt()).isEqualTo(rate << 16);             // samplerate 16.16
    }

    private static void assertEmptySampleTables(Boxes stbl) {
        assertThat(stbl.children()).extracting(Boxes::type).containsExactly("stsd", "stts", "stsc", "stsz", "stco");
        assertThat(stbl.find("stts").payloadBytes()).isEqualTo(new byte[8]);
        assertThat(stbl.find("stsc").payloadBytes()).isEqualTo(new byte[8]);
        assertThat(stbl.find("stsz").payloadBytes()).isEqualTo(new byte[12]);
        assertThat(stbl.find("stco").payloadBytes()).isEqualTo(new byte[8]);
    }

    private static void assertSelfContainedDataReference(Boxes dinf) {
        // dref: version/flags 0, entry_count 1, then 'url ' with flags 1 (media in this file)
        assertThat(dinf.find("dref").payloadBytes()).isEqualTo(Boxes.hex("00000000 00000001 0000000c 75726c20 00000001"));
    }
}
