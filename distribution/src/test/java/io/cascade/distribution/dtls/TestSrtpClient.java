// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DatagramTransport;
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
 * A WebRTC-like DTLS client made of BouncyCastle's own client: its own ECDSA certificate, use_srtp
 * with the given profiles (or none), and the server certificate it saw.
 */
final class TestSrtpClient extends DefaultTlsClient {
    private final BcTlsCrypto bcCrypto;
    private final DtlsCertificate certificate; // null: present no certificate
    private final int[] srtpProfiles; // null: do not offer use_srtp
    volatile byte[] serverCertificate;
    volatile int selectedProfile = -1;

    TestSrtpClient(BcTlsCrypto crypto, DtlsCertificate certificate, int... srtpProfiles) {
        super(crypto);
        this.bcCrypto = crypto;
        this.certificate = certificate;
        this.srtpProfiles = srtpProfiles;
    }

    /** Connects on a virtual thread; the future fails with the client's exception. */
    CompletableFuture<DTLSTransport> connect(DatagramTransport transport) {
        CompletableFuture<DTLSTransport> done = new CompletableFuture<>();
        Thread.ofVirtual().name("test-dtls-client").start(() -> {
            try {
                done.complete(new DTLSClientProtocol().connect(this, transport));
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done;
    }

    /** BouncyCastle allows the exporter only in notifyHandshakeComplete; 60 covers both profiles. */
    private volatile byte[] exported;

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        exported = context.exportKeyingMaterial("EXTRACTOR-dtls_srtp", null, 60);
    }

    /** The TLS 1.2 PRF is a byte stream (RFC 5246 §5) and no context is given, so any length is a prefix of 60. */
    byte[] exportSrtpKeyingMaterial(int length) {
        return java.util.Arrays.copyOf(exported, length);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256};
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"}) // BouncyCastle's raw Hashtable API
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        if (srtpProfiles != null) {
            TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(srtpProfiles, TlsUtils.EMPTY_BYTES));
        }
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes") // BouncyCastle's raw Hashtable API
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData srtp = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (srtp != null) {
            selectedProfile = srtp.getProtectionProfiles()[0];
        }
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate server) throws IOException {
                serverCertificate = server.getCertificate().getCertificateAt(0).getEncoded();
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                if (certificate == null) {
                    return null;
                }
                return certificate.signer(context, bcCrypto, TlsUtils.chooseSignatureAndHashAlgorithm(
                        context, request.getSupportedSignatureAlgorithms(), SignatureAlgorithm.ecdsa));
            }
        };
    }
}
