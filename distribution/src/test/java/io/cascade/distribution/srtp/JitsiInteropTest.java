// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.cascade.distribution.srtp.bench.JitsiPacket;
import io.cascade.distribution.srtp.bench.JitsiSrtp;
import java.util.Random;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Byte-level interoperability with an independent implementation, jitsi-srtp (which Jitsi
 * Videobridge runs against browsers): each side unprotects what the other protected, for RTP
 * across a ROC wrap and for RTCP, from the same master key. This covers what the RFC vectors do
 * not: key derivation with AES-GCM's 96-bit salt (RFC 7714 §11) and SRTCP labels 3-5 for it, and
 * the _32 profile.
 */
@ExtendWith(LeakDetection.class)
class JitsiInteropTest {
    private static final int SSRC = 0x3A3B_3C3D;
    private static final int[] SEQUENCES = {65530, 65533, 65535, 0, 1, 2, 700};

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void jitsiUnprotectsWhatWeProtect(SrtpProfile profile) throws Exception {
        SrtpMasterKey master = SrtpFixtures.masterKey(profile, new Random(profile.ordinal()));
        SrtpSendContext ours = new SrtpSendContext(profile, master, SrtpConfig.DEFAULTS);
        SrtpContextFactory theirs = JitsiSrtp.factory(profile, false, master.key(), master.salt(), true);
        SrtpCryptoContext rtp = JitsiSrtp.rtp(theirs, SSRC);
        SrtcpCryptoContext rtcp = JitsiSrtp.rtcp(theirs, SSRC);
        JitsiPacket packet = new JitsiPacket(2048);
        for (int seq : SEQUENCES) {
            byte[] plain = SrtpFixtures.rtp(SSRC, seq, 90 + seq % 50, 1, true);
            assertThat(rtp.reverseTransformPacket(packet.set(SrtpFixtures.protect(ours, plain)), false))
                    .as("seq %d", seq).isEqualTo(SrtpErrorStatus.OK);
            assertThat(packet.bytes()).isEqualTo(plain);
        }
        for (int i = 0; i < 3; i++) {
            byte[] plain = SrtpFixtures.rtcp(SSRC);
            assertThat(rtcp.reverseTransformPacket(packet.set(SrtpFixtures.protectRtcp(ours, plain))))
                    .isEqualTo(SrtpErrorStatus.OK);
            assertThat(packet.bytes()).isEqualTo(plain);
        }
        theirs.close();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void weUnprotectWhatJitsiProtects(SrtpProfile profile) throws Exception {
        SrtpMasterKey master = SrtpFixtures.masterKey(profile, new Random(100 + profile.ordinal()));
        SrtpReceiveContext ours = new SrtpReceiveContext(profile, master, SrtpConfig.DEFAULTS);
        SrtpContextFactory theirs = JitsiSrtp.factory(profile, true, master.key(), master.salt(), true);
        SrtpCryptoContext rtp = JitsiSrtp.rtp(theirs, SSRC);
        SrtcpCryptoContext rtcp = JitsiSrtp.rtcp(theirs, SSRC);
        JitsiPacket packet = new JitsiPacket(2048);
        for (int seq : SEQUENCES) {
            byte[] plain = SrtpFixtures.rtp(SSRC, seq, 90 + seq % 50, 0, seq % 2 == 0);
            assertThat(rtp.transformPacket(packet.set(plain))).isEqualTo(SrtpErrorStatus.OK);
            assertThat(SrtpFixtures.unprotect(ours, packet.bytes(), false)).as("seq %d", seq).isEqualTo(plain);
        }
        assertThat(ours.highestIndex(SSRC)).isEqualTo(1L << 16 | 700);
        for (int i = 0; i < 3; i++) {
            byte[] plain = SrtpFixtures.rtcp(SSRC);
            assertThat(rtcp.transformPacket(packet.set(plain))).isEqualTo(SrtpErrorStatus.OK);
            assertThat(SrtpFixtures.unprotect(ours, packet.bytes(), true)).isEqualTo(plain);
        }
        theirs.close();
    }
}
