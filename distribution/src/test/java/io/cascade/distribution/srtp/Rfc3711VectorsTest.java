// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static io.cascade.distribution.srtp.SrtpFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 3711 Appendix B.2 (AES-CM keystream) and B.3 (key derivation), byte for byte. */
@ExtendWith(LeakDetection.class)
class Rfc3711VectorsTest {
    // B.2: "Session Key", "Session Salt" (given already shifted: the 112-bit salt, then 0000).
    private static final byte[] B2_KEY = hex("2B7E151628AED2A6ABF7158809CF4F3C");
    private static final byte[] B2_SALT = hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");
    private static final byte[] B2_IV = hex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
    private static final String[] B2_FIRST_BLOCKS = {
        "E03EAD0935C95E80E166B16DD92B4EB4", // counter ...0000
        "D23513162B02D0F72A43A2FE4A5F97AB", // counter ...0001
        "41E95B3BB0A2E8DD477901E4FCA894C0", // counter ...0002
    };
    private static final int[] B2_LAST_COUNTERS = {0xFEFF, 0xFF00, 0xFF01};
    private static final String[] B2_LAST_BLOCKS = {
        "EC8CDF7398607CB0F2D21675EA9EA1E4",
        "362B7C3C6773516318A077D7FC5073AE",
        "6A2CC3787889374FBEB4C81B17BA6C44",
    };

    // B.3: master key and salt, and what labels 0x00, 0x02 and 0x01 derive from them.
    private static final byte[] B3_MASTER_KEY = hex("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] B3_MASTER_SALT = hex("0EC675AD498AFEEBB6960B3AABE6");
    private static final byte[] B3_CIPHER_KEY = hex("C61E7A93744F39EE10734AFE3FF7A087");
    private static final byte[] B3_CIPHER_SALT = hex("30CBBC08863D8C85D49DB34A9AE1");
    private static final byte[] B3_AUTH_KEY = hex("""
            CEBE321F6FF7716B6FD4AB49AF256A15
            6D38BAA48F0A0ACF3C34E2359E6CDBCE
            E049646C43D9327AD175578EF7227098
            6371C10C9A369AC2F94A8C5FBCDDDC25
            6D6E919A48B610EF17C2041E47403576
            6B68642C59BBFC2F34DB60DBDFB2""");

    @Test
    void aesCmKeystreamMatchesAppendixB2AtTheStartAndEndOfTheSegment() {
        int blocks = 0xFF02;
        byte[] stream = new byte[blocks * 16];
        new AesCmKeystream(B2_KEY).xor(B2_IV, stream, 0, stream.length);

        for (int i = 0; i < B2_FIRST_BLOCKS.length; i++) {
            assertThat(block(stream, i)).as("counter %04x", i).isEqualTo(hex(B2_FIRST_BLOCKS[i]));
        }
        for (int i = 0; i < B2_LAST_COUNTERS.length; i++) {
            assertThat(block(stream, B2_LAST_COUNTERS[i])).as("counter %04x", B2_LAST_COUNTERS[i])
                    .isEqualTo(hex(B2_LAST_BLOCKS[i]));
        }
    }

    /**
     * B.2's IV is the §4.1.1 IV of SSRC 0 and index 0, so protecting 48 zero octets after a
     * header with SSRC 0, sequence number 0 (ROC 0) must give exactly the first three blocks.
     */
    @Test
    void srtpIvOfSsrcZeroIndexZeroIsTheAppendixB2Offset() {
        SessionKeys keys = new SessionKeys(B2_KEY, new byte[20], B2_SALT);
        SrtpSendContext sender = SrtpFixtures.sender(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, keys);
        byte[] packet = new byte[12 + 48];
        packet[0] = (byte) 0x80;
        packet[1] = 0x0F;

        byte[] srtp = SrtpFixtures.protect(sender, packet);

        assertThat(Arrays.copyOfRange(srtp, 0, 12)).isEqualTo(Arrays.copyOf(packet, 12));
        assertThat(Arrays.copyOfRange(srtp, 12, 60)).isEqualTo(hex(String.join("", B2_FIRST_BLOCKS)));
    }

    @Test
    void keyDerivationMatchesAppendixB3() {
        assertThat(SrtpKeyDerivation.derive(B3_MASTER_KEY, B3_MASTER_SALT, SrtpKeyDerivation.LABEL_RTP_ENCRYPTION, 16))
                .isEqualTo(B3_CIPHER_KEY);
        assertThat(SrtpKeyDerivation.derive(B3_MASTER_KEY, B3_MASTER_SALT, SrtpKeyDerivation.LABEL_RTP_SALT, 14))
                .isEqualTo(B3_CIPHER_SALT);
        // B.3 derives 94 octets of auth key, six AES blocks, to exercise the counter.
        assertThat(SrtpKeyDerivation.derive(B3_MASTER_KEY, B3_MASTER_SALT, SrtpKeyDerivation.LABEL_RTP_AUTHENTICATION,
                94)).isEqualTo(B3_AUTH_KEY);
    }

    @Test
    void sessionKeysOfTheHmacProfilesAreTheAppendixB3Keys() {
        SrtpMasterKey master = new SrtpMasterKey(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, B3_MASTER_KEY,
                B3_MASTER_SALT);
        SessionKeys keys = SrtpKeyDerivation.rtp(SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80, master);

        assertThat(keys.cipherKey()).isEqualTo(B3_CIPHER_KEY);
        assertThat(keys.salt()).isEqualTo(B3_CIPHER_SALT);
        assertThat(keys.authKey()).isEqualTo(Arrays.copyOf(B3_AUTH_KEY, 20));
    }

    private static byte[] block(byte[] stream, int counter) {
        return Arrays.copyOfRange(stream, counter * 16, counter * 16 + 16);
    }
}
