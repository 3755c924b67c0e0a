// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DtlsFingerprintTest {
    private static final DtlsCertificate CERT = DtlsCertificate.generate(new SecureRandom());

    @Test
    void certificateFingerprintHasTheRfc8122Form() {
        String sdp = CERT.sdpFingerprint();
        assertThat(sdp).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(DtlsFingerprint.parse(sdp)).isEqualTo(CERT.fingerprint());
        assertThat(CERT.fingerprint().matchesCertificate(CERT.encoded())).isTrue();
    }

    @Test
    void parseIsCaseInsensitiveAsBrowsersVary() {
        String lower = CERT.sdpFingerprint().toLowerCase(java.util.Locale.ROOT).replace("sha-256", "SHA-256");
        assertThat(DtlsFingerprint.parse("  " + lower + " ").matches(CERT.fingerprint())).isTrue();
    }

    @Test
    void rejectsWeakOrMalformedValuesNamingTheField() {
        assertThatThrownBy(() -> DtlsFingerprint.parse("sha-1 AB:CD")).isInstanceOfSatisfying(
                DtlsFingerprintFormatException.class, e -> assertThat(e.field()).isEqualTo("hash-func"));
        assertThatThrownBy(() -> DtlsFingerprint.parse("sha-256 AB:CD")).isInstanceOfSatisfying(
                DtlsFingerprintFormatException.class, e -> assertThat(e.field()).isEqualTo("fingerprint"));
        String bad = CERT.sdpFingerprint().replace(':', '-');
        assertThatThrownBy(() -> DtlsFingerprint.parse(bad)).isInstanceOf(DtlsFingerprintFormatException.class);
        assertThatThrownBy(() -> DtlsFingerprint.parse("sha-256")).isInstanceOf(DtlsFingerprintFormatException.class);
    }

    @Test
    void differentCertificatesDoNotMatch() {
        DtlsCertificate other = DtlsCertificate.generate(new SecureRandom());
        assertThat(CERT.fingerprint().matches(other.fingerprint())).isFalse();
        assertThat(CERT.fingerprint().matchesCertificate(other.encoded())).isFalse();
    }

    @Test
    void srtpKeysFollowTheRfc5764Layout() {
        byte[] material = new byte[60];
        for (int i = 0; i < material.length; i++) {
            material[i] = (byte) i;
        }
        DtlsSrtpKeys keys = new DtlsSrtpKeys(SrtpProtectionProfile.AES128_CM_HMAC_SHA1_80, material, DtlsRole.SERVER);
        // client key 0..15, server key 16..31, client salt 32..45, server salt 46..59 (§4.2)
        assertThat(keys.remoteMasterKey()[0]).isEqualTo((byte) 0);
        assertThat(keys.localMasterKey()[0]).isEqualTo((byte) 16);
        assertThat(keys.remoteMasterSalt()).hasSize(14).startsWith((byte) 32);
        assertThat(keys.localMasterSalt()).hasSize(14).startsWith((byte) 46);
        assertThat(keys.toString()).doesNotContain("16,").contains("60 bytes");
        assertThatThrownBy(() -> new DtlsSrtpKeys(SrtpProtectionProfile.AEAD_AES_128_GCM, material, DtlsRole.SERVER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SrtpProtectionProfile.select(new int[] {0x0001, 0x0007})).contains(SrtpProtectionProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProtectionProfile.select(new int[] {0x0002})).isEmpty();
    }
}
