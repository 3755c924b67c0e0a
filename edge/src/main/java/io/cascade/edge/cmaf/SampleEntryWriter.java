// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.cmaf;

import java.io.ByteArrayOutputStream;

/** Writes the one sample entry inside {@code stsd} for each supported codec. */
final class SampleEntryWriter {
    private static final int ES_DESCR_TAG = 0x03;
    private static final int DECODER_CONFIG_DESCR_TAG = 0x04;
    private static final int DEC_SPECIFIC_INFO_TAG = 0x05;
    private static final int SL_CONFIG_DESCR_TAG = 0x06;
    private static final int OBJECT_TYPE_AAC = 0x40;       // ISO/IEC 14496-3 Audio
    private static final int STREAM_TYPE_AUDIO = 0x05;

    private SampleEntryWriter() {
    }

    /**
     * {@code avc1}: VisualSampleEntry (ISO/IEC 14496-12 §12.1.3) holding {@code avcC}
     * (ISO/IEC 14496-15 §5.4.2.1). {@code avc1} means parameter sets live in {@code avcC}.
     */
    static void avc1(BoxWriter w, VideoTrack video) {
        w.box("avc1");
        sampleEntryHeader(w);
        w.u16(0).u16(0);                    // pre_defined, reserved
        w.u32(0).u32(0).u32(0);             // pre_defined[3]
        w.u16(video.width()).u16(video.height());
        w.u32(0x00480000).u32(0x00480000);  // horizresolution, vertresolution: 72 dpi
        w.u32(0);                           // reserved
        w.u16(1);                           // frame_count: one frame per sample
        w.zeros(32);                        // compressorname: empty Pascal string
        w.u16(0x0018);                      // depth: colour, no alpha
        w.u16(0xFFFF);                      // pre_defined = -1
        w.box("avcC").bytes(video.config().record()).end();
        w.end();
    }

    /** {@code mp4a}: AudioSampleEntry (§12.2.3) holding {@code esds} (ISO/IEC 14496-14 §5.6.1). */
    static void mp4a(BoxWriter w, AacFormat aac) {
        w.box("mp4a");
        audioSampleEntryHeader(w, aac.channels(), aac.sampleRate());
        w.fullBox("esds", 0, 0).bytes(esDescriptor(aac.audioSpecificConfig())).end();
        w.end();
    }

    /**
     * {@code Opus}: AudioSampleEntry with {@code dOps} (Opus-in-ISOBMFF §4.3, OpusSpecificBox): the RFC 7845 §5.1
     * identification header fields, big-endian, without the magic and with Version 0.
     */
    static void opus(BoxWriter w, OpusFormat opus) {
        w.box("Opus");
        audioSampleEntryHeader(w, opus.channels(), OpusFormat.TIMESCALE);
        w.box("dOps");
        w.u8(0);                            // Version
        w.u8(opus.channels());              // OutputChannelCount
        w.u16(opus.preSkip());              // PreSkip
        w.u32(opus.inputSampleRate());      // InputSampleRate
        w.u16(opus.outputGain());           // OutputGain (signed Q7.8)
        w.u8(opus.mappingFamily());         // ChannelMappingFamily
        if (opus.mappingFamily() != 0) {
            w.u8(opus.streamCount()).u8(opus.coupledCount()).bytes(opus.channelMapping());
        }
        w.end().end();
    }

    /** §8.5.2.2 SampleEntry: reserved(8)[6], data_reference_index = 1 (the {@code url } entry). */
    private static void sampleEntryHeader(BoxWriter w) {
        w.zeros(6).u16(1);
    }

    /** §12.2.3.2 AudioSampleEntry fields after the SampleEntry header. */
    private static void audioSampleEntryHeader(BoxWriter w, int channels, int sampleRate) {
        sampleEntryHeader(w);
        w.u32(0).u32(0);                    // reserved[2]
        w.u16(channels);                    // channelcount
        w.u16(16);                          // samplesize
        w.u16(0).u16(0);                    // pre_defined, reserved
        w.u32((long) sampleRate << 16);     // samplerate, 16.16
    }

    /**
     * ES_Descriptor (ISO/IEC 14496-1 §7.2.6.5) with a DecoderConfigDescriptor (§7.2.6.6) holding the
     * AudioSpecificConfig as DecoderSpecificInfo (§7.2.6.7), then an SLConfigDescriptor (§7.3.2.3)
     * with predefined = 2, as ISO/IEC 14496-14 requires for streams stored in a file, where ES_ID is 0.
     */
    static byte[] esDescriptor(byte[] audioSpecificConfig) {
        ByteArrayOutputStream dcd = new ByteArrayOutputStream();
        dcd.write(OBJECT_TYPE_AAC);
        dcd.write(STREAM_TYPE_AUDIO << 2 | 1);   // streamType, upStream = 0, reserved = 1
        dcd.writeBytes(new byte[11]);            // bufferSizeDB(24), maxBitrate(32), avgBitrate(32): unknown
        dcd.writeBytes(descriptor(DEC_SPECIFIC_INFO_TAG, audioSpecificConfig));
        ByteArrayOutputStream es = new ByteArrayOutputStream();
        es.write(0);
        es.write(0);                             // ES_ID
        es.write(0);                             // no dependence, URL or OCR stream; priority 0
        es.writeBytes(descriptor(DECODER_CONFIG_DESCR_TAG, dcd.toByteArray()));
        es.writeBytes(descriptor(SL_CONFIG_DESCR_TAG, new byte[] {2}));
        return descriptor(ES_DESCR_TAG, es.toByteArray());
    }

    /** A descriptor: tag(8) then its size in the expandable 7-bits-per-byte form (§8.3.3). */
    static byte[] descriptor(int tag, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 5);
        out.write(tag);
        int size = body.length;
        int shift = 21;
        while (shift > 0 && (size >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write(0x80 | ((size >>> shift) & 0x7F));
        }
        out.write(size & 0x7F);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
