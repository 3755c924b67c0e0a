// SPDX-License-Identifier: Apache-2.0
/**
 * The transcoder's input and output model: {@link io.cascade.transcode.media.EncodedPacket}s with
 * microsecond timestamps, out-of-band {@link io.cascade.transcode.media.CodecConfig} records, and
 * the {@link io.cascade.transcode.media.RenditionSink} outputs go to.
 *
 * <p>Config record formats: ISO/IEC 14496-15 §5.3.3.1 (AVCDecoderConfigurationRecord), ISO/IEC
 * 14496-3 §1.6.2.1 (AudioSpecificConfig), RFC 7845 §5.1 (OpusHead).
 */
package io.cascade.transcode.media;
