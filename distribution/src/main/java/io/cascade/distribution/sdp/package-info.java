// SPDX-License-Identifier: Apache-2.0
/**
 * Session descriptions for the WebRTC transport: a tolerant SDP parser and writer, offer/answer
 * negotiation for an ICE-lite server endpoint, and trickle ICE fragments for WHIP/WHEP PATCH.
 *
 * <p>Specifications, and what each one contributes here:
 *
 * <ul>
 *   <li>RFC 8866 (SDP, obsoletes 4566): line grammar and order (§5, §9), origin, timing and
 *       connection lines, {@code a=rtpmap} (§6.6), direction attributes (§6.7), {@code a=fmtp}
 *       (§6.15); the parser's tolerance of LF-only lines and unknown attributes.
 *   <li>RFC 3264 (offer/answer): same number and order of m= sections, port 0 to reject, payload
 *       types of the offer kept in the answer, mirrored directions (§6).
 *   <li>RFC 8829 (JSEP): how a WebRTC answer is built (§5.3.1) and what offers look like (§5.2).
 *   <li>RFC 8843 (BUNDLE; RFC 9143 later obsoleted it with the same rules used here): the BUNDLE
 *       group, the tagged section, bundle-only sections, the MID header extension (§15).
 *   <li>RFC 8839 (ICE SDP): {@code a=candidate} grammar (§5.1), {@code a=ice-lite} (§5.3), ufrag
 *       and password (§5.4), {@code a=ice-options} (§5.6). RFC 8445 §2.5 for ICE-lite.
 *   <li>RFC 8840 (trickle ICE): {@code a=end-of-candidates} and the sdpfrag body (§9) of WHIP and
 *       WHEP PATCH requests (RFC 9725 §4.3).
 *   <li>RFC 8842 and RFC 4145 (DTLS in SDP): {@code a=setup} and the DTLS role; RFC 8122 for
 *       {@code a=fingerprint}; RFC 8827 §6.5 for the hash functions relied on.
 *   <li>RFC 5761 and RFC 8858: {@code a=rtcp-mux}, required here. RFC 5506: {@code a=rtcp-rsize}.
 *   <li>RFC 8851 ({@code a=rid}) and RFC 8853 ({@code a=simulcast}); RFC 8852 for the RtpStreamId
 *       header extensions that carry rids.
 *   <li>RFC 8285: {@code a=extmap} and {@code a=extmap-allow-mixed}.
 *   <li>RFC 5576: {@code a=ssrc} and {@code a=ssrc-group} (FID, SIM). RFC 8830: {@code a=msid}.
 *       RFC 5888: {@code a=group} and {@code a=mid}.
 *   <li>RFC 4585 and RFC 5104: {@code a=rtcp-fb} (nack, nack pli, ccm fir).
 *   <li>RFC 6184 (H.264): profile-level-id and its offer/answer rules (§8.1, §8.2.2). RFC 7587
 *       (Opus), RFC 7741 (VP8), RFC 4588 (RTX, {@code apt}).
 * </ul>
 *
 * <p>Shape: {@link io.cascade.distribution.sdp.SdpParser} reads text or UTF-8 bytes into a
 * {@link io.cascade.distribution.sdp.SessionDescription}, a tree of records with one record per
 * wire element ({@link io.cascade.distribution.sdp.Candidate}, {@link
 * io.cascade.distribution.sdp.Fingerprint}, {@link io.cascade.distribution.sdp.Codec}, ...), each
 * with its {@code decode} and {@code encode}. {@link io.cascade.distribution.sdp.SdpWriter} writes
 * one back; parse, write and parse again give an equal description, lines the model does not
 * interpret included. {@link io.cascade.distribution.sdp.SdpAnswerer} turns an offer into a
 * {@link io.cascade.distribution.sdp.Negotiation}: the answer plus a {@link
 * io.cascade.distribution.sdp.NegotiatedMedia} per accepted section and the peer's {@link
 * io.cascade.distribution.sdp.RemoteTransport}. {@link
 * io.cascade.distribution.sdp.TrickleFragmentParser} reads PATCH bodies.
 *
 * <p>Errors: parsing throws only {@link io.cascade.distribution.sdp.SdpParseException}, naming the
 * line and field, for what cannot be read past (the size limits of {@link
 * io.cascade.distribution.sdp.SdpLimits}, m= lines, mids, ICE credentials, fingerprints, setup);
 * other malformed lines are skipped and counted. Negotiation throws only {@link
 * io.cascade.distribution.sdp.SdpNegotiationException}, whose reason the HTTP layer maps to a
 * status. Building a record with invalid values is a programming error and throws {@link
 * java.lang.IllegalArgumentException}.
 */
package io.cascade.distribution.sdp;
