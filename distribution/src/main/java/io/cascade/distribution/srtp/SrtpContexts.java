// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import java.util.Objects;

/**
 * The two SRTP contexts of a DTLS-SRTP transport: one to protect what this endpoint sends,
 * keyed with its own write key, and one to unprotect what the peer sends, keyed with the peer's
 * (RFC 5764 §4.2). Each is owned by one thread; see their class comments.
 *
 * @param sender protects outgoing RTP and RTCP
 * @param receiver unprotects incoming SRTP and SRTCP
 */
public record SrtpContexts(SrtpSendContext sender, SrtpReceiveContext receiver) {
    /** Both must be non-null and share a profile. */
    public SrtpContexts {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
        if (sender.profile() != receiver.profile()) {
            throw new IllegalArgumentException("sender and receiver use different SRTP profiles");
        }
    }

    /**
     * The contexts for {@code role} from the keying material DTLS exported for the negotiated
     * {@code profile} ({@link SrtpProfile#keyingMaterialLength()} octets, label
     * {@code EXTRACTOR-dtls_srtp}).
     */
    public static SrtpContexts fromDtlsExport(SrtpProfile profile, byte[] exported, SrtpRole role, SrtpConfig config) {
        SrtpKeyingMaterial material = SrtpKeyingMaterial.parse(profile, exported);
        try {
            return new SrtpContexts(new SrtpSendContext(profile, material.sendingKey(role), config),
                    new SrtpReceiveContext(profile, material.receivingKey(role), config));
        } finally {
            material.client().wipe();
            material.server().wipe();
        }
    }

    /** As above with {@link SrtpConfig#DEFAULTS}. */
    public static SrtpContexts fromDtlsExport(SrtpProfile profile, byte[] exported, SrtpRole role) {
        return fromDtlsExport(profile, exported, role, SrtpConfig.DEFAULTS);
    }
}
