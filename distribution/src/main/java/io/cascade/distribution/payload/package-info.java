// SPDX-License-Identifier: Apache-2.0
/**
 * RTP payload formats: media frames to RTP packets and back, for the codecs the fabric carries.
 *
 * <p>Who uses what. Ingest (RTMP: H.264 in AVCC form and AAC) turns each frame into RTP with an
 * {@link io.cascade.distribution.payload.RtpPacketizer}: {@link io.cascade.distribution.payload.H264Packetizer},
 * {@link io.cascade.distribution.payload.AacPacketizer}; the RTMP sequence headers parse as
 * {@link io.cascade.distribution.payload.AvcDecoderConfigurationRecord} and
 * {@link io.cascade.distribution.payload.AudioSpecificConfig}. Transcoders and the LL-HLS edge turn
 * RTP back into frames with an {@link io.cascade.distribution.payload.RtpDepacketizer}:
 * {@link io.cascade.distribution.payload.H264Depacketizer} (which drops damaged frames and asks
 * for a keyframe), {@link io.cascade.distribution.payload.AacDepacketizer}. WebRTC browsers send
 * and receive H.264 (packetization-mode 1) and Opus
 * ({@link io.cascade.distribution.payload.OpusPacketizer},
 * {@link io.cascade.distribution.payload.OpusDepacketizer}).
 *
 * <p>Conventions. Packetizers return whole RTP packets as {@code byte[]} (see
 * {@link io.cascade.distribution.payload.RtpPacketizer} for why); depacketizers read an
 * {@link io.cascade.distribution.rtp.RtpPacket} view and copy out only payload octets, never
 * throw on payload bytes and count what they drop in
 * {@link io.cascade.distribution.payload.DepacketizerStats}. Parsers of codec configuration throw
 * {@link io.cascade.distribution.payload.PayloadFormatException} naming the syntax element, spelled
 * as in its specification. RTP timestamps are 32-bit unsigned values in an {@code int}.
 *
 * <p>Specifications:
 * <ul>
 *   <li>RFC 6184, RTP payload format for H.264 video: §5.1 header usage, §5.6 single NAL unit
 *       packets, §5.7.1 STAP-A, §5.8 FU-A, §6.3 non-interleaved mode.
 *   <li>RFC 7587, RTP payload format for Opus; RFC 6716 §3.1 (the TOC octet) for durations;
 *       RFC 3551 §4.1 for the M bit of audio.
 *   <li>RFC 3640, RTP payload format for MPEG-4 elementary streams: §3.1 header usage, §3.2.1
 *       AU headers, §3.2.3.1 fragmentation, §3.3.6 AAC-hbr, §4.1 {@code a=fmtp} parameters.
 *   <li>RFC 6381 §3.3, the {@code codecs} parameter for AVC ({@code avc1.PPCCLL}).
 *   <li>RFC 3550 §5.1, the RTP fixed header and sequence numbers.
 *   <li>ISO/IEC 14496-10 (H.264): §7.3.1 NAL unit header, §7.3.2.1 sequence parameter set, §7.4.1
 *       emulation prevention, Annex B byte stream, Annex E VUI.
 *   <li>ISO/IEC 14496-15 §5.3.3.1, AVCDecoderConfigurationRecord; §5.3.4.2 length-prefixed
 *       samples.
 *   <li>ISO/IEC 14496-3 §1.6.2.1, AudioSpecificConfig.
 * </ul>
 */
package io.cascade.distribution.payload;
