// SPDX-License-Identifier: Apache-2.0
/**
 * SRT ingest ({@code srt://host:9000?streamid=publish:{streamKey}}, caller mode on the publisher's
 * side) through JavaCV's FFmpeg with libsrt: the listener is an {@code FFmpegFrameGrabber} on
 * {@code srt://0.0.0.0:PORT?mode=listener} over MPEG-TS (ISO/IEC 13818-1), whose H.264 (Annex B,
 * ITU-T H.264 Annex B) and AAC (ADTS, ISO/IEC 14496-3 §1.A.2) packets are turned into the input
 * manager's form: AVCC samples with an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.3.1)
 * and raw AAC frames with an AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1).
 *
 * <p>Why here and not in {@code ingest}: libsrt is only reachable through FFmpeg's natives, which
 * live in this module; {@code ingest} stays free of JNI. The package knows nothing of broadcasts:
 * a {@link io.cascade.transcode.srt.SrtPublishHandler} (the app, over the broadcast registry)
 * decides what a stream id may publish to.
 *
 * <p>FFmpeg's listener model, and what follows from it (see {@link io.cascade.transcode.srt.SrtListener}):
 * one listener accepts one connection and then closes its listening socket, and closing any
 * libsrt context disturbs every other one in the process; so one thread accepts one publisher,
 * reads it to its end and listens again: one SRT publisher at a time per process. FFmpeg does
 * not let a listener reject a caller during the handshake (libsrt's {@code srt_listen_callback} is
 * not exposed); the caller's stream id is read from the line FFmpeg logs on accept
 * ({@link io.cascade.transcode.srt.AcceptedStreamIds}) and a wrong key is closed right after the
 * handshake, before any of its media is read.
 */
package io.cascade.transcode.srt;
