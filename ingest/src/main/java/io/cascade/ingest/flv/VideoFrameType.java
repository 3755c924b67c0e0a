// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.flv;

/** The FrameType field of VIDEODATA (FLV spec v10.1 §E.4.3.1), four bits. */
public enum VideoFrameType {
    KEY_FRAME(1),
    INTER_FRAME(2),
    DISPOSABLE_INTER_FRAME(3),
    GENERATED_KEY_FRAME(4),
    /** Video info or command frame: carries no picture. */
    COMMAND_FRAME(5);

    private final int code;

    VideoFrameType(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** Whether a decoder can start here. */
    public boolean isKeyFrame() {
        return this == KEY_FRAME || this == GENERATED_KEY_FRAME;
    }

    /**
     * @throws FlvFormatException for 0 and 6 to 15, which the specification does not define
     */
    public static VideoFrameType of(int code) {
        for (VideoFrameType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new FlvFormatException("frameType", "undefined frame type " + code);
    }
}
