// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;

import org.bytedeco.ffmpeg.avcodec.AVPacket;

/** AVPacket allocation, counted in the {@link NativeLedger}, and copying a packet's payload out. */
public final class Packets {

    private Packets() {
    }

    public static AVPacket alloc() {
        AVPacket p = av_packet_alloc();
        if (p == null || p.isNull()) {
            throw new FfmpegException("av_packet_alloc returned NULL");
        }
        NativeLedger.allocated(NativeLedger.Kind.PACKET);
        return p;
    }

    public static void free(AVPacket packet) {
        if (packet != null && !packet.isNull()) {
            av_packet_free(packet);
            NativeLedger.freed(NativeLedger.Kind.PACKET);
        }
    }

    /** The packet's payload as a new array. */
    public static byte[] payload(AVPacket packet) {
        byte[] out = new byte[packet.size()];
        packet.data().get(out);
        return out;
    }
}
