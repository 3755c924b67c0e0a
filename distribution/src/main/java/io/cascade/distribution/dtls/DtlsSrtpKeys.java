// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of a DTLS-SRTP handshake: the negotiated profile and the keying material exported
 * with the label "EXTRACTOR-dtls_srtp" (RFC 5764 §4.2), laid out as
 * {@code client_write_SRTP_master_key | server_write_SRTP_master_key |
 * client_write_SRTP_master_salt | server_write_SRTP_master_salt}. Our {@code role} tells the SRTP
 * layer which half is ours: the client's keys protect what the client sends.
 *
 * <p>Bytes are copied in and out; {@link #toString()} never prints key material.
 */
public record DtlsSrtpKeys(SrtpProtectionProfile profile, byte[] material, DtlsRole role) {

    public DtlsSrtpKeys {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(role, "role");
        if (material.length != profile.keyingMaterialLength()) {
            throw new IllegalArgumentException("material: " + material.length + " bytes, "
                    + profile + " needs " + profile.keyingMaterialLength());
        }
        material = material.clone();
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    /** @return the master key of whoever is {@code writer} */
    public byte[] masterKey(DtlsRole writer) {
        int k = profile.masterKeyLength();
        int from = writer == DtlsRole.CLIENT ? 0 : k;
        return Arrays.copyOfRange(material, from, from + k);
    }

    /** @return the master salt of whoever is {@code writer} */
    public byte[] masterSalt(DtlsRole writer) {
        int k = profile.masterKeyLength();
        int s = profile.masterSaltLength();
        int from = 2 * k + (writer == DtlsRole.CLIENT ? 0 : s);
        return Arrays.copyOfRange(material, from, from + s);
    }

    /** @return key for what we send (SRTP encrypt side) */
    public byte[] localMasterKey() {
        return masterKey(role);
    }

    /** @return salt for what we send */
    public byte[] localMasterSalt() {
        return masterSalt(role);
    }

    /** @return key for what the peer sends (SRTP decrypt side) */
    public byte[] remoteMasterKey() {
        return masterKey(peerRole());
    }

    /** @return salt for what the peer sends */
    public byte[] remoteMasterSalt() {
        return masterSalt(peerRole());
    }

    private DtlsRole peerRole() {
        return role == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DtlsSrtpKeys other && profile == other.profile && role == other.role
                && java.security.MessageDigest.isEqual(material, other.material);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, role);
    }

    @Override
    public String toString() {
        return "DtlsSrtpKeys[profile=" + profile + ", role=" + role + ", material=<"
                + material.length + " bytes>]";
    }
}
