// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.media;

import java.util.Objects;

/**
 * One encoded access unit (video) or frame (audio), in and out of the transcoder.
 *
 * <p>Timestamps are microseconds on the broadcast's media timeline; the transcoder never rebases
 * them. Video on input is H.264 in the framing its source declares (Annex B or AVCC); video on
 * output is always Annex B with SPS/PPS in-band before every IDR. Audio is a raw AAC frame or an
 * Opus packet.
 *
 * <p>Ownership: {@code data} is handed over, not copied. A producer must not change the array after
 * passing the packet on; a consumer may keep it.
 */
public record EncodedPacket(MediaType type, long ptsMicros, long dtsMicros, boolean keyframe, byte[] data) {

    public EncodedPacket {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    public static EncodedPacket video(long ptsMicros, long dtsMicros, boolean keyframe, byte[] data) {
        return new EncodedPacket(MediaType.VIDEO, ptsMicros, dtsMicros, keyframe, data);
    }

    public static EncodedPacket audio(long ptsMicros, byte[] data) {
        return new EncodedPacket(MediaType.AUDIO, ptsMicros, ptsMicros, true, data);
    }

    @Override
    public String toString() {
        return "EncodedPacket[" + type + " pts=" + ptsMicros + " dts=" + dtsMicros
                + (keyframe ? " key" : "") + " " + data.length + " B]";
    }
}
