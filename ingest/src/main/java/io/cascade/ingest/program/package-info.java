// SPDX-License-Identifier: Apache-2.0
/**
 * The input manager: several live sources (cameras over RTMP, SRT or WHIP) and one program
 * output that follows the operator's cut. A cut takes effect at the target source's next
 * keyframe, so the output never carries a frame that cannot be decoded; output timestamps stay
 * continuous across cuts (each source gets an offset); audio follows video. When the program
 * source sends nothing for a while (1 s by default) the manager fails over to the designated
 * backup, or to any live source. Every switch is reported, and announced to the program sink so the
 * origin can mark it in band. With nothing live a {@link io.cascade.ingest.program.Slate} (a still
 * IDR once a second and AAC silence, encoded once, resources {@code slate/}) keeps the program
 * going on the same timeline.
 *
 * <p>Media is H.264 in AVCC form with its AVCDecoderConfigurationRecord (ISO/IEC 14496-15
 * §5.3.3.1) and raw AAC frames with their AudioSpecificConfig (ISO/IEC 14496-3 §1.6.2.1), with
 * millisecond timestamps: what RTMP/FLV carries, and what the origin packetizes into RTP.
 */
package io.cascade.ingest.program;
