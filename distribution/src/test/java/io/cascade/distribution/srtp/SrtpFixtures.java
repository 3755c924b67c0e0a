// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp;

import io.cascade.distribution.rtp.HexVector;
import io.cascade.distribution.rtp.PooledBuffers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.Random;

/**
 * Keys, contexts, packets and buffers for the srtp tests. Buffers come from the pooled direct
 * allocator (leak-tracked) or the heap, always with {@link SrtpProfile#MAX_OVERHEAD} tailroom.
 */
final class SrtpFixtures {
    static final HexFormat HEX = HexFormat.of();

    private SrtpFixtures() {
    }

    static byte[] hex(String hex) {
        return HEX.parseHex(hex.replaceAll("\\s+", ""));
    }

    static byte[] vector(String name) {
        return HexVector.load("srtp/" + name + ".hex");
    }

    /** A pooled direct buffer holding {@code octets} with 20 octets of tailroom; caller releases. */
    static ByteBuf direct(byte[] octets) {
        return PooledBuffers.ALLOC.directBuffer(octets.length + SrtpProfile.MAX_OVERHEAD).writeBytes(octets);
    }

    /** A heap buffer holding {@code octets} at a non-zero array offset, with tailroom. */
    static ByteBuf heap(byte[] octets) {
        ByteBuf whole = Unpooled.buffer(octets.length + SrtpProfile.MAX_OVERHEAD + 7);
        return whole.slice(7, octets.length + SrtpProfile.MAX_OVERHEAD).writerIndex(0).writeBytes(octets);
    }

    static byte[] readable(ByteBuf buf) {
        return PooledBuffers.readable(buf);
    }

    /** A sender keyed directly with session keys (RFC test vectors give those, not master keys). */
    static SrtpSendContext sender(SrtpProfile profile, SessionKeys keys) {
        return new SrtpSendContext(profile, SrtpTransform.create(profile, keys, keys), SrtpConfig.DEFAULTS);
    }

    static SrtpReceiveContext receiver(SrtpProfile profile, SessionKeys keys) {
        return new SrtpReceiveContext(profile, SrtpTransform.create(profile, keys, keys), SrtpConfig.DEFAULTS);
    }

    /** A random master key for {@code profile}. */
    static SrtpMasterKey masterKey(SrtpProfile profile, Random random) {
        byte[] key = new byte[SrtpProfile.KEY_LENGTH];
        byte[] salt = new byte[profile.saltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        return new SrtpMasterKey(profile, key, salt);
    }

    /**
     * An RTP packet: version 2, {@code csrcs} CSRCs, an RFC 8285 one-byte extension of one word
     * when {@code extension}, and {@code payload} octets of a pattern.
     */
    static byte[] rtp(int ssrc, int seq, int payload, int csrcs, boolean extension) {
        int header = 12 + 4 * csrcs + (extension ? 8 : 0);
        byte[] p = new byte[header + payload];
        p[0] = (byte) (0x80 | (extension ? 0x10 : 0) | csrcs);
        p[1] = 96;
        p[2] = (byte) (seq >>> 8);
        p[3] = (byte) seq;
        BigEndian.putInt(p, 4, 0x1234_5678);
        BigEndian.putInt(p, 8, ssrc);
        for (int i = 0; i < csrcs; i++) {
            BigEndian.putInt(p, 12 + 4 * i, 0xC5C0_0000 + i);
        }
        if (extension) {
            int at = 12 + 4 * csrcs;
            p[at] = (byte) 0xBE;
            p[at + 1] = (byte) 0xDE;
            p[at + 3] = 1;
            p[at + 4] = 0x10;
            p[at + 5] = 0x7F;
        }
        for (int i = header; i < p.length; i++) {
            p[i] = (byte) (i * 7 + seq);
        }
        return p;
    }

    static byte[] rtp(int ssrc, int seq) {
        return rtp(ssrc, seq, 100, 0, false);
    }

    /** A receiver report with one report block: 32 octets, sender SSRC {@code ssrc}. */
    static byte[] rtcp(int ssrc) {
        byte[] p = new byte[32];
        p[0] = (byte) 0x81;
        p[1] = (byte) 201;
        p[3] = 7;
        BigEndian.putInt(p, 4, ssrc);
        for (int i = 8; i < p.length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    /** Protects {@code plain} with {@code sender} and returns the SRTP bytes. */
    static byte[] protect(SrtpSendContext sender, byte[] plain) {
        ByteBuf buf = direct(plain);
        try {
            SrtpResult result = sender.protect(buf);
            if (result != SrtpResult.OK) {
                throw new AssertionError("protect: " + result);
            }
            return readable(buf);
        } finally {
            buf.release();
        }
    }

    static byte[] protectRtcp(SrtpSendContext sender, byte[] plain) {
        ByteBuf buf = direct(plain);
        try {
            SrtpResult result = sender.protectRtcp(buf);
            if (result != SrtpResult.OK) {
                throw new AssertionError("protectRtcp: " + result);
            }
            return readable(buf);
        } finally {
            buf.release();
        }
    }

    /** Unprotects {@code srtp} (RTP or RTCP) with {@code receiver}; the plain bytes, or an assertion error. */
    static byte[] unprotect(SrtpReceiveContext receiver, byte[] srtp, boolean rtcp) {
        ByteBuf buf = direct(srtp);
        try {
            SrtpResult result = rtcp ? receiver.unprotectRtcp(buf) : receiver.unprotect(buf);
            if (result != SrtpResult.OK) {
                throw new AssertionError((rtcp ? "unprotectRtcp: " : "unprotect: ") + result);
            }
            return readable(buf);
        } finally {
            buf.release();
        }
    }
}
