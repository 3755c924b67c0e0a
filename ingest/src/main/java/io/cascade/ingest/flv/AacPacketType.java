// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

/** The AACPacketType field of AACAUDIODATA (FLV spec v10.1 §E.4.2.1). */
public enum AacPacketType {
    /** The body is an AudioSpecificConfig. */
    SEQUENCE_HEADER(0),
    /** The body is one raw AAC frame. */
    RAW(1);

    private final int code;

    AacPacketType(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** @throws FlvFormatException for codes other than 0 and 1 */
    public static AacPacketType of(int code) {
        return switch (code) {
            case 0 -> SEQUENCE_HEADER;
            case 1 -> RAW;
            default -> throw new FlvFormatException("aacPacketType", "undefined AAC packet type " + code);
        };
    }
}
