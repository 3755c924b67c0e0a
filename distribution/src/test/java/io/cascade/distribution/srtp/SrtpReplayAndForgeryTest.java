// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static io.cascade.distribution.srtp.SrtpFixtures.readable;
import static io.cascade.distribution.srtp.SrtpRoundTripTest.pair;
import static io.cascade.distribution.srtp.SrtpRoundTripTest.unprotect;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Replay protection (RFC 3711 §3.3.2) and what a bad packet may not do: change the buffer, move
 * the ROC or the window, or create state.
 */
@ExtendWith(LeakDetection.class)
class SrtpReplayAndForgeryTest {
    private static final int SSRC = 0x0BAD_CAFE;

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSamePacketTwiceIsReplayed(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 10);
        byte[] srtp = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 500));
        assertThat(unprotect(pair.receiver(), srtp)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(pair.receiver(), srtp)).isEqualTo(SrtpResult.REPLAYED);

        byte[] srtcp = SrtpFixtures.protectRtcp(pair.sender(), SrtpFixtures.rtcp(SSRC));
        assertThat(unprotectRtcp(pair.receiver(), srtcp)).isEqualTo(SrtpResult.OK);
        assertThat(unprotectRtcp(pair.receiver(), srtcp)).isEqualTo(SrtpResult.REPLAYED);
        assertThat(pair.receiver().count(SrtpResult.REPLAYED)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aPacketOlderThanTheWindowIsTooOldAndOneJustInsideIsAccepted(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 11);
        byte[] old = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 1000));
        byte[] edge = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 1001));
        for (int seq = 1002; seq <= 1064; seq++) {
            assertThat(unprotect(pair.receiver(), SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, seq))))
                    .isEqualTo(SrtpResult.OK);
        }
        // Highest is 1064; the 64-packet window holds 1001..1064.
        assertThat(unprotect(pair.receiver(), old)).isEqualTo(SrtpResult.TOO_OLD);
        assertThat(unprotect(pair.receiver(), edge)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(pair.receiver(), edge)).isEqualTo(SrtpResult.REPLAYED);
    }

    @Test
    void aWiderConfiguredWindowAcceptsOlderPackets() {
        SrtpProfile profile = SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80;
        SrtpMasterKey master = SrtpFixtures.masterKey(profile, new Random(12));
        SrtpConfig wide = new SrtpConfig(1024, 8);
        SrtpSendContext sender = new SrtpSendContext(profile, master, wide);
        SrtpReceiveContext receiver = new SrtpReceiveContext(profile, master, wide);
        byte[] late = SrtpFixtures.protect(sender, SrtpFixtures.rtp(SSRC, 0));
        for (int seq = 1; seq < 1000; seq++) {
            assertThat(unprotect(receiver, SrtpFixtures.protect(sender, SrtpFixtures.rtp(SSRC, seq)))).isEqualTo(SrtpResult.OK);
        }
        assertThat(unprotect(receiver, late)).isEqualTo(SrtpResult.OK);
        assertThat(unprotect(receiver, late)).isEqualTo(SrtpResult.REPLAYED);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void anyFlippedBitFailsAuthenticationAndChangesNothing(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 13);
        assertThat(unprotect(pair.receiver(), SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 7)))).isEqualTo(SrtpResult.OK);
        byte[] next = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 8, 40, 1, true));
        for (int bit = 0; bit < next.length * 8; bit++) {
            byte[] forged = next.clone();
            forged[bit / 8] ^= (byte) (1 << (bit % 8));
            ByteBuf buf = SrtpFixtures.direct(forged);
            try {
                int writer = buf.writerIndex();
                SrtpResult result = pair.receiver().unprotect(buf);
                assertThat(result).as("bit %d", bit).isIn(SrtpResult.AUTH_FAILED, SrtpResult.MALFORMED,
                        SrtpResult.TOO_SHORT, SrtpResult.TOO_OLD, SrtpResult.REPLAYED);
                assertThat(readable(buf)).as("bit %d leaves the buffer alone", bit).isEqualTo(forged);
                assertThat(buf.writerIndex()).isEqualTo(writer);
            } finally {
                buf.release();
            }
        }
        assertThat(pair.receiver().highestIndex(SSRC)).isEqualTo(7);
        assertThat(pair.receiver().streamCount()).isEqualTo(1);
        assertThat(unprotect(pair.receiver(), next)).isEqualTo(SrtpResult.OK);
    }

    /** A forgery whose sequence number implies ROC + 1 must not move the ROC (RFC 3711 §3.3.1). */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aForgedPacketAcrossTheWrapDoesNotAdvanceTheRolloverCounter(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 14);
        assertThat(unprotect(pair.receiver(), SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 65000)))).isEqualTo(SrtpResult.OK);
        byte[] forged = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 65001));
        forged[2] = 0;
        forged[3] = 5;
        assertThat(unprotect(pair.receiver(), forged)).isEqualTo(SrtpResult.AUTH_FAILED);
        assertThat(pair.receiver().highestIndex(SSRC)).isEqualTo(65000);
        assertThat(unprotect(pair.receiver(), SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 65002)))).isEqualTo(SrtpResult.OK);
        assertThat(pair.receiver().highestIndex(SSRC)).isEqualTo(65002);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void aForgedPacketForANewSsrcCreatesNoState(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 15);
        byte[] srtp = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 1));
        srtp[srtp.length - 1] ^= 1;
        assertThat(unprotect(pair.receiver(), srtp)).isEqualTo(SrtpResult.AUTH_FAILED);
        byte[] srtcp = SrtpFixtures.protectRtcp(pair.sender(), SrtpFixtures.rtcp(SSRC + 1));
        srtcp[9] ^= 1;
        assertThat(unprotectRtcp(pair.receiver(), srtcp)).isEqualTo(SrtpResult.AUTH_FAILED);
        assertThat(pair.receiver().streamCount()).isZero();
        assertThat(pair.receiver().count(SrtpResult.AUTH_FAILED)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void truncatedPacketsAreTooShort(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 16);
        byte[] srtp = SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 1, 0, 2, true));
        int headers = 12 + 8 + 8;
        for (int len = 0; len < headers + profile.rtpOverhead(); len++) {
            assertThat(unprotect(pair.receiver(), Arrays.copyOf(srtp, len))).as("cut to %d", len).isEqualTo(SrtpResult.TOO_SHORT);
        }
        byte[] srtcp = SrtpFixtures.protectRtcp(pair.sender(), SrtpFixtures.rtcp(SSRC));
        for (int len = 0; len < 8 + profile.rtcpOverhead(); len++) {
            assertThat(unprotectRtcp(pair.receiver(), Arrays.copyOf(srtcp, len))).as("cut to %d", len).isEqualTo(SrtpResult.TOO_SHORT);
        }
        assertThat(pair.receiver().streamCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void theSenderNeverProtectsAnIndexTwice(SrtpProfile profile) {
        SrtpContexts pair = pair(profile, 17);
        SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 300));
        SrtpFixtures.protect(pair.sender(), SrtpFixtures.rtp(SSRC, 400));
        assertThat(protect(pair.sender(), SrtpFixtures.rtp(SSRC, 400))).isEqualTo(SrtpResult.REPLAYED);
        assertThat(protect(pair.sender(), SrtpFixtures.rtp(SSRC, 300))).isEqualTo(SrtpResult.TOO_OLD);
        assertThat(protect(pair.sender(), SrtpFixtures.rtp(SSRC, 399))).isEqualTo(SrtpResult.OK);
    }

    @Test
    void boundsAndFormatAreCheckedBeforeAnyState() {
        SrtpProfile profile = SrtpProfile.SRTP_AEAD_AES_128_GCM;
        SrtpMasterKey master = SrtpFixtures.masterKey(profile, new Random(18));
        SrtpSendContext sender = new SrtpSendContext(profile, master, new SrtpConfig(64, 1));
        SrtpReceiveContext receiver = new SrtpReceiveContext(profile, master, new SrtpConfig(64, 1));

        byte[] first = SrtpFixtures.protect(sender, SrtpFixtures.rtp(1, 1));
        assertThat(protect(sender, SrtpFixtures.rtp(2, 1))).isEqualTo(SrtpResult.STREAM_LIMIT);
        assertThat(unprotect(receiver, first)).isEqualTo(SrtpResult.OK);
        SrtpSendContext other = new SrtpSendContext(profile, master, SrtpConfig.DEFAULTS);
        assertThat(unprotect(receiver, SrtpFixtures.protect(other, SrtpFixtures.rtp(2, 1)))).isEqualTo(SrtpResult.STREAM_LIMIT);
        assertThat(receiver.removeStream(1)).isTrue();
        assertThat(unprotect(receiver, SrtpFixtures.protect(other, SrtpFixtures.rtp(2, 2)))).isEqualTo(SrtpResult.OK);

        byte[] version1 = SrtpFixtures.rtp(3, 1);
        version1[0] = 0x40;
        assertThat(protect(other, version1)).isEqualTo(SrtpResult.MALFORMED);
        ByteBuf full = io.cascade.distribution.rtp.PooledBuffers.of(SrtpFixtures.rtp(3, 1));
        try {
            assertThat(other.protect(full)).isEqualTo(SrtpResult.NO_TAILROOM);
        } finally {
            full.release();
        }
    }

    static SrtpResult protect(SrtpSendContext sender, byte[] plain) {
        ByteBuf buf = SrtpFixtures.direct(plain);
        try {
            return sender.protect(buf);
        } finally {
            buf.release();
        }
    }

    static SrtpResult unprotectRtcp(SrtpReceiveContext receiver, byte[] srtcp) {
        ByteBuf buf = SrtpFixtures.direct(srtcp);
        try {
            return receiver.unprotectRtcp(buf);
        } finally {
            buf.release();
        }
    }
}
