// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.distribution.rtp.LeakDetection;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Building contexts from DTLS-SRTP exporter output (RFC 5764 §4.2) and validating inputs. */
@ExtendWith(LeakDetection.class)
class SrtpContextsTest {
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void clientAndServerContextsFromOneExportTalkToEachOther(SrtpProfile profile) {
        byte[] exported = new byte[profile.keyingMaterialLength()];
        new Random(5764).nextBytes(exported);
        SrtpContexts client = SrtpContexts.fromDtlsExport(profile, exported, SrtpRole.CLIENT);
        SrtpContexts server = SrtpContexts.fromDtlsExport(profile, exported, SrtpRole.SERVER);

        byte[] up = SrtpFixtures.rtp(1, 10);
        byte[] down = SrtpFixtures.rtp(2, 20);
        assertThat(SrtpRoundTripTest.unprotect(server.receiver(), SrtpFixtures.protect(client.sender(), up)))
                .isEqualTo(SrtpResult.OK);
        assertThat(SrtpRoundTripTest.unprotect(client.receiver(), SrtpFixtures.protect(server.sender(), down)))
                .isEqualTo(SrtpResult.OK);
        // Each side's own receiver does not accept its own sender's packets: the keys differ.
        assertThat(SrtpRoundTripTest.unprotect(client.receiver(), SrtpFixtures.protect(client.sender(), SrtpFixtures.rtp(3, 1))))
                .isEqualTo(SrtpResult.AUTH_FAILED);
    }

    @Test
    void theExportIsSplitKeyKeySaltSalt() {
        SrtpProfile profile = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
        byte[] exported = new byte[60];
        for (int i = 0; i < exported.length; i++) {
            exported[i] = (byte) i;
        }
        SrtpKeyingMaterial material = SrtpKeyingMaterial.parse(profile, exported);
        assertThat(material.client().key()).isEqualTo(Arrays.copyOfRange(exported, 0, 16));
        assertThat(material.server().key()).isEqualTo(Arrays.copyOfRange(exported, 16, 32));
        assertThat(material.client().salt()).isEqualTo(Arrays.copyOfRange(exported, 32, 46));
        assertThat(material.server().salt()).isEqualTo(Arrays.copyOfRange(exported, 46, 60));
        assertThat(material.sendingKey(SrtpRole.CLIENT)).isSameAs(material.client());
        assertThat(material.receivingKey(SrtpRole.CLIENT)).isSameAs(material.server());
        assertThat(material.sendingKey(SrtpRole.SERVER)).isSameAs(material.server());
        assertThat(material).hasToString("SrtpKeyingMaterial[redacted]");
    }

    @Test
    void profilesCarryTheirDtlsCodesAndLengths() {
        assertThat(SrtpProfile.fromCode(0x0001)).isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);
        assertThat(SrtpProfile.fromCode(0x0002)).isEqualTo(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_32);
        assertThat(SrtpProfile.fromCode(0x0007)).isEqualTo(SrtpProfile.SRTP_AEAD_AES_128_GCM);
        assertThatThrownBy(() -> SrtpProfile.fromCode(0x0008)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x0008");
        assertThat(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80.keyingMaterialLength()).isEqualTo(60);
        assertThat(SrtpProfile.SRTP_AEAD_AES_128_GCM.keyingMaterialLength()).isEqualTo(56);
        for (SrtpProfile profile : SrtpProfile.values()) {
            assertThat(Math.max(profile.rtpOverhead(), profile.rtcpOverhead())).isLessThanOrEqualTo(SrtpProfile.MAX_OVERHEAD);
        }
    }

    @Test
    void badLengthsAndLimitsAreRefusedLoudly() {
        assertThatThrownBy(() -> SrtpContexts.fromDtlsExport(SrtpProfile.SRTP_AEAD_AES_128_GCM, new byte[60], SrtpRole.CLIENT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("56");
        assertThatThrownBy(() -> new SrtpMasterKey(SrtpProfile.SRTP_AEAD_AES_128_GCM, new byte[16], new byte[14]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SrtpConfig(32, 10)).hasMessageContaining("replayWindow");
        assertThatThrownBy(() -> new SrtpConfig(100, 10)).hasMessageContaining("replayWindow");
        assertThatThrownBy(() -> new SrtpConfig(64, 0)).hasMessageContaining("maxStreams");
        SrtpProfile cm = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
        SrtpProfile gcm = SrtpProfile.SRTP_AEAD_AES_128_GCM;
        Random random = new Random(1);
        assertThatThrownBy(() -> new SrtpContexts(new SrtpSendContext(cm, SrtpFixtures.masterKey(cm, random), SrtpConfig.DEFAULTS),
                new SrtpReceiveContext(gcm, SrtpFixtures.masterKey(gcm, random), SrtpConfig.DEFAULTS)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
