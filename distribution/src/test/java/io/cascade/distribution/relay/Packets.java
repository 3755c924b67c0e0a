// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.rtcp.GenericNack;
import io.cascade.distribution.rtcp.PictureLossIndication;
import io.cascade.distribution.rtcp.ReceiverReport;
import io.cascade.distribution.rtcp.ReportBlock;
import io.cascade.distribution.rtcp.RtcpCompound;
import io.cascade.distribution.rtcp.RtcpPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;

/** Builds RTP and RTCP datagrams for tests, field by field (RFC 3550 §5.1, §6.4; RFC 4585 §6). */
final class Packets {
    private Packets() {}

    static byte[] rtp(int pt, int seq, int ts, int ssrc, byte[] payload, boolean marker) {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80);                                   // V=2, P=0, X=0, CC=0
        b.put((byte) ((marker ? 0x80 : 0) | pt));             // M, PT
        b.putShort((short) seq);
        b.putInt(ts);
        b.putInt(ssrc);
        b.put(payload);
        return b.array();
    }

    static byte[] payload(int n, int seed) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) {
            p[i] = (byte) (seed * 31 + i);
        }
        return p;
    }

    static int seq(byte[] rtp) {
        return ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    }

    static int ts(byte[] rtp) {
        return ByteBuffer.wrap(rtp, 4, 4).getInt();
    }

    static int ssrc(byte[] rtp) {
        return ByteBuffer.wrap(rtp, 8, 4).getInt();
    }

    static int pt(byte[] rtp) {
        return rtp[1] & 0x7F;
    }

    static byte[] rtcp(List<? extends RtcpPacket> packets) {
        ByteBuf out = Unpooled.buffer();
        RtcpCompound.encode(packets, out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        return bytes;
    }

    static byte[] receiverReport(int senderSsrc, int aboutSsrc) {
        return rtcp(List.of(new ReceiverReport(senderSsrc, List.of(new ReportBlock(aboutSsrc, 0, 0, 0, 0, 0, 0)))));
    }

    static byte[] nack(int senderSsrc, int mediaSsrc, int... lost) {
        return rtcp(List.of(GenericNack.of(senderSsrc, mediaSsrc, lost)));
    }

    static byte[] pli(int senderSsrc, int mediaSsrc) {
        return rtcp(List.of(new PictureLossIndication(senderSsrc, mediaSsrc)));
    }

    static boolean isRtcpType(byte[] d, int pt) {
        return (d[1] & 0xFF) == pt;
    }
}
