// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264AccessUnit;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.PayloadFormatException;
import io.cascade.transcode.media.SourceSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole H.264 access units from a WebRTC publisher to the input manager's form. WebRTC carries the
 * parameter sets in band (RFC 6184 §8.4; browsers repeat SPS and PPS before every IDR picture),
 * while the input manager, like RTMP, wants them out of band: the latest SPS and PPS make an
 * AVCDecoderConfigurationRecord, sent before the first access unit and again whenever either
 * changes (a browser that changes resolution sends new ones with its next IDR). The access unit
 * then goes on as AVCC (4-octet lengths) without SPS, PPS and access unit delimiters. Composition
 * offset 0: browsers send no B-frames, so decoding order is presentation order.
 *
 * <p>Access units before the first complete SPS/PPS pair cannot be decoded and are dropped and
 * counted; so are parameter sets that do not parse (the access unit with them too). Not
 * thread-safe.
 */
public final class H264SourceFrames {
    /** What happened to the access units so far. */
    public record Stats(long frames, long configs, long droppedWithoutConfig, long badParameterSets) {}

    private final SourceSink sink;
    private byte[] sps;
    private byte[] pps;
    private boolean configured;
    private long frames;
    private long configs;
    private long droppedWithoutConfig;
    private long badParameterSets;

    public H264SourceFrames(SourceSink sink) {
        this.sink = sink;
    }

    /** One access unit, whole and in decoding order, at {@code dtsMs} on the source's timeline. */
    public void accept(H264AccessUnit au, long dtsMs) {
        List<byte[]> media = new ArrayList<>(au.nals().size());
        byte[] newSps = sps;
        byte[] newPps = pps;
        for (byte[] nal : au.nals()) {
            switch (H264Nal.type(nal)) {
                case H264Nal.SPS -> newSps = nal;
                case H264Nal.PPS -> newPps = nal;
                case H264Nal.AUD -> { }
                default -> media.add(nal);
            }
        }
        if (newSps != null && newPps != null && (!configured || !Arrays.equals(newSps, sps) || !Arrays.equals(newPps, pps))) {
            byte[] record;
            try {
                record = AvcDecoderConfigurationRecord.of(List.of(newSps), List.of(newPps)).encode();
            } catch (PayloadFormatException | IllegalArgumentException e) {
                badParameterSets++;
                return;
            }
            sps = newSps;
            pps = newPps;
            configured = true;
            configs++;
            sink.videoConfig(record);
        } else {
            sps = newSps;
            pps = newPps;
        }
        if (!configured) {
            droppedWithoutConfig++;
            return;
        }
        if (media.isEmpty()) {
            return;
        }
        frames++;
        sink.video(dtsMs, 0, au.keyframe(), H264Nal.joinAvcc(media, 4));
    }

    public Stats stats() {
        return new Stats(frames, configs, droppedWithoutConfig, badParameterSets);
    }
}
