// SPDX-License-Identifier: Apache-2.0
/**
 * The RTP packet model of the relay fabric.
 *
 * <p>Two ways in: {@link io.cascade.distribution.rtp.RtpPacket} is a zero-allocation view over a
 * pooled {@code ByteBuf} for the forwarding path (read fields in place, rewrite SSRC, sequence
 * number, timestamp, payload type and header-extension values in place, validate with a result
 * code instead of an exception); {@link io.cascade.distribution.rtp.RtpHeader} and
 * {@link io.cascade.distribution.rtp.HeaderExtension} are immutable values with
 * {@code encode}/{@code decode} pairs for boundaries and tests. Decoders throw
 * {@link io.cascade.distribution.rtp.RtpFormatException}, which names the offending field.
 *
 * <p>Unsigned 32-bit wire fields (SSRC, CSRC, timestamp) are carried in an {@code int} holding
 * the same 32 bits: arithmetic modulo 2^32 then comes for free, and
 * {@link java.lang.Integer#toUnsignedLong(int)} gives the number. 16-bit fields (sequence
 * numbers) are {@code int}s in 0..65535.
 *
 * <p>Specifications:
 * <ul>
 *   <li>RFC 3550, RTP: §5.1 fixed header, §5.3.1 header extension, Appendix A.1 header
 *       validity and sequence-number tracking, A.3 loss accounting.
 *   <li>RFC 8285, a general mechanism for RTP header extensions (one-byte and two-byte forms).
 *   <li>RFC 4588, RTP retransmission payload format (RTX), §4.
 *   <li>RFC 5761 and RFC 7983, multiplexing RTP and RTCP (see the {@code rtcp} package).
 * </ul>
 */
package io.cascade.distribution.rtp;
