// SPDX-License-Identifier: Apache-2.0
/**
 * DTLS 1.2 with the use_srtp extension, in both roles, as the WebRTC transport needs it: the handshake
 * that authenticates the browser by the certificate fingerprint of its SDP and yields the SRTP
 * master keys. The DTLS record protocol itself is BouncyCastle's ({@code bctls}); this package
 * configures it, feeds it datagrams and judges its result.
 *
 * <p>Specifications, and what each one contributes here:
 *
 * <ul>
 *   <li>RFC 6347 (DTLS 1.2): the handshake over datagrams, fragmentation of handshake messages to
 *       the path MTU (§4.1.1.1), flight retransmission on timeout (§4.2.4; done by BouncyCastle).
 *   <li>RFC 5764 (DTLS-SRTP): the use_srtp extension and its profile choice (§4.1.1, §4.1.2), the
 *       "EXTRACTOR-dtls_srtp" exporter and the layout of the keying material (§4.2).
 *   <li>RFC 7714 §14.2 and RFC 5764 §4.1.2: the profiles SRTP_AEAD_AES_128_GCM (0x0007) and
 *       SRTP_AES128_CM_HMAC_SHA1_80 (0x0001) with their key and salt lengths.
 *   <li>RFC 8122 §5: the {@code a=fingerprint} attribute, its hash names and hex form.
 *   <li>RFC 8842: WebRTC's use of DTLS: setup roles ({@code a=setup:passive} makes us the DTLS
 *       server, as browsers ask; {@code a=setup:active} in our answer to a {@code passive} offer, as
 *       ffmpeg's WHIP muxer sends, makes us the client), fingerprints checked against the peer's
 *       certificate before any key is released ({@code SrtpKeyGate}), self-signed certificates.
 *   <li>RFC 7983: the first-byte demultiplexing (20..63 is DTLS) done by the caller before
 *       datagrams reach {@link io.cascade.distribution.dtls.DtlsServerSession#receive}.
 *   <li>RFC 7627: extended master secret, required here because BouncyCastle exports keying
 *       material only from a session that used it (and it closes the triple-handshake attack).
 * </ul>
 *
 * <p>Shape: a node generates one {@link io.cascade.distribution.dtls.DtlsCertificate} and
 * advertises its {@link io.cascade.distribution.dtls.DtlsFingerprint} in every SDP answer. For
 * each peer the WebRTC transport starts a {@link io.cascade.distribution.dtls.DtlsServerSession}
 * (or a {@link io.cascade.distribution.dtls.DtlsClientSession}, connected once ICE found the peer)
 * with the peer's SDP fingerprint and a {@link io.cascade.distribution.dtls.DatagramSink}; it hands
 * the session the DTLS datagrams it demultiplexes and receives a {@link
 * io.cascade.distribution.dtls.DtlsHandshakeResult}: {@code Established} with {@link
 * io.cascade.distribution.dtls.DtlsSrtpKeys}, or {@code Failed} with a {@link
 * io.cascade.distribution.dtls.DtlsFailure} and no keys at all.
 *
 * <p>Threads: BouncyCastle's DTLS handshake is blocking, so each session runs it on its own
 * virtual thread; the network thread only copies datagrams into a bounded queue (dropping and
 * counting when it is full) and never blocks.
 */
package io.cascade.distribution.dtls;
