// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.PayloadFormatException;
import io.cascade.transcode.media.SourceSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MPEG-TS elementary stream packets to the input manager's form, for one publisher.
 *
 * <p>Video: an Annex B access unit (ITU-T H.264 Annex B) is split into NAL units; in-band SPS and
 * PPS (MPEG-TS has no out-of-band config) become an AVCDecoderConfigurationRecord, sent when it
 * changes; SPS, PPS and access unit delimiters are left out of the AVCC sample (the origin puts
 * the parameter sets back before every IDR). Nothing is sent before the first config.
 *
 * <p>Audio: ADTS frames (ISO/IEC 14496-3 §1.A.2); the fixed header gives the AudioSpecificConfig
 * (§1.6.2.1: audioObjectType = profile + 1, samplingFrequencyIndex, channelConfiguration), sent
 * when it changes; several frames in one packet get their own timestamps, 1024 samples apart.
 * Malformed input is counted and dropped.
 */
final class PacketConverter {
    private static final int[] ADTS_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000,
        11025, 8000, 7350};

    private final SourceSink sink;
    private byte[] avcC;
    private byte[] asc;
    private long dropped;

    PacketConverter(SourceSink sink) {
        this.sink = sink;
    }

    void video(byte[] annexB, long dtsMs, long ptsMs, boolean keyframe) {
        List<byte[]> nals;
        try {
            nals = H264Nal.splitAnnexB(annexB);
        } catch (PayloadFormatException e) {
            dropped++;
            return;
        }
        List<byte[]> sps = new ArrayList<>(1);
        List<byte[]> pps = new ArrayList<>(1);
        List<byte[]> sample = new ArrayList<>(nals.size());
        for (byte[] nal : nals) {
            switch (H264Nal.type(nal)) {
                case H264Nal.SPS -> sps.add(nal);
                case H264Nal.PPS -> pps.add(nal);
                case H264Nal.AUD -> { }
                default -> sample.add(nal);
            }
        }
        if (!sps.isEmpty() && !pps.isEmpty()) {
            try {
                byte[] record = AvcDecoderConfigurationRecord.of(sps, pps).encode();
                if (!Arrays.equals(record, avcC)) {
                    avcC = record;
                    sink.videoConfig(record);
                }
            } catch (PayloadFormatException e) {
                dropped++;
                return;
            }
        }
        if (avcC == null || sample.isEmpty()) {
            return;
        }
        boolean key = keyframe || H264Nal.containsIdr(sample);
        sink.video(dtsMs, (int) Math.max(0, ptsMs - dtsMs), key, H264Nal.joinAvcc(sample, 4));
    }

    void audio(byte[] adts, long dtsMs) {
        int at = 0;
        int frame = 0;
        while (at + 7 <= adts.length) {
            if ((adts[at] & 0xFF) != 0xFF || (adts[at + 1] & 0xF6) != 0xF0) {
                dropped++;
                return; // not ADTS (or MPEG-2 layer bits set): drop the rest
            }
            int header = (adts[at + 1] & 0x01) != 0 ? 7 : 9;
            int profile = (adts[at + 2] & 0xC0) >> 6;
            int rateIndex = (adts[at + 2] & 0x3C) >> 2;
            int channels = ((adts[at + 2] & 0x01) << 2) | ((adts[at + 3] & 0xC0) >> 6);
            int length = ((adts[at + 3] & 0x03) << 11) | ((adts[at + 4] & 0xFF) << 3) | ((adts[at + 5] & 0xE0) >> 5);
            if (rateIndex >= ADTS_RATES.length || length < header || at + length > adts.length) {
                dropped++;
                return;
            }
            int objectType = profile + 1;
            byte[] config = {(byte) ((objectType << 3) | (rateIndex >> 1)), (byte) (((rateIndex & 1) << 7) | (channels << 3))};
            if (!Arrays.equals(config, asc)) {
                asc = config;
                sink.audioConfig(config);
            }
            sink.audio(dtsMs + frame * 1024L * 1000 / ADTS_RATES[rateIndex], Arrays.copyOfRange(adts, at + header, at + length));
            frame++;
            at += length;
        }
    }

    /** Packets dropped as malformed. */
    long dropped() {
        return dropped;
    }
}
