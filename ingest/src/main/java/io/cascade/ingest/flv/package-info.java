// SPDX-License-Identifier: Apache-2.0
/**
 * The media payloads RTMP carries: FLV video and audio tag bodies and the codec configuration
 * records inside them.
 *
 * <p>An RTMP audio (type 8) or video (type 9) message body is an FLV tag body. For H.264 the
 * video body is {@link io.cascade.ingest.flv.FlvVideoTagHeader} (frame type, codec id 7,
 * AVCPacketType, signed 24-bit composition time) followed by either an
 * {@link io.cascade.ingest.flv.AvcDecoderConfigurationRecord} (packet type 0), NAL units each
 * prefixed by its length (packet type 1, the AVCC layout), or nothing (2, end of sequence). For
 * AAC the audio body is {@link io.cascade.ingest.flv.FlvAudioTagHeader} (sound format 10,
 * AACPacketType) followed by an {@link io.cascade.ingest.flv.AudioSpecificConfig} (packet type
 * 0) or one raw AAC frame (1). {@link io.cascade.ingest.flv.AvcSequenceParameterSet} reads the
 * picture size out of an SPS. Other codecs are recognised by their codec id and left unparsed;
 * Enhanced RTMP video (the IsExHeader bit, FourCC codecs) is recognised and left unparsed too.
 *
 * <p>Parsers check every length against the bytes present and throw
 * {@link io.cascade.ingest.flv.FlvFormatException} naming the field; they never allocate more
 * than their input.
 *
 * <p>Specifications:
 * <ul>
 *   <li>Adobe Flash Video File Format Specification v10.1: §E.4.2.1 AUDIODATA and
 *       AACAUDIODATA, §E.4.3.1 VIDEODATA and AVCVIDEOPACKET.
 *   <li>ISO/IEC 14496-15 (AVC file format): §5.3.3.1 AVCDecoderConfigurationRecord (§5.2.4.1
 *       in the 2004 edition), §5.3.4.2 the length-prefixed sample format.
 *   <li>ISO/IEC 14496-3 (MPEG-4 Audio): §1.6.2.1 AudioSpecificConfig, §1.6.3.4 and Table 1.16
 *       samplingFrequencyIndex, §1.6.3.5 channelConfiguration.
 *   <li>ITU-T H.264 (08/2021): §7.3.1 NAL unit syntax and emulation prevention, §7.3.2.1.1
 *       sequence parameter set, §7.4.2.1.1 semantics (frame cropping, Table 6-1 SubWidthC).
 * </ul>
 */
package io.cascade.ingest.flv;
