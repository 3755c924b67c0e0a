// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

/**
 * Outcome of walking a compound RTCP packet with {@link RtcpCursor}: the framing checks of
 * RFC 3550 Appendix A.2 as result codes, so the receive path counts drops instead of throwing.
 */
public enum RtcpValidity {
    /** Every packet header is version 2 and the lengths add up to the datagram. */
    VALID("", "valid"),
    /** No octets at all: a compound packet holds at least one packet (RFC 3550 §6.1). */
    EMPTY("length", "empty compound packet"),
    /** Fewer than 4 octets left where a packet header should start. */
    TRUNCATED_HEADER("length", "fewer than 4 octets left for a packet header"),
    /** A.2: the version field must be 2. */
    BAD_VERSION("version", "version is not 2"),
    /** A.2: a length field points past the end of the compound packet. */
    LENGTH_OVERRUN("length", "packet length runs past the end of the compound packet"),
    /** A.2: only the last packet of a compound packet may be padded. */
    PADDING_NOT_LAST("padding", "padding bit set on a packet that is not the last"),
    /** RFC 3550 §6.4.1: the padding count counts itself, is a multiple of 4 and fits the packet. */
    PADDING_INVALID("padding", "padding count is 0, not a multiple of 4, or larger than the packet"),
    /** A.2 / §6.1: a full compound packet starts with SR or RR (RFC 5506 lifts this). */
    FIRST_NOT_REPORT("packetType", "first packet of a compound packet is neither SR nor RR");

    private final String field;
    private final String description;

    RtcpValidity(String field, String description) {
        this.field = field;
        this.description = description;
    }

    /** The wire field the check is about; empty for {@link #VALID}. */
    public String field() {
        return field;
    }

    /** One line saying what failed, for logs and exception messages. */
    public String description() {
        return description;
    }
}
