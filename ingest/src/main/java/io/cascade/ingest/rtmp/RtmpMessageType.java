// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

/**
 * RTMP message type ids (Adobe RTMP spec 1.0 §5.4 protocol control messages, §6.2 user control,
 * §7.1 RTMP command messages).
 */
public enum RtmpMessageType {
    SET_CHUNK_SIZE(1),
    ABORT(2),
    ACKNOWLEDGEMENT(3),
    USER_CONTROL(4),
    WINDOW_ACKNOWLEDGEMENT_SIZE(5),
    SET_PEER_BANDWIDTH(6),
    AUDIO(8),
    VIDEO(9),
    DATA_AMF3(15),
    SHARED_OBJECT_AMF3(16),
    COMMAND_AMF3(17),
    DATA_AMF0(18),
    SHARED_OBJECT_AMF0(19),
    COMMAND_AMF0(20),
    AGGREGATE(22);

    private static final RtmpMessageType[] BY_ID = new RtmpMessageType[23];

    static {
        for (RtmpMessageType type : values()) {
            BY_ID[type.id] = type;
        }
    }

    private final int id;

    RtmpMessageType(int id) {
        this.id = id;
    }

    /** The wire id. */
    public int id() {
        return id;
    }

    /** The type for a wire id, or null for an id the specification does not assign. */
    public static RtmpMessageType lookup(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
