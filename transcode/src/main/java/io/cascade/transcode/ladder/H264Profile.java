// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

/** H.264 profiles a rendition may ask x264 for, with x264's name for each. */
public enum H264Profile {
    BASELINE("baseline"),
    MAIN("main"),
    HIGH("high");

    private final String x264Name;

    H264Profile(String x264Name) {
        this.x264Name = x264Name;
    }

    public String x264Name() {
        return x264Name;
    }
}
