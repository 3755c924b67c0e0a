// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ffmpeg;

/** An FFmpeg call failed while setting up or tearing down; names the call and FFmpeg's reason. */
public final class FfmpegException extends RuntimeException {

    private final int code;

    public FfmpegException(String operation, int code) {
        super(operation + " failed: " + AvErrors.describe(code) + " (" + code + ")");
        this.code = code;
    }

    public FfmpegException(String message) {
        super(message);
        this.code = 0;
    }

    /** FFmpeg's negative error code, or 0 when the failure had none. */
    public int code() {
        return code;
    }
}
