// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

import io.netty.buffer.ByteBuf;

/**
 * One RTCP packet inside a compound packet (RFC 3550 §6.1), as an immutable value. The
 * permitted types are the ones this package models; everything else is a
 * {@link RawRtcpPacket}. Values never carry padding: decoders drop it and encoders write none,
 * since only the last packet of a compound may be padded (RFC 3550 A.2) and SRTCP pads itself.
 */
public sealed interface RtcpPacket permits SenderReport, ReceiverReport, SourceDescription, Goodbye,
        GenericNack, PictureLossIndication, FullIntraRequest, TransportFeedback, RawRtcpPacket {
    /** The PT field. */
    int packetType();

    /** The 5-bit count field (RC, SC) or FMT for feedback packets. */
    int countOrFormat();

    /** Octets after the 4-octet common header, a multiple of 4. */
    int bodyLength();

    /** Writes everything after the common header. */
    void encodeBody(ByteBuf out);

    /** Octets {@link #encode} writes. */
    default int encodedLength() {
        return RtcpHeader.LENGTH + bodyLength();
    }

    /** Writes the common header and the body at the writer index. */
    default void encode(ByteBuf out) {
        RtcpHeader.forBody(countOrFormat(), packetType(), bodyLength()).encode(out);
        encodeBody(out);
    }
}
