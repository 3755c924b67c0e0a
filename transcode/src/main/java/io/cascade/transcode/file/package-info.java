// SPDX-License-Identifier: Apache-2.0
/**
 * Files in and out of a transcoder, with libavformat: {@link io.cascade.transcode.file.FileDemuxer}
 * turns a file into the packets an input manager would send, and
 * {@link io.cascade.transcode.file.MkvRenditionSink} writes every output to Matroska for ffprobe.
 * Used by the tests and the benchmark; not on the live path.
 */
package io.cascade.transcode.file;
