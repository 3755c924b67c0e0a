// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A decoded picture on its way to one encoder: a reference of its own to the decoder's buffers
 * (freed by whoever takes or drops it), its PTS, and whether the schedule made it an IDR.
 */
record QueuedFrame(AVFrame frame, long ptsMicros, boolean keyframe) {
}
