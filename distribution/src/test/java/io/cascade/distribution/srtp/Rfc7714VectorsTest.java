// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import static io.cascade.distribution.srtp.SrtpFixtures.hex;
import static io.cascade.distribution.srtp.SrtpFixtures.readable;
import static io.cascade.distribution.srtp.SrtpFixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7714 §16 (AEAD_AES_128_GCM) vectors through the public contexts, byte for byte, on direct
 * and heap buffers. The RFC gives session keys, so the contexts are keyed with them directly.
 */
@ExtendWith(LeakDetection.class)
class Rfc7714VectorsTest {
    private static final SrtpProfile GCM = SrtpProfile.SRTP_AEAD_AES_128_GCM;
    private static final SessionKeys KEYS = new SessionKeys(hex("000102030405060708090a0b0c0d0e0f"), new byte[0],
            hex("517569642070726f2071756f"));
    private static final int RTCP_SSRC = 0x4d617273;
    private static final int RTCP_INDEX = 0x5d4;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rtpEncryptionIsSection16_1_1(boolean direct) {
        byte[] out = run(direct, vector("rfc7714-rtp-plain"), buf -> SrtpFixtures.sender(GCM, KEYS).protect(buf));
        assertThat(out).isEqualTo(vector("rfc7714-rtp-protected"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rtpDecryptionIsSection16_1_2(boolean direct) {
        byte[] out = run(direct, vector("rfc7714-rtp-protected"), buf -> SrtpFixtures.receiver(GCM, KEYS).unprotect(buf));
        assertThat(out).isEqualTo(vector("rfc7714-rtp-plain"));
    }

    /** The sender numbers SRTCP from 0 per SSRC, so the vector's index 0x5d4 is its 1493rd packet. */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rtcpEncryptionIsSection16_2_1(boolean direct) {
        SrtpSendContext sender = SrtpFixtures.sender(GCM, KEYS);
        for (int i = 0; i < RTCP_INDEX; i++) {
            SrtpFixtures.protectRtcp(sender, SrtpFixtures.rtcp(RTCP_SSRC));
        }
        byte[] out = run(direct, vector("rfc7714-rtcp-plain"), sender::protectRtcp);
        assertThat(out).isEqualTo(vector("rfc7714-rtcp-protected"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rtcpDecryptionIsSection16_2_2(boolean direct) {
        byte[] out = run(direct, vector("rfc7714-rtcp-protected"),
                buf -> SrtpFixtures.receiver(GCM, KEYS).unprotectRtcp(buf));
        assertThat(out).isEqualTo(vector("rfc7714-rtcp-plain"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void authenticatedOnlyRtcpIsVerifiedAndStripped(boolean direct) {
        byte[] out = run(direct, vector("rfc7714-rtcp-authenticated"),
                buf -> SrtpFixtures.receiver(GCM, KEYS).unprotectRtcp(buf));
        assertThat(out).isEqualTo(vector("rfc7714-rtcp-plain"));
    }

    private static byte[] run(boolean direct, byte[] in, Function<ByteBuf, SrtpResult> step) {
        ByteBuf buf = direct ? SrtpFixtures.direct(in) : SrtpFixtures.heap(in);
        try {
            assertThat(step.apply(buf)).isEqualTo(SrtpResult.OK);
            return readable(buf);
        } finally {
            buf.release();
        }
    }
}
