// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static io.cascade.distribution.srtp.SrtpFixtures.hex;
import static io.cascade.distribution.srtp.SrtpFixtures.readable;
import static io.cascade.distribution.srtp.SrtpFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SRTP_AES128_CM_HMAC_SHA1_80 end to end against libsrtp's reference packets (RFC 3711 has no
 * packet-level vectors): master key and salt of RFC 3711 B.3, through the key derivation for
 * SRTP (labels 0-2) and SRTCP (labels 3-5), AES-CM and HMAC-SHA1.
 */
@ExtendWith(LeakDetection.class)
class LibsrtpReferenceTest {
    private static final SrtpProfile PROFILE = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
    private static final SrtpMasterKey MASTER = new SrtpMasterKey(PROFILE, hex("e1f97a0d3e018be0d64fa32c06de4139"),
            hex("0ec675ad498afeebb6960b3aabe6"));
    private static final int SSRC = 0xcafebabe;

    @Test
    void protectsRtpAndRtcpToTheReferenceBytes() {
        SrtpSendContext sender = new SrtpSendContext(PROFILE, MASTER, SrtpConfig.DEFAULTS);

        assertThat(SrtpFixtures.protect(sender, vector("libsrtp-rtp-plain"))).isEqualTo(vector("libsrtp-rtp-protected"));
        // The reference SRTCP packet carries index 1: the sender's second for this SSRC.
        SrtpFixtures.protectRtcp(sender, SrtpFixtures.rtcp(SSRC));
        assertThat(SrtpFixtures.protectRtcp(sender, vector("libsrtp-rtcp-plain")))
                .isEqualTo(vector("libsrtp-rtcp-protected"));
    }

    @Test
    void unprotectsTheReferenceBytes() {
        SrtpReceiveContext receiver = new SrtpReceiveContext(PROFILE, MASTER, SrtpConfig.DEFAULTS);
        ByteBuf rtp = SrtpFixtures.direct(vector("libsrtp-rtp-protected"));
        ByteBuf rtcp = SrtpFixtures.direct(vector("libsrtp-rtcp-protected"));
        try {
            assertThat(receiver.unprotect(rtp)).isEqualTo(SrtpResult.OK);
            assertThat(readable(rtp)).isEqualTo(vector("libsrtp-rtp-plain"));
            assertThat(receiver.unprotectRtcp(rtcp)).isEqualTo(SrtpResult.OK);
            assertThat(readable(rtcp)).isEqualTo(vector("libsrtp-rtcp-plain"));
        } finally {
            rtp.release();
            rtcp.release();
        }
    }

    /** libsrtp's rejectInvalid check, as jitsi-srtp runs it: every truncation is refused. */
    @Test
    void refusesEveryTruncationOfTheReferencePackets() {
        byte[] srtp = vector("libsrtp-rtp-protected");
        byte[] srtcp = vector("libsrtp-rtcp-protected");
        for (int len = 0; len < srtp.length; len++) {
            assertThat(unprotect(srtp, len, false)).as("SRTP cut to %d", len).isNotEqualTo(SrtpResult.OK);
        }
        for (int len = 0; len < srtcp.length; len++) {
            assertThat(unprotect(srtcp, len, true)).as("SRTCP cut to %d", len).isNotEqualTo(SrtpResult.OK);
        }
    }

    private static SrtpResult unprotect(byte[] packet, int len, boolean rtcp) {
        SrtpReceiveContext receiver = new SrtpReceiveContext(PROFILE, MASTER, SrtpConfig.DEFAULTS);
        ByteBuf buf = SrtpFixtures.direct(java.util.Arrays.copyOf(packet, len));
        try {
            return rtcp ? receiver.unprotectRtcp(buf) : receiver.unprotect(buf);
        } finally {
            buf.release();
        }
    }
}
