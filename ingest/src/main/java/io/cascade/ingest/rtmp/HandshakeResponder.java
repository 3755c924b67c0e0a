// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Builds S0, S1 and S2 from C0 and C1 (Adobe RTMP spec 1.0 §5.2).
 *
 * <p>Simple handshake (§5.2.2-5.2.4): C0/S0 is the version byte 3; C1/S1 is time (4 bytes),
 * zero (4 bytes) and 1528 random bytes; S2 echoes C1's time and random bytes with the time C1
 * was read in between.
 *
 * <p>Digest handshake: a client that puts a version in C1 bytes 4..7 and a valid digest in C1
 * ({@link HandshakeDigest}) gets an S1 carrying a server version and digest in the same scheme,
 * and an S2 signed with the key derived from its digest, so a client that checks them (FFmpeg
 * when playing, Flash Player) carries on. Anything else gets the simple handshake; a client
 * with a version but no valid digest is then free to fall back, as FFmpeg and librtmp do when
 * S1 has no version.
 */
final class HandshakeResponder {
    /** The RTMP version in C0/S0. */
    static final int VERSION = 3;
    static final int PACKET = HandshakeDigest.PACKET;
    /** Version bytes put in a digest S1; FFmpeg checks the digest when the first is at least 3. */
    private static final byte[] SERVER_VERSION = {4, 5, 0, 1};

    private final RandomGenerator random;
    private final LongSupplier uptimeMillis;

    /**
     * @param random       fills S1 and S2 (injected so tests get fixed bytes)
     * @param uptimeMillis the server's epoch for the time fields
     */
    HandshakeResponder(RandomGenerator random, LongSupplier uptimeMillis) {
        this.random = random;
        this.uptimeMillis = uptimeMillis;
    }

    /** S0 + S1 + S2 (3073 bytes) answering {@code c1}. */
    byte[] respond(byte[] c1) {
        if (c1.length != PACKET) {
            throw new IllegalArgumentException("C1 must be 1536 bytes");
        }
        int now = (int) uptimeMillis.getAsLong();
        boolean clientVersion = c1[4] != 0 || c1[5] != 0 || c1[6] != 0 || c1[7] != 0;
        int scheme = clientVersion ? HandshakeDigest.findClientScheme(c1) : -1;
        byte[] s1 = packet(now, scheme >= 0 ? SERVER_VERSION : new byte[4]);
        byte[] s2;
        if (scheme >= 0) {
            HandshakeDigest.sign(s1, scheme);
            int offset = HandshakeDigest.offset(c1, scheme);
            s2 = packet(now, new byte[4]);
            HandshakeDigest.signResponse(s2, Arrays.copyOfRange(c1, offset, offset + HandshakeDigest.DIGEST));
        } else {
            s2 = c1.clone();
            writeInt(s2, 4, now); // time2: when C1 was read (§5.2.4); time and random echo C1
        }
        byte[] response = new byte[1 + 2 * PACKET];
        response[0] = VERSION;
        System.arraycopy(s1, 0, response, 1, PACKET);
        System.arraycopy(s2, 0, response, 1 + PACKET, PACKET);
        return response;
    }

    private byte[] packet(int time, byte[] version) {
        byte[] packet = new byte[PACKET];
        random.nextBytes(packet);
        writeInt(packet, 0, time);
        System.arraycopy(version, 0, packet, 4, 4);
        return packet;
    }

    private static void writeInt(byte[] to, int at, int value) {
        to[at] = (byte) (value >>> 24);
        to[at + 1] = (byte) (value >>> 16);
        to[at + 2] = (byte) (value >>> 8);
        to[at + 3] = (byte) value;
    }
}
