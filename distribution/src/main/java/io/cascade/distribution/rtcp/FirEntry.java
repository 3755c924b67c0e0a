// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtcp;

/**
 * One FIR FCI entry (RFC 5104 §4.3.1.1): the SSRC asked for a decoder refresh and a command
 * sequence number, followed on the wire by 24 reserved bits (sent as 0, ignored on receipt).
 * The sequence number lets the media sender tell a repeated request from a new one: the
 * requester increases it by one, modulo 256, for each new command and repeats it unchanged
 * when it retransmits the same command (§4.3.1.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              SSRC                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Seq nr.       |    Reserved                                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * @param ssrc           the media sender asked for a keyframe
 * @param sequenceNumber command sequence number, 0..255
 */
public record FirEntry(int ssrc, int sequenceNumber) {
    /** Octets per entry. */
    public static final int LENGTH = 8;

    public FirEntry {
        if (sequenceNumber < 0 || sequenceNumber > 0xFF) {
            throw new IllegalArgumentException("FIR sequence number must be 0..255: " + sequenceNumber);
        }
    }
}
