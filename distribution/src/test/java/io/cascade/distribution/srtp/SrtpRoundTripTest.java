// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static io.cascade.distribution.srtp.SrtpFixtures.readable;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Protect then unprotect gives the packet back, for every profile, shape and buffer kind. */
@ExtendWith(LeakDetection.class)
class SrtpRoundTripTest {
    private static final int SSRC = 0x1122_3344;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpOfEveryShapeComesBackOnDirectAndHeapBuffers(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 1);
        int seq = 100;
        for (int csrcs : new int[] {0, 2, 15}) {
            for (boolean extension : new boolean[] {false, true}) {
                for (int payload : new int[] {0, 1, 15, 16, 17, 160, 1200}) {
                    for (boolean direct : new boolean[] {true, false}) {
                        byte[] plain = SrtpFixtures.rtp(SSRC, seq++, payload, csrcs, extension);
                        ByteBuf buf = direct ? SrtpFixtures.direct(plain) : SrtpFixtures.heap(plain);
                        try {
                            assertThat(pair.sender().protect(buf)).isEqualTo(SrtpResult.OK);
                            assertThat(buf.readableBytes()).isEqualTo(plain.length + profile.rtpOverhead());
                            int header = plain.length - payload;
                            assertThat(readable(buf)).startsWith(Arrays.copyOf(plain, header));
                            assertThat(pair.receiver().unprotect(buf)).isEqualTo(SrtpResult.OK);
                            assertThat(readable(buf)).isEqualTo(plain);
                        } finally {
                            buf.release();
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpComesBackAndIsEncryptedAfterTheFirstEightOctets(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 2);
        for (int i = 0; i < 3; i++) {
            byte[] plain = SrtpFixtures.rtcp(SSRC);
            byte[] srtcp = SrtpFixtures.protectRtcp(pair.sender(), plain);
            assertThat(srtcp).hasSize(plain.length + profile.rtcpOverhead()).startsWith(Arrays.copyOf(plain, 8));
            assertThat(Arrays.copyOfRange(srtcp, 8, plain.length)).isNotEqualTo(Arrays.copyOfRange(plain, 8, plain.length));
            ByteBuf buf = SrtpFixtures.direct(srtcp);
            try {
                assertThat(pair.receiver().unprotectRtcp(buf)).isEqualTo(SrtpResult.OK);
                assertThat(readable(buf)).isEqualTo(plain);
            } finally {
                buf.release();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rolloverCounterAdvancesAtSequence65535To0OnBothSides(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 3);
        for (int seq : new int[] {65533, 65534, 65535, 0, 1, 2}) {
            roundTrip(pair, SrtpFixtures.rtp(SSRC, seq));
        }
        assertThat(pair.receiver().highestIndex(SSRC)).isEqualTo(1L << 16 | 2);
        // A late packet from before the wrap is still ROC 0 and decrypts.
        roundTripExpecting(pair, SrtpFixtures.rtp(SSRC, 65530), SrtpResult.OK);
        assertThat(pair.receiver().highestIndex(SSRC)).isEqualTo(1L << 16 | 2);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void manyRolloversAndReorderingWithinTheWindowKeepTheContextsInStep(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 4);
        Random random = new Random(3711);
        int seq = 60_000;
        for (int i = 0; i < 3 * 65_536; i += 997) {
            // Send a few in swapped order: the receiver must accept both.
            int a = (seq + i) & 0xFFFF;
            int b = (a + 1) & 0xFFFF;
            byte[] second = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, b, random.nextInt(200), 0, false));
            byte[] first = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, a, random.nextInt(200), 0, false));
            assertThat(unprotect(pair.receiver(), second)).isEqualTo(SrtpResult.OK);
            assertThat(unprotect(pair.receiver(), first)).isEqualTo(SrtpResult.OK);
        }
        assertThat(pair.receiver().highestIndex(SSRC) >>> 16).isEqualTo(3);
    }

    @Test
    void eachSsrcHasItsOwnRolloverCounterAndSrtcpIndex() {
        SrtpContexts pair = pair(SrtpProfile.SRTP_AEAD_AES_128_GCM, 5);
        roundTrip(pair, SrtpFixtures.rtp(1, 65535));
        roundTrip(pair, SrtpFixtures.rtp(1, 0));
        roundTrip(pair, SrtpFixtures.rtp(2, 7));
        assertThat(pair.receiver().highestIndex(1)).isEqualTo(1L << 16);
        assertThat(pair.receiver().highestIndex(2)).isEqualTo(7);
        assertThat(pair.receiver().streamCount()).isEqualTo(2);
    }

    static SrtpContexts pair(SrtpProfile profile, long seed) {
        SrtpMasterKey master = SrtpFixtures.masterKey(profile, new Random(seed));
        return new SrtpContexts(new SrtpSendContext(profile, master, SrtpConfig.DEFAULTS),
                new SrtpReceiveContext(profile, master, SrtpConfig.DEFAULTS));
    }

    static void roundTrip(SrtpContexts pair, byte[] plain) {
        roundTripExpecting(pair, plain, SrtpResult.OK);
    }

    private static void roundTripExpecting(SrtpContexts pair, byte[] plain, SrtpResult expected) {
        ByteBuf buf = SrtpFixtures.direct(plain);
        try {
            assertThat(pair.sender().protect(buf)).isEqualTo(SrtpResult.OK);
            assertThat(pair.receiver().unprotect(buf)).isEqualTo(expected);
            assertThat(readable(buf)).isEqualTo(plain);
        } finally {
            buf.release();
        }
    }

    static SrtpResult unprotect(SrtpReceiveContext receiver, byte[] srtp) {
        ByteBuf buf = SrtpFixtures.direct(srtp);
        try {
            return receiver.unprotect(buf);
        } finally {
            buf.release();
        }
    }
}
