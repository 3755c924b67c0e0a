// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link DtlsServerSession}'s handshake ended. Keys exist only in {@link Established}, so a
 * caller cannot start SRTP after a failed fingerprint check (the flaw of pion CVE-2021-28681).
 */
public sealed interface DtlsHandshakeResult {

    /**
     * The handshake completed, the client proved possession of its certificate's private key
     * (CertificateVerify) and that certificate matched the SDP fingerprint.
     */
    record Established(DtlsSrtpKeys keys, DtlsFingerprint peerFingerprint, Duration elapsed)
            implements DtlsHandshakeResult {
        public Established {
            Objects.requireNonNull(keys, "keys");
            Objects.requireNonNull(peerFingerprint, "peerFingerprint");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** The handshake failed; {@code detail} is for logs, never for the peer. */
    record Failed(DtlsFailure reason, String detail, Duration elapsed) implements DtlsHandshakeResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }
}
