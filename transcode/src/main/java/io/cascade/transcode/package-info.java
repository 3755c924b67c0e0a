// SPDX-License-Identifier: Apache-2.0
/**
 * Transcode workers (JavaCV / FFmpeg 8): decode a broadcast once, scale and encode the ABR ladder
 * with keyframes aligned across renditions, audio as AAC and Opus.
 *
 * <p>Packages: {@code media} (packets, configs, sinks), {@code h264} (framing and config records),
 * {@code ladder} (video ladder and {@link io.cascade.transcode.ladder.LadderTranscoder}),
 * {@code audio}, {@code ffmpeg} (counted native wrappers), {@code metrics}, {@code worker}
 * ({@link io.cascade.transcode.worker.TranscodeWorker}), {@code file} (demux and mux for tests and
 * the benchmark), {@code bench}. See docs/transcode.md.
 */
package io.cascade.transcode;
