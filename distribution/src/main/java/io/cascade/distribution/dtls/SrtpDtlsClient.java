// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's client policy for one WebRTC peer that is the DTLS server ({@code a=setup:passive}
 * in its offer, e.g. ffmpeg's WHIP muxer): DTLS 1.2 only, ECDHE with AEAD suites, our certificate
 * for the server's CertificateRequest, use_srtp, and the server's certificate checked against the
 * SDP fingerprint.
 *
 * <p>Order of checks, mirroring the server side:
 *
 * <ol>
 *   <li>{@link TlsAuthentication#notifyServerCertificate} compares the server's certificate with
 *       the SDP fingerprint as soon as its Certificate message arrives, before we send anything of
 *       our second flight; a mismatch throws a fatal bad_certificate alert, so no keys exist.
 *   <li>BouncyCastle then verifies the ServerKeyExchange signature (ECDHE needs one) with that
 *       certificate's public key: the server proves possession of the private key (the flaw of
 *       pion CVE-2022-29222, on the other side).
 *   <li>Keys are exported in {@link #notifyHandshakeComplete}, after the server's Finished.
 * </ol>
 */
final class SrtpDtlsClient extends DefaultTlsClient {
    /**
     * RFC 8827 §6.5 mandates the first. ECDSA first, as every browser and ffmpeg sign with P-256;
     * the RSA suites admit servers with RSA certificates (Janus, older GStreamer) at no cost to
     * us: the fingerprint pins the certificate whatever its key.
     */
    private static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    };

    private final BcTlsCrypto bcCrypto;
    private final DtlsCertificate certificate;
    private final SrtpKeyGate gate;
    private final DtlsSessionSettings settings;
    private final List<SrtpProtectionProfile> offered;

    /** @param offered the profiles for use_srtp, most preferred first */
    SrtpDtlsClient(BcTlsCrypto crypto, DtlsCertificate certificate, SrtpKeyGate gate, DtlsSessionSettings settings,
            List<SrtpProtectionProfile> offered) {
        super(crypto);
        if (offered.isEmpty()) {
            throw new IllegalArgumentException("offer at least one SRTP protection profile");
        }
        this.bcCrypto = crypto;
        this.certificate = certificate;
        this.gate = gate;
        this.settings = settings;
        this.offered = List.copyOf(offered);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only(); // RFC 8842 §5: DTLS 1.2 (1.3 is future work)
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), CIPHER_SUITES);
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return (int) settings.handshakeTimeout().toMillis();
    }

    /** RFC 6347 §4.2.4: the timer for resending our flight; BouncyCastle doubles it per retry. */
    @Override
    public int getHandshakeResendTimeMillis() {
        return (int) settings.initialRetransmit().toMillis();
    }

    /** RFC 7627; also BouncyCastle refuses to export keying material without it. */
    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    /** RFC 5764 §4.1.1: use_srtp with our profiles in order of preference and an empty srtp_mki. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // BouncyCastle's TlsClient API uses raw Hashtable
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        int[] codes = offered.stream().mapToInt(SrtpProtectionProfile::code).toArray();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(codes, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    /**
     * RFC 5764 §4.1.1: the server answers with exactly one of our profiles and, since we sent
     * none, no MKI. Anything else is illegal_parameter; a server without use_srtp gives us no SRTP
     * keys, and media is our only use of DTLS, so that fails too.
     */
    @Override
    @SuppressWarnings("rawtypes") // BouncyCastle's TlsClient API uses raw Hashtable
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null) {
            throw gate.reject(DtlsFailure.NO_SRTP_PROFILE, AlertDescription.handshake_failure,
                    "server did not answer use_srtp");
        }
        int[] chosen = answer.getProtectionProfiles();
        SrtpProtectionProfile profile = chosen.length == 1
                ? SrtpProtectionProfile.fromCode(chosen[0]).filter(offered::contains).orElse(null) : null;
        if (profile == null) {
            throw gate.reject(DtlsFailure.NO_SRTP_PROFILE, AlertDescription.illegal_parameter,
                    "server chose no single profile of those offered");
        }
        if (answer.getMki().length != 0) {
            throw gate.reject(DtlsFailure.PROTOCOL_ERROR, AlertDescription.illegal_parameter,
                    "server sent an srtp_mki we did not offer");
        }
        gate.agree(profile);
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                // An ECDHE server always sends a certificate (RFC 5246 §7.4.2): none is a broken peer.
                gate.checkCertificate(serverCertificate.getCertificate(), DtlsFailure.PROTOCOL_ERROR);
            }

            /** RFC 8842 §5: both ends authenticate, so we answer a CertificateRequest with ours. */
            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return certificate.signer(context, bcCrypto, TlsUtils.chooseSignatureAndHashAlgorithm(
                        context, request.getSupportedSignatureAlgorithms(), SignatureAlgorithm.ecdsa));
            }
        };
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        gate.alertReceived(alertLevel, alertDescription);
    }

    /** Exports the keys here: BouncyCastle allows the exporter only inside this callback. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        gate.export(context, DtlsRole.CLIENT);
    }
}
