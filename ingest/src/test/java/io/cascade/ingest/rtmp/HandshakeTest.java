// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.testing.HexVector;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** S0/S1/S2 for simple clients (§5.2) and for FFmpeg's digest C1. */
class HandshakeTest {
    private static final byte[] FFMPEG_C0C1 = HexVector.resource("io/cascade/ingest/rtmp/ffmpeg-c0c1.bin");

    private static HandshakeResponder responder() {
        return new HandshakeResponder(new Random(7), () -> 0x01020304L);
    }

    @Test
    void simpleClientGetsVersionThreeAZeroVersionS1AndAnEchoOfC1() {
        byte[] c1 = new byte[1536];
        new Random(1).nextBytes(c1);
        Arrays.fill(c1, 4, 8, (byte) 0); // zero field: a simple client
        byte[] response = responder().respond(c1);
        assertThat(response).hasSize(1 + 1536 + 1536);
        assertThat(response[0]).as("S0 version").isEqualTo((byte) 3);
        assertThat(Arrays.copyOfRange(response, 1, 9)).as("S1 time, zero")
                .isEqualTo(new byte[] {1, 2, 3, 4, 0, 0, 0, 0});
        byte[] s2 = Arrays.copyOfRange(response, 1537, 3073);
        assertThat(Arrays.copyOfRange(s2, 0, 4)).as("S2 time: C1's").isEqualTo(Arrays.copyOfRange(c1, 0, 4));
        assertThat(Arrays.copyOfRange(s2, 4, 8)).as("S2 time2: when C1 was read").isEqualTo(new byte[] {1, 2, 3, 4});
        assertThat(Arrays.copyOfRange(s2, 8, 1536)).as("S2 random echo").isEqualTo(Arrays.copyOfRange(c1, 8, 1536));
    }

    @Test
    void ffmpegC1CarriesAClientDigestInSchemeZero() {
        assertThat(FFMPEG_C0C1[0]).isEqualTo((byte) 3);
        byte[] c1 = Arrays.copyOfRange(FFMPEG_C0C1, 1, 1537);
        assertThat(Arrays.copyOfRange(c1, 4, 8)).as("FFmpeg's client version 9.0.124.2")
                .isEqualTo(new byte[] {9, 0, 124, 2});
        assertThat(HandshakeDigest.findClientScheme(c1)).isZero();
    }

    @Test
    void digestClientGetsASignedS1AndAnS2KeyedByItsDigest() throws Exception {
        byte[] c1 = Arrays.copyOfRange(FFMPEG_C0C1, 1, 1537);
        byte[] response = responder().respond(c1);
        byte[] s1 = Arrays.copyOfRange(response, 1, 1537);
        byte[] s2 = Arrays.copyOfRange(response, 1537, 3073);
        assertThat(s1[4] & 0xFF).as("server version major, at least 3 so FFmpeg checks").isGreaterThanOrEqualTo(3);

        // Verify as a client does, with the key material written out here rather than taken
        // from HandshakeDigest: "Genuine Adobe Flash Media Server 001" for S1 ...
        int offset = HandshakeDigest.offset(s1, 0);
        byte[] serverKey = "Genuine Adobe Flash Media Server 001".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] withoutDigest = new byte[1536 - 32];
        System.arraycopy(s1, 0, withoutDigest, 0, offset);
        System.arraycopy(s1, offset + 32, withoutDigest, offset, 1536 - offset - 32);
        assertThat(hmac(serverKey, withoutDigest)).isEqualTo(Arrays.copyOfRange(s1, offset, offset + 32));

        // ... and for S2 the full 68-byte key over the client's digest, then over S2's first 1504 bytes.
        byte[] fullKey = HexVector.parse("""
                47 65 6e 75 69 6e 65 20 41 64 6f 62 65 20 46 6c 61 73 68 20 4d 65 64 69 61 20 53 65 72 76 65 72 20 30 30 31
                f0 ee c2 4a 80 68 be e8 2e 00 d0 d1 02 9e 7e 57 6e ec 5d 2d 29 80 6f ab 93 b8 e6 36 cf eb 31 ae
                """);
        int clientOffset = HandshakeDigest.offset(c1, 0);
        byte[] key = hmac(fullKey, Arrays.copyOfRange(c1, clientOffset, clientOffset + 32));
        assertThat(hmac(key, Arrays.copyOf(s2, 1504))).isEqualTo(Arrays.copyOfRange(s2, 1504, 1536));
    }

    @Test
    void versionWithoutAValidDigestFallsBackToTheSimpleHandshake() {
        byte[] c1 = Arrays.copyOfRange(FFMPEG_C0C1, 1, 1537);
        c1[100] ^= 1; // breaks FFmpeg's digest
        assertThat(HandshakeDigest.findClientScheme(c1)).isEqualTo(-1);
        byte[] response = responder().respond(c1);
        assertThat(Arrays.copyOfRange(response, 5, 9)).as("S1 zero field").isEqualTo(new byte[4]);
        assertThat(Arrays.copyOfRange(response, 1537 + 8, 3073)).isEqualTo(Arrays.copyOfRange(c1, 8, 1536));
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }
}
