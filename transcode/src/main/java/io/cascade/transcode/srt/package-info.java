// SPDX-License-Identifier: Apache-2.0
/**
 * SRT ingest ({@code srt://host:9000?streamid=publish:{streamKey}}, caller mode on the publisher's
 * side): MPEG-TS (ISO/IEC 13818-1) whose H.264 (Annex B, ITU-T H.264 Annex B) and AAC (ADTS,
 * ISO/IEC 14496-3 §1.A.2) packets are turned into the input manager's form: AVCC samples with an
 * AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1) and raw AAC frames with an
 * AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), by {@link io.cascade.transcode.srt.PacketConverter}.
 *
 * <p>{@link io.cascade.transcode.srt.SrtListener#start} picks the listener. With the system libsrt
 * ({@link io.cascade.transcode.srt.LibSrt}, JNA): {@link io.cascade.transcode.srt.LibSrtListener},
 * any number of publishers on one port, the stream id judged inside the handshake, one socket and
 * reader thread per publisher whose TS JavaCV's FFmpeg demuxes from an InputStream. Without it:
 * {@link io.cascade.transcode.srt.FfmpegSrtListener}, FFmpeg's own libsrt listener, one publisher
 * at a time (its class comment says why), the stream id read from the line FFmpeg logs on accept
 * ({@link io.cascade.transcode.srt.AcceptedStreamIds}).
 *
 * <p>Why here and not in {@code ingest}: the demuxer is JavaCV's FFmpeg, which lives in this
 * module; {@code ingest} stays free of native code. The package knows nothing of broadcasts: a
 * {@link io.cascade.transcode.srt.SrtPublishHandler} (the app, over the broadcast registry) decides
 * what a stream id may publish to.
 */
package io.cascade.transcode.srt;
