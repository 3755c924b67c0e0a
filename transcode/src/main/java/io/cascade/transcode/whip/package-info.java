// SPDX-License-Identifier: Apache-2.0
/**
 * WHIP publishers as broadcast sources. A browser (or ffmpeg) publishing over WHIP with a
 * source's key feeds a relay stream like any WebRTC publisher; {@link io.cascade.transcode.whip.WhipSource}
 * subscribes to it on this node and turns it into what the input manager takes from RTMP and SRT
 * cameras: H.264 access units in AVCC with their AVCDecoderConfigurationRecord (built from the
 * in-band SPS and PPS, {@link io.cascade.transcode.whip.H264SourceFrames}), and AAC-LC decoded
 * from the browser's Opus ({@link io.cascade.transcode.whip.OpusToAac}, FFmpeg through JavaCV,
 * which is why this lives in transcode and not in ingest), both on one millisecond timeline
 * ({@link io.cascade.transcode.whip.RtpMediaClock}).
 *
 * <p>Browsers send an IDR picture rarely (at start and when asked), so the bridge asks for one
 * (a PLI through the relay to the publisher) when it starts, after a loss, and whenever the
 * program starts waiting for this source ({@link io.cascade.transcode.whip.WhipSource#requestKeyframe}).
 */
package io.cascade.transcode.whip;
