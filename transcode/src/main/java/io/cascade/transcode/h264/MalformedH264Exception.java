// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.h264;

/** H.264 bytes that do not follow their declared framing; the message names the field. */
public final class MalformedH264Exception extends Exception {

    public MalformedH264Exception(String message) {
        super(message);
    }
}
