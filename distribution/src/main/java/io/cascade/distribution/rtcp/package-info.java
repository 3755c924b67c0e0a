// SPDX-License-Identifier: Apache-2.0
/**
 * The RTCP packet model of the relay fabric.
 *
 * <p>{@link io.cascade.distribution.rtcp.RtcpCursor} walks a compound packet in place, checking
 * the framing rules of RFC 3550 §6.1 and Appendix A.2 and returning a result code instead of
 * throwing; {@link io.cascade.distribution.rtcp.RtcpCompound} decodes a compound packet into
 * immutable values ({@link io.cascade.distribution.rtcp.RtcpPacket} and its permitted types) and
 * encodes them back. Packet types this package does not model, or models only partly (APP, XR,
 * transport-wide congestion control, REMB), are carried as
 * {@link io.cascade.distribution.rtcp.RawRtcpPacket}: skipped by their length, never fatal.
 * Decoders throw {@link io.cascade.distribution.rtcp.RtcpFormatException}, which names the field.
 *
 * <p>Unsigned 32-bit wire fields (SSRCs, RTP timestamps, counts) are carried in an {@code int}
 * holding the same 32 bits ({@link java.lang.Integer#toUnsignedLong(int)} gives the number).
 *
 * <p>Specifications:
 * <ul>
 *   <li>RFC 3550, RTP: §6.1 compound packets, §6.4 SR and RR, §6.5 SDES, §6.6 BYE,
 *       Appendix A.2 RTCP header validity checks.
 *   <li>RFC 4585, RTP/AVPF: §6.1 common feedback format, §6.2.1 generic NACK, §6.3.1 PLI.
 *   <li>RFC 5104, codec control messages: §4.3.1 full intra request (FIR).
 *   <li>RFC 5506, reduced-size RTCP: why a compound packet may start with feedback.
 *   <li>RFC 5761 §4 and RFC 7983 §7, demultiplexing RTP and RTCP on one port.
 * </ul>
 */
package io.cascade.distribution.rtcp;
