// SPDX-License-Identifier: Apache-2.0
/**
 * STUN message codec with the TURN and ICE attributes and TURN ChannelData framing, shared by the
 * STUN/TURN server and the WebRTC ICE-lite transport.
 *
 * <p>Specifications, and what each one contributes here:
 *
 * <ul>
 *   <li>RFC 8489 (STUN, obsoletes 5389): header (§5), attribute TLVs and padding (§14), the
 *       credential mechanisms and keys (§9), the attributes of §14, the error codes of §14.8,
 *       the password algorithms of §18.5.
 *   <li>RFC 5389: the SASLprep key preparation still used by deployed clients and by RFC 5769's
 *       vectors (see {@link io.cascade.distribution.stun.StunCredentials}).
 *   <li>RFC 5769: byte-exact test vectors (kept under {@code src/test/resources}).
 *   <li>RFC 8656 (TURN, obsoletes 5766 and 6156): methods (§17), attributes (§18), error codes
 *       (§19), ChannelData (§12.4, §12.5).
 *   <li>RFC 8445 §16.1: PRIORITY, USE-CANDIDATE, ICE-CONTROLLED, ICE-CONTROLLING; §16.2: 487.
 *   <li>RFC 7983: demultiplexing STUN (first byte 0-3) and TURN channels (64-79) from DTLS and
 *       RTP on one port.
 *   <li>draft-uberti-behave-turn-rest-00: the "TURN REST API" ephemeral credentials.
 * </ul>
 *
 * <p>Shape: a {@link io.cascade.distribution.stun.StunMessage} is a value (type, transaction id,
 * attributes). {@link io.cascade.distribution.stun.StunDecoder} reads one from bytes and keeps a
 * private copy of those bytes so that MESSAGE-INTEGRITY and FINGERPRINT can be checked with
 * {@link io.cascade.distribution.stun.StunIntegrity}; {@link
 * io.cascade.distribution.stun.StunMessageBuilder} writes one, appending MESSAGE-INTEGRITY,
 * MESSAGE-INTEGRITY-SHA256 and FINGERPRINT last. The primary byte form is {@code byte[]} with
 * offset and length; the Netty {@code ByteBuf} overloads copy out of (or into) the buffer and
 * never keep a reference to it, so buffer ownership stays with the caller.
 *
 * <p>Errors: decoding throws only {@link io.cascade.distribution.stun.StunFormatException}, which
 * names the field. Constructing an attribute with an out-of-range value is a programming error and
 * throws {@link java.lang.IllegalArgumentException}. Attribute records holding bytes copy them in
 * and out, so they are immutable.
 */
package io.cascade.distribution.stun;
