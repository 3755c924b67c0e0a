// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * What one DTLS-SRTP handshake learned about its peer, and the only way from that handshake to
 * {@link DtlsSrtpKeys}: keys are exported only after the peer's certificate matched the SDP
 * fingerprint and a protection profile was agreed. Both roles' TLS policies ({@link
 * SrtpDtlsClient}, and the server's) record into one of these, so the order of checks that
 * SPECS.md asks for (pion CVE-2021-28681 let data through after a failed check) is written once.
 *
 * <p>Written from BouncyCastle's callbacks on the handshake thread; read by the session after
 * the handshake returned or failed. Fields are volatile so a reader on another thread (tests,
 * metrics) sees a consistent outcome.
 */
final class SrtpKeyGate {
    /** RFC 5764 §4.2: the exporter label for DTLS-SRTP keying material. */
    private static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

    private final DtlsFingerprint expectedPeer;
    private volatile SrtpProtectionProfile profile;
    private volatile DtlsFingerprint verifiedPeer;
    private volatile DtlsFailure failure;
    private volatile short peerAlert = -1;
    private volatile DtlsSrtpKeys keys;

    /** @param expectedPeer the peer's {@code a=fingerprint} from its SDP */
    SrtpKeyGate(DtlsFingerprint expectedPeer) {
        this.expectedPeer = expectedPeer;
    }

    /**
     * RFC 8122 §5 and RFC 8842 §5: the peer's end-entity certificate (first in the chain) must
     * hash to the SDP fingerprint. Call it from the callback that receives the peer's Certificate
     * message, so a mismatch aborts the handshake with bad_certificate before any key exists.
     *
     * @param whenMissing the failure to record when the peer sent no certificate at all
     * @throws TlsFatalAlert to abort the handshake (BouncyCastle sends the alert)
     */
    void checkCertificate(Certificate chain, DtlsFailure whenMissing) throws IOException {
        if (chain == null || chain.isEmpty()) {
            throw reject(whenMissing, AlertDescription.handshake_failure, "peer sent no certificate");
        }
        byte[] der = chain.getCertificateAt(0).getEncoded();
        DtlsFingerprint actual = DtlsFingerprint.of(expectedPeer.hashFunction(), der);
        if (!expectedPeer.matches(actual)) {
            throw reject(DtlsFailure.FINGERPRINT_MISMATCH, AlertDescription.bad_certificate,
                    "certificate fingerprint mismatch");
        }
        verifiedPeer = actual;
    }

    /** Records the one protection profile both sides agreed on (RFC 5764 §4.1.1). */
    void agree(SrtpProtectionProfile agreed) {
        profile = agreed;
    }

    /**
     * Records why our policy refuses the peer.
     *
     * @return the fatal alert to throw, which BouncyCastle sends before aborting
     */
    TlsFatalAlert reject(DtlsFailure reason, short alertDescription, String message) {
        failure = reason;
        return new TlsFatalAlert(alertDescription, message);
    }

    /** From {@code notifyAlertReceived}: remembers a fatal alert from the peer. */
    void alertReceived(short alertLevel, short alertDescription) {
        if (alertLevel == AlertLevel.fatal) {
            peerAlert = alertDescription;
        }
    }

    /**
     * Exports the DTLS-SRTP keys (RFC 5764 §4.2). Call it from {@code notifyHandshakeComplete}:
     * BouncyCastle allows the exporter only there, after both Finished messages. The fingerprint
     * check is asserted again so that no code path exports keys for an unchecked peer.
     *
     * @param role our side of the handshake, which decides which half of the material is ours
     */
    void export(TlsContext context, DtlsRole role) throws IOException {
        if (verifiedPeer == null || profile == null) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "handshake completed unverified");
        }
        byte[] material = context.exportKeyingMaterial(EXPORTER_LABEL, null, profile.keyingMaterialLength());
        keys = new DtlsSrtpKeys(profile, material, role);
    }

    /** @return the keys, once the handshake completed */
    DtlsSrtpKeys keys() {
        if (keys == null) {
            throw new IllegalStateException("handshake not complete");
        }
        return keys;
    }

    /** @return the peer's fingerprint once its certificate matched, else null */
    DtlsFingerprint verifiedPeer() {
        return verifiedPeer;
    }

    /** @return the reason our own policy rejected the peer, or null */
    DtlsFailure policyFailure() {
        return failure;
    }

    /** @return the fatal alert the peer sent, or -1 */
    short peerAlert() {
        return peerAlert;
    }
}
