// SPDX-License-Identifier: Apache-2.0
/**
 * H.264 framing, in plain Java: Annex B byte streams (ITU-T H.264 Annex B), AVCC length-prefixed
 * samples and the AVCDecoderConfigurationRecord (ISO/IEC 14496-15 §5.3.2, §5.3.3.1), NAL unit
 * headers (H.264 §7.3.1, Table 7-1) and the leading SPS fields (§7.3.2.1.1) the record copies.
 *
 * <p>Parsers throw {@link io.cascade.transcode.h264.MalformedH264Exception} naming the field; the
 * transcoder turns that into a counted, dropped packet.
 */
package io.cascade.transcode.h264;
