// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0Object;

/**
 * The status codes this server sends in {@code onStatus} and {@code _result} info objects
 * (Adobe RTMP spec 1.0 §7.2.1.1 connect response, §7.2.2.6 publish response; the code
 * strings are those of the ActionScript NetStatusEvent reference).
 */
public enum NetStatus {
    CONNECT_SUCCESS("NetConnection.Connect.Success", "status"),
    CONNECT_REJECTED("NetConnection.Connect.Rejected", "error"),
    CALL_FAILED("NetConnection.Call.Failed", "error"),
    PUBLISH_START("NetStream.Publish.Start", "status"),
    PUBLISH_BAD_NAME("NetStream.Publish.BadName", "error"),
    UNPUBLISH_SUCCESS("NetStream.Unpublish.Success", "status"),
    PLAY_FAILED("NetStream.Play.Failed", "error");

    private final String code;
    private final String level;

    NetStatus(String code, String level) {
        this.code = code;
        this.level = level;
    }

    /** The code string, e.g. {@code NetStream.Publish.Start}. */
    public String code() {
        return code;
    }

    /** {@code status} or {@code error}. */
    public String level() {
        return level;
    }

    /** The info object: {@code {level, code, description}}. */
    public Amf0Object info(String description) {
        return Amf0Object.builder().put("level", level).put("code", code).put("description", description).build();
    }
}
