// SPDX-License-Identifier: Apache-2.0
/**
 * SRTP and SRTCP for the WebRTC transport: DTLS-SRTP keys in, RTP and RTCP protected and
 * unprotected in place over Netty {@code ByteBuf}s.
 *
 * <p>Pipeline position: after the RFC 7983 demux has sent a datagram of first byte 128-191 here,
 * {@link io.cascade.distribution.srtp.SrtpReceiveContext} verifies, replay-checks and decrypts it
 * before RTP/RTCP parsing; {@link io.cascade.distribution.srtp.SrtpSendContext} is the last stage
 * before the socket. {@link io.cascade.distribution.srtp.SrtpContexts#fromDtlsExport} builds both
 * from the DTLS exporter output and the DTLS role. The packet path returns
 * {@link io.cascade.distribution.srtp.SrtpResult} codes, never throws for bad input, and leaves
 * buffer and context untouched unless the result is {@code OK}.
 *
 * <p>Threading: each context is owned by one thread (the transport's event loop) and is not
 * thread-safe. Tailroom: {@link io.cascade.distribution.srtp.SrtpProfile#MAX_OVERHEAD} (20 octets)
 * after the packet covers every profile.
 *
 * <p>Crypto: the JDK's own provider (SunJCE), whose AES, GHASH and SHA-1 run on intrinsics
 * (AES-NI/VAES, CLMUL, SHA-NI where present). AES-CM is an {@code AES/ECB} cipher over reused
 * counter blocks and HMAC-SHA1 a reused {@code MessageDigest}: no allocation per packet. AES-GCM
 * is {@code AES/GCM/NoPadding}, re-initialised per packet as the JCE requires, which allocates
 * about 1.1 KB per packet inside the JDK, and reports a bad tag by exception (a forged packet
 * costs about twice a genuine one).
 *
 * <p>Why JCE and not {@code org.jitsi:jitsi-srtp} (OpenSSL through JNI), decided by
 * {@code bin/cascade bench srtp} (JMH, medians of three interleaved runs on a noisy 2-core host;
 * {@code docs/BENCHMARKS.md}, "SRTP"): (1) speed: AES-CM/HMAC-SHA1-80 on 1200-octet packets
 * 921 ns to protect and 957 ns to unprotect against jitsi's 1191 and 1916 ns with OpenSSL, and
 * AES-GCM within noise of it (564 / 634 ns against 649 / 629 ns), every case several times the
 * 1 Gbps-per-core target; (2) garbage: 0 B per packet for AES-CM against jitsi's 104 B; AES-GCM
 * is the one case where jitsi's OpenSSL path allocates less (64 B against our 1.1 KB); (3) no
 * native code: jitsi-srtp needs its JNI library and the host's libcrypto 3 and brings
 * kotlin-stdlib, JNA and BouncyCastle, and picks its AES provider by a start-up micro-benchmark
 * whose choice flipped between runs here; (4) fit: ours works in place on {@code ByteBuf}s with
 * result codes, while jitsi's contexts are per SSRC, {@code synchronized}, byte-array based and
 * throw checked exceptions. Revisit if the JDK's GCM garbage shows in GC pauses: the
 * package-private {@code SrtpTransform} seam takes another AES-GCM engine.
 *
 * <p>Not implemented: MKI (DTLS-SRTP in browsers sends none), key derivation rates other than 0
 * (DTLS-SRTP uses 0), header-extension encryption (RFC 6904, cryptex), AES-256 profiles, and the
 * NULL-cipher profiles.
 *
 * <p>Specifications:
 * <ul>
 *   <li>RFC 3711, SRTP: §3.1 SRTP packet, §3.2.1 master key and salt, §3.3 and Appendix A packet
 *       index and ROC estimation, §3.3.2 replay protection, §3.4 SRTCP (E flag, SRTCP index),
 *       §4.1.1 AES-CM, §4.2 HMAC-SHA1, §4.3 key derivation (AES-CM PRF, labels 0-5), §9.2 key
 *       lifetime; Appendix B.2 and B.3 test vectors.
 *   <li>RFC 7714, AES-GCM for SRTP: §8 SRTP (IV §8.1, AAD §8.2), §9 SRTCP, §11 key derivation,
 *       §14.2 DTLS-SRTP profile codes; §16 AEAD_AES_128_GCM test vectors.
 *   <li>RFC 5764, DTLS-SRTP: §4.1.2 protection profiles, §4.2 key derivation (exporter layout).
 *   <li>RFC 5705, keying material exporters (the DTLS side of the export).
 *   <li>RFC 6479, IPsec anti-replay without bit shifting (the replay window's layout).
 * </ul>
 */
package io.cascade.distribution.srtp;
