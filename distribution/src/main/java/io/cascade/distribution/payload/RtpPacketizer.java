// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import java.util.List;

/**
 * Turns media frames of one codec into RTP packets (one implementation per payload format), so
 * ingest handles H.264, AAC and Opus alike.
 *
 * <p>API choice. Each packet comes back as its own {@code byte[]}: the whole RTP packet, 12-octet
 * header first, owned by the caller. Every payload octet is copied exactly once, from the frame
 * into the packet (a datagram must be contiguous, so that copy is the least there is), and a
 * packet can be kept for retransmission as is or wrapped for sending without another copy
 * ({@code Unpooled.wrappedBuffer(packet)}). Allocation is per packet, at frame rate times packets
 * per frame, which the ingest path affords; the forwarding path never packetizes.
 *
 * @param <F> the frame type: {@link H264AccessUnit}, {@link OpusFrame}, {@link AacAccessUnit}
 */
public interface RtpPacketizer<F> {
    /**
     * The packets for one frame, in sending order, numbered consecutively after the previous call;
     * the last one has the M bit set where the payload format defines it so.
     */
    List<byte[]> packetize(F frame);

    /** The sequence number the next packet will get. */
    int nextSequenceNumber();
}
