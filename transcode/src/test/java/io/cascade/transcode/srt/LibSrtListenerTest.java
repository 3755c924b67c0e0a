// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import static io.cascade.transcode.srt.SrtCallers.await;
import static io.cascade.transcode.srt.SrtCallers.caller;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.transcode.media.SourceSink;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The libsrt listener against real ffmpeg SRT callers (Debian's FFmpeg 5.1 with its libsrt): two
 * cameras at once on one port each reach their own sink; killing one ends only that one; wrong
 * keys, stream ids that are not {@code publish:} and a second caller with a live key are rejected
 * in the handshake while the others carry on; datagrams that are not SRT are dropped and the listener stays up.
 */
class LibSrtListenerTest {
    private final Map<String, SrtCallers.Seen> sinks = new ConcurrentHashMap<>();
    private final List<Process> callers = new ArrayList<>();

    @BeforeEach
    void needs() {
        SrtCallers.assumeSrtCaller();
        assumeTrue(LibSrt.available(), "no system libsrt (apt-get install libsrt1.5-gnutls): " + LibSrt.description());
    }

    private Optional<SourceSink> handle(String streamId) {
        if (!streamId.startsWith("publish:cam")) {
            return Optional.empty();
        }
        SrtCallers.Seen s = new SrtCallers.Seen();
        sinks.put(streamId, s);
        return Optional.of(s);
    }

    private Process start(int port, String streamId, int seconds) throws Exception {
        Process p = caller(port, streamId, seconds);
        callers.add(p);
        return p;
    }

    @Test
    @Timeout(90)
    void twoCamerasAtOnceOneEndingLeavesTheOtherAndWrongKeysAreRejected() throws Exception {
        int port = SrtCallers.freeUdpPort();
        try (LibSrtListener listener = LibSrtListener.start("127.0.0.1", port, this::handle)) {
            start(port, "publish:cam1", 0);
            start(port, "publish:cam2", 0);
            await("both cameras deliver", () -> delivering("publish:cam1") && delivering("publish:cam2"));
            assertThat(listener.live()).isEqualTo(2);

            Process wrongKey = start(port, "publish:stolen", 3);
            Process notPublish = start(port, "play:cam1", 3);
            Process duplicate = start(port, "publish:cam2", 3);
            for (Process p : List.of(wrongKey, notPublish, duplicate)) {
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("a rejected caller gives up").isTrue();
                assertThat(p.exitValue()).as("a rejected caller fails").isNotZero();
            }
            assertThat(sinks).containsOnlyKeys("publish:cam1", "publish:cam2");

            SrtCallers.Seen cam1 = sinks.get("publish:cam1");
            SrtCallers.Seen cam2 = sinks.get("publish:cam2");
            callers.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            await("cam1's sink ended", () -> cam1.ended);
            assertThat(cam2.ended).as("cam2 goes on").isFalse();
            int cam2Then = cam2.videoFrames;
            await("cam2 delivers 2 s more", () -> cam2.videoFrames >= cam2Then + 60);
            assertThat(cam2.ended).isFalse();
            assertThat(listener.live()).isEqualTo(1);
            assertThat(listener.accepted()).isEqualTo(2);
            assertThat(listener.refused()).isEqualTo(3);

            listener.close();
            assertThat(cam2.ended).as("close ends the publishers").isTrue();
            assertThat(listener.live()).isZero();
            cam1.assertMedia("cam1", 2, 40);
            cam2.assertMedia("cam2", 4, 90);
            assertThat(cam1.events).last().isEqualTo("end");
            assertThat(cam2.events).last().isEqualTo("end");
        } finally {
            for (Process p : callers) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Timeout(60)
    void datagramsThatAreNotSrtAreDroppedAndTheListenerStaysUp() throws Exception {
        int port = SrtCallers.freeUdpPort();
        InetSocketAddress to = new InetSocketAddress("127.0.0.1", port);
        Random random = new Random(7);
        try (LibSrtListener listener = LibSrtListener.start("127.0.0.1", port, this::handle);
                DatagramSocket garbage = new DatagramSocket()) {
            sendGarbage(garbage, to, random, 300);
            start(port, "publish:cam3", 3);
            await("cam3 delivers", () -> delivering("publish:cam3"));
            sendGarbage(garbage, to, random, 300); // while it publishes
            await("cam3 ended", () -> sinks.get("publish:cam3").ended);
            sinks.get("publish:cam3").assertMedia("cam3", 2, 90);
            assertThat(listener.accepted()).isEqualTo(1);
            assertThat(listener.refused()).isZero();
        } finally {
            for (Process p : callers) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private boolean delivering(String key) {
        SrtCallers.Seen s = sinks.get(key);
        return s != null && s.keyframes >= 2 && s.audioFrames > 40;
    }

    /**
     * Random octets of random lengths, SRT control headers (handshake, keepalive, shutdown) with
     * random bodies and destination ids, and data packets for socket ids nobody has.
     */
    private static void sendGarbage(DatagramSocket s, InetSocketAddress to, Random random, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[1 + random.nextInt(1500)];
            random.nextBytes(b);
            ByteBuffer head = ByteBuffer.wrap(b);
            switch (i % 4) {
                case 1 -> { // control: handshake (0), keepalive (1), shutdown (5)
                    if (b.length >= 16) {
                        head.putShort(0, (short) (0x8000 | new int[] {0, 1, 5}[i % 3]));
                    }
                }
                case 2 -> { // handshake with a plausible version and a random cookie
                    if (b.length >= 64) {
                        head.putShort(0, (short) 0x8000).putInt(12, 0).putInt(16, 5).putInt(20, 0x4A17);
                    }
                }
                case 3 -> b[0] &= 0x7F; // data packet
                default -> { }
            }
            s.send(new DatagramPacket(b, b.length, to));
        }
    }
}
