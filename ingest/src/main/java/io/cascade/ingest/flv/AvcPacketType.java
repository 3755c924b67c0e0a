// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

/** The AVCPacketType field of AVCVIDEOPACKET (FLV spec v10.1 §E.4.3.1). */
public enum AvcPacketType {
    /** The body is an AVCDecoderConfigurationRecord. */
    SEQUENCE_HEADER(0),
    /** The body is one or more length-prefixed NAL units. */
    NALU(1),
    /** End of sequence: the body is empty. */
    END_OF_SEQUENCE(2);

    private final int code;

    AvcPacketType(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** @throws FlvFormatException for codes other than 0, 1, 2 */
    public static AvcPacketType of(int code) {
        return switch (code) {
            case 0 -> SEQUENCE_HEADER;
            case 1 -> NALU;
            case 2 -> END_OF_SEQUENCE;
            default -> throw new FlvFormatException("avcPacketType", "undefined AVC packet type " + code);
        };
    }
}
