// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp.bench;

import io.cascade.distribution.srtp.SrtpProfile;
import java.security.GeneralSecurityException;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.utils.logging2.LoggerImpl;

/**
 * jitsi-srtp ({@code org.jitsi:jitsi-srtp}, OpenSSL through JNI where it loads, else SunJCE)
 * keyed like our contexts, for the benchmark and the interop test. Test scope only.
 */
public final class JitsiSrtp {
    private JitsiSrtp() {
    }

    /** The jitsi policy for {@code profile}: SRTP and SRTCP differ only in the _32 tag. */
    public static SrtpPolicy policy(SrtpProfile profile, boolean rtcp) {
        if (profile.aead()) {
            return new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, 16, SrtpPolicy.NULL_AUTHENTICATION, 0, 16, 12);
        }
        int tag = rtcp ? profile.rtcpOverhead() - 4 : profile.rtpOverhead();
        return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, 16, SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tag, 14);
    }

    /** A jitsi context factory for one direction, keyed with a master key and salt. */
    public static SrtpContextFactory factory(SrtpProfile profile, boolean sender, byte[] key, byte[] salt,
            boolean replayProtection) {
        SrtpPolicy rtp = policy(profile, false);
        SrtpPolicy rtcp = policy(profile, true);
        rtp.setReceiveReplayEnabled(replayProtection);
        rtcp.setReceiveReplayEnabled(replayProtection);
        return new SrtpContextFactory(sender, key, salt, rtp, rtcp, new LoggerImpl(JitsiSrtp.class.getName()));
    }

    public static SrtpCryptoContext rtp(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveContext(ssrc, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SrtcpCryptoContext rtcp(SrtpContextFactory factory, int ssrc) {
        try {
            return factory.deriveControlContext(ssrc);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
