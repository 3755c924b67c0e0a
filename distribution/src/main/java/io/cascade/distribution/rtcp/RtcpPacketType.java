// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

/**
 * RTCP packet types this package knows by name (IANA "RTP Control Protocol (RTCP) Control Packet
 * Types"). Codes outside this list are still legal RTCP and are skipped by length, so
 * {@link #isKnown} is the question to ask before {@link #fromCode}.
 */
public enum RtcpPacketType {
    /** Sender report, RFC 3550 §6.4.1. */
    SR(200),
    /** Receiver report, RFC 3550 §6.4.2. */
    RR(201),
    /** Source description, RFC 3550 §6.5. */
    SDES(202),
    /** Goodbye, RFC 3550 §6.6. */
    BYE(203),
    /** Application-defined, RFC 3550 §6.7 (carried raw). */
    APP(204),
    /** Transport-layer feedback, RFC 4585 §6.2. */
    RTPFB(205),
    /** Payload-specific feedback, RFC 4585 §6.3. */
    PSFB(206),
    /** Extended report, RFC 3611 (carried raw). */
    XR(207);

    private final int code;

    RtcpPacketType(int code) {
        this.code = code;
    }

    /** The PT field value. */
    public int code() {
        return code;
    }

    /** Whether {@link #fromCode} knows this code. */
    public static boolean isKnown(int code) {
        return code >= SR.code && code <= XR.code;
    }

    /**
     * The type with this PT value.
     *
     * @throws RtcpFormatException {@code packetType} for a code not listed here
     */
    public static RtcpPacketType fromCode(int code) {
        if (!isKnown(code)) {
            throw new RtcpFormatException("packetType", "unknown RTCP packet type " + code);
        }
        // The codes are contiguous from 200 and declared in order.
        return values()[code - SR.code];
    }
}
