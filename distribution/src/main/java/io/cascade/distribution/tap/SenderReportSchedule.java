// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import io.cascade.distribution.rtcp.RtcpCompound;
import io.cascade.distribution.rtcp.SenderReport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sender reports (RFC 3550 §6.4.1) for one track a tap publishes: the first before the track's
 * first packet, then about once a second, each sent just before a sample's packets and mapping
 * that sample's RTP timestamp to its NTP time. Publishers that put several tracks on one NTP
 * clock (a broadcast's renditions, video and audio) let every subscriber, through any number of
 * relay hops, align them exactly (the relay translates the RTP timestamp and passes the NTP one
 * through). The NTP time is the sample's on the publisher's media clock rather than the instant
 * of sending, so that the mapping is exact; it trails the wall clock by the pipeline's latency.
 *
 * <p>Not thread-safe: call under the lock that orders the track's packets.
 */
public final class SenderReportSchedule {
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RtpTapPublisher tap;
    private final int ssrc;
    private long packets;
    private long octets;
    private long nextNanos;
    private boolean started;
    private long sent;

    public SenderReportSchedule(RtpTapPublisher tap, int ssrc) {
        this.tap = tap;
        this.ssrc = ssrc;
    }

    /** Before a sample's packets: sends an SR for it when none was sent yet or one is due. */
    public void beforeSample(long ntp, int rtpTimestamp, long nowNanos) {
        if (started && nowNanos - nextNanos < 0) {
            return;
        }
        started = true;
        nextNanos = nowNanos + INTERVAL_NANOS;
        ByteBuf out = Unpooled.buffer(28);
        RtcpCompound.encode(List.of(new SenderReport(ssrc, ntp, rtpTimestamp, (int) packets, (int) octets, List.of())), out);
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        tap.send(bytes);
        sent++;
    }

    /** Counts one RTP packet sent (its payload octets, for the SR's octet count). */
    public void sent(byte[] packet) {
        packets++;
        octets += payloadLength(packet);
    }

    public long reportsSent() {
        return sent;
    }

    /** The packet's length less its header, CSRCs, extension and padding (RFC 3550 §5.1, §5.3.1). */
    static int payloadLength(byte[] p) {
        if (p.length < 12) {
            return 0;
        }
        int at = 12 + 4 * (p[0] & 0x0F);
        if ((p[0] & 0x10) != 0 && at + 4 <= p.length) {
            at += 4 + 4 * (((p[at + 2] & 0xFF) << 8) | (p[at + 3] & 0xFF));
        }
        int padding = (p[0] & 0x20) != 0 ? p[p.length - 1] & 0xFF : 0;
        return Math.max(0, p.length - at - padding);
    }
}
