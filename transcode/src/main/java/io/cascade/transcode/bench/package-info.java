// SPDX-License-Identifier: Apache-2.0
/**
 * {@link io.cascade.transcode.bench.TranscodeBench}: our ladder against the ffmpeg CLI's on the same
 * input and x264 settings, speed and peak RSS measured the same way for both. See docs/transcode.md.
 */
package io.cascade.transcode.bench;
