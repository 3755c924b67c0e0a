// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

/**
 * Allocates RTP packets with the 12-octet fixed header (RFC 3550 §5.1) filled in, numbering them
 * in order; the packetizers write the payload after it. No CSRCs, no extension, no padding: a
 * relay or the WebRTC transport adds header extensions when it sends.
 */
final class RtpPacketWriter {
    /** Octets of the fixed header. */
    static final int HEADER_LENGTH = 12;

    private final int payloadType;
    private final int ssrc;
    private final int maxPayloadSize;
    private int sequenceNumber;

    RtpPacketWriter(PacketizerConfig config) {
        this.payloadType = config.payloadType();
        this.ssrc = config.ssrc();
        this.maxPayloadSize = config.maxPayloadSize();
        this.sequenceNumber = config.firstSequenceNumber();
    }

    int maxPayloadSize() {
        return maxPayloadSize;
    }

    /** The number the next packet gets. */
    int nextSequenceNumber() {
        return sequenceNumber;
    }

    /**
     * A packet of {@code HEADER_LENGTH + payloadLength} octets with its header written and the
     * payload left zero; takes the next sequence number.
     */
    byte[] allocate(int payloadLength, int timestamp, boolean marker) {
        byte[] packet = new byte[HEADER_LENGTH + payloadLength];
        packet[0] = (byte) 0x80; // V=2, P=0, X=0, CC=0
        packet[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        packet[2] = (byte) (sequenceNumber >>> 8);
        packet[3] = (byte) sequenceNumber;
        packet[4] = (byte) (timestamp >>> 24);
        packet[5] = (byte) (timestamp >>> 16);
        packet[6] = (byte) (timestamp >>> 8);
        packet[7] = (byte) timestamp;
        packet[8] = (byte) (ssrc >>> 24);
        packet[9] = (byte) (ssrc >>> 16);
        packet[10] = (byte) (ssrc >>> 8);
        packet[11] = (byte) ssrc;
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        return packet;
    }

    /** Sets the M bit of a packet this writer allocated. */
    static void setMarker(byte[] packet) {
        packet[1] |= (byte) 0x80;
    }
}
