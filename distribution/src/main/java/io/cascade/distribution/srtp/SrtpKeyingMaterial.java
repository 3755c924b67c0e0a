// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import java.util.Arrays;

/**
 * The keying material exported from a DTLS-SRTP handshake, split as RFC 5764 §4.2 lays it out:
 *
 * <pre>
 * client_write_SRTP_master_key[SRTPSecurityParams.master_key_len];
 * server_write_SRTP_master_key[SRTPSecurityParams.master_key_len];
 * client_write_SRTP_master_salt[SRTPSecurityParams.master_salt_len];
 * server_write_SRTP_master_salt[SRTPSecurityParams.master_salt_len];
 * </pre>
 *
 * <p>The DTLS layer exports {@link SrtpProfile#keyingMaterialLength()} octets with the label
 * {@code "EXTRACTOR-dtls_srtp"} and no context (RFC 5705, RFC 5764 §4.2) after it verified the
 * peer's certificate fingerprint; this class only splits them.
 */
public final class SrtpKeyingMaterial {
    private final SrtpMasterKey client;
    private final SrtpMasterKey server;

    private SrtpKeyingMaterial(SrtpMasterKey client, SrtpMasterKey server) {
        this.client = client;
        this.server = server;
    }

    /** Splits {@code exported}, which must be exactly {@code profile.keyingMaterialLength()} octets. */
    public static SrtpKeyingMaterial parse(SrtpProfile profile, byte[] exported) {
        int keyLength = SrtpProfile.KEY_LENGTH;
        int saltLength = profile.saltLength();
        if (exported.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("%s keying material is %d octets, got %d"
                    .formatted(profile, profile.keyingMaterialLength(), exported.length));
        }
        int saltsAt = 2 * keyLength;
        byte[] clientKey = Arrays.copyOfRange(exported, 0, keyLength);
        byte[] serverKey = Arrays.copyOfRange(exported, keyLength, saltsAt);
        byte[] clientSalt = Arrays.copyOfRange(exported, saltsAt, saltsAt + saltLength);
        byte[] serverSalt = Arrays.copyOfRange(exported, saltsAt + saltLength, saltsAt + 2 * saltLength);
        try {
            return new SrtpKeyingMaterial(new SrtpMasterKey(profile, clientKey, clientSalt),
                    new SrtpMasterKey(profile, serverKey, serverSalt));
        } finally {
            Arrays.fill(clientKey, (byte) 0);
            Arrays.fill(serverKey, (byte) 0);
            Arrays.fill(clientSalt, (byte) 0);
            Arrays.fill(serverSalt, (byte) 0);
        }
    }

    /** The client's write key and salt. */
    public SrtpMasterKey client() {
        return client;
    }

    /** The server's write key and salt. */
    public SrtpMasterKey server() {
        return server;
    }

    /** The key {@code role} protects with: its own write key. */
    public SrtpMasterKey sendingKey(SrtpRole role) {
        return role == SrtpRole.CLIENT ? client : server;
    }

    /** The key {@code role} unprotects with: the peer's write key. */
    public SrtpMasterKey receivingKey(SrtpRole role) {
        return role == SrtpRole.CLIENT ? server : client;
    }

    @Override
    public String toString() {
        return "SrtpKeyingMaterial[redacted]";
    }
}
