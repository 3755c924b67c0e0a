// SPDX-License-Identifier: Apache-2.0
/**
 * Thin, counted wrappers over JavaCV's FFmpeg 8 bindings (avcodec send/receive, AVFrame, AVPacket):
 * every allocation is paired with its free and tallied in
 * {@link io.cascade.transcode.ffmpeg.NativeLedger} so tests can prove shutdown gives everything back.
 * No media policy lives here.
 */
package io.cascade.transcode.ffmpeg;
