// SPDX-License-Identifier: Apache-2.0
/**
 * The video ladder: decode H.264 once, decide keyframes once, scale and encode each rendition with
 * libx264 on its own thread behind a bounded queue. Entry point:
 * {@link io.cascade.transcode.ladder.LadderTranscoder}.
 *
 * <p>Policies, each documented where it is implemented: which renditions a source gets
 * ({@link io.cascade.transcode.ladder.LadderPlanner}), when IDRs happen
 * ({@link io.cascade.transcode.ladder.KeyframeScheduler}), what a full queue does
 * ({@link io.cascade.transcode.ladder.OverflowPolicy}), x264's settings
 * ({@link io.cascade.transcode.ladder.X264Settings}).
 */
package io.cascade.transcode.ladder;
