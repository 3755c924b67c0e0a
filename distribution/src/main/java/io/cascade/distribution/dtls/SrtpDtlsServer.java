// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's server policy for one WebRTC peer: DTLS 1.2 only, ECDHE_ECDSA with AEAD
 * suites, a required client certificate checked against the SDP fingerprint, use_srtp.
 *
 * <p>Order of checks, and why it closes both CVEs of SPECS.md (the checks and the export are
 * {@link SrtpKeyGate}'s, shared with the client role):
 *
 * <ol>
 *   <li>{@link #notifyClientCertificate} compares the certificate with the SDP fingerprint as
 *       soon as the client's Certificate message arrives; a mismatch throws a fatal
 *       bad_certificate alert, which BouncyCastle sends before aborting the handshake, so no
 *       keys are ever derived for export (pion CVE-2021-28681 let data through after a failed
 *       check).
 *   <li>BouncyCastle then requires the client's CertificateVerify for any non-empty client
 *       certificate ({@code DTLSServerProtocol.expectCertificateVerifyMessage}) and verifies its
 *       signature over the handshake transcript with that certificate's public key, so the peer
 *       proves possession of the private key (pion CVE-2022-29222 accepted a certificate
 *       without that proof). A bad or missing CertificateVerify fails the handshake.
 *   <li>Keys are exported only after {@code accept} returned, i.e. after the client's Finished.
 * </ol>
 */
final class SrtpDtlsServer extends DefaultTlsServer {
    /** RFC 8827 §6.5 mandates the first; ChaCha20 helps peers without AES instructions. */
    private static final int[] CIPHER_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    };

    private final BcTlsCrypto bcCrypto;
    private final DtlsCertificate certificate;
    private final SrtpKeyGate gate;
    private final DtlsSessionSettings settings;
    private volatile SrtpProtectionProfile profile;

    SrtpDtlsServer(BcTlsCrypto crypto, DtlsCertificate certificate, SrtpKeyGate gate, DtlsSessionSettings settings) {
        super(crypto);
        this.bcCrypto = crypto;
        this.certificate = certificate;
        this.gate = gate;
        this.settings = settings;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only(); // RFC 8842 §5: DTLS 1.2 (1.3 is future work)
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), CIPHER_SUITES);
    }

    /** Our order wins: AES-GCM is the suite every WebRTC stack has and AES-NI makes it cheapest. */
    @Override
    protected boolean preferLocalCipherSuites() {
        return true;
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return (int) settings.handshakeTimeout().toMillis();
    }

    @Override
    public int getHandshakeResendTimeMillis() {
        return (int) settings.initialRetransmit().toMillis();
    }

    /** RFC 7627; also BouncyCastle refuses to export keying material without it. */
    @Override
    public boolean requiresExtendedMasterSecret() {
        return true;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        Vector<?> clientSigAlgs = context.getSecurityParametersHandshake().getClientSigAlgs();
        return certificate.signer(context, bcCrypto,
                TlsUtils.chooseSignatureAndHashAlgorithm(context, clientSigAlgs, SignatureAlgorithm.ecdsa));
    }

    /** RFC 8842 §5: the client must authenticate; RSA is allowed for older native stacks. */
    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        gate.checkCertificate(clientCertificate, DtlsFailure.NO_CLIENT_CERTIFICATE);
    }

    @Override
    @SuppressWarnings("rawtypes") // BouncyCastle's TlsServer API uses raw Hashtable
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw gate.reject(DtlsFailure.NO_SRTP_PROFILE, AlertDescription.handshake_failure,
                    "client did not offer use_srtp");
        }
        // RFC 5764 §4.1.1: with no profile in common the server may go on without SRTP; media
        // is our only use of DTLS, so we fail instead.
        profile = SrtpProtectionProfile.select(offered.getProtectionProfiles()).orElse(null);
        if (profile == null) {
            throw gate.reject(DtlsFailure.NO_SRTP_PROFILE, AlertDescription.handshake_failure,
                    "no common SRTP profile");
        }
        gate.agree(profile);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // BouncyCastle's TlsServer API uses raw Hashtable
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
        // RFC 5764 §4.1.1: exactly one profile; an empty srtp_mki since we do not use MKIs.
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {profile.code()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        gate.alertReceived(alertLevel, alertDescription);
    }

    /** Exports the keys here: BouncyCastle allows the exporter only inside this callback. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        gate.export(context, DtlsRole.SERVER);
    }
}
