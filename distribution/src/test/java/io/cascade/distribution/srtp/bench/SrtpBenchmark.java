// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp.bench;

import io.cascade.distribution.srtp.SrtpConfig;
import io.cascade.distribution.srtp.SrtpMasterKey;
import io.cascade.distribution.srtp.SrtpProfile;
import io.cascade.distribution.srtp.SrtpReceiveContext;
import io.cascade.distribution.srtp.SrtpResult;
import io.cascade.distribution.srtp.SrtpSendContext;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our SRTP contexts (SunJCE) protecting and unprotecting one RTP packet of {@code size} octets
 * (12-octet header and payload) in a pooled direct {@code ByteBuf}, as the transport will. Gbps
 * per core = size * 8 / (ns/op). Run with {@code -prof gc} for B/op (bin/cascade bench srtp).
 *
 * <p>{@code protect} re-protects the buffer in place with the next sequence number (the ROC
 * advances every 65536 calls); only the writer index is reset, so no copy is measured.
 * {@code unprotect} copies one of 1024 packets protected in setup into the buffer first (in-place
 * decryption consumes it) and forgets the SSRC when the pool wraps, so the replay window never
 * refuses; {@code copyOnly} measures that copy alone.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
public class SrtpBenchmark {
    static final int POOL = 1024;
    static final int SSRC = 0x5EED_5EED;

    @Param({"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    SrtpProfile profile;

    @Param({"160", "1200"})
    int size;

    private SrtpSendContext sender;
    private SrtpReceiveContext receiver;
    private ByteBuf buf;
    private byte[][] pool;
    private int next;
    private int seq;

    @Setup(Level.Trial)
    public void setUp() {
        Random random = new Random(3711);
        byte[] key = new byte[SrtpProfile.KEY_LENGTH];
        byte[] salt = new byte[profile.saltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        SrtpMasterKey master = new SrtpMasterKey(profile, key, salt);
        sender = new SrtpSendContext(profile, master, SrtpConfig.DEFAULTS);
        receiver = new SrtpReceiveContext(profile, master, SrtpConfig.DEFAULTS);
        buf = PooledByteBufAllocator.DEFAULT.directBuffer(size + SrtpProfile.MAX_OVERHEAD);
        buf.writeBytes(rtp(size, 0, random));
        pool = protectedPool(new SrtpSendContext(profile, master, SrtpConfig.DEFAULTS), size, random);
    }

    /** An RTP packet: V=2, PT 96, sequence number {@code seq}, SSRC {@link #SSRC}, random payload. */
    static byte[] rtp(int size, int seq, Random random) {
        byte[] packet = new byte[size];
        random.nextBytes(packet);
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        packet[2] = (byte) (seq >>> 8);
        packet[3] = (byte) seq;
        packet[8] = (byte) (SSRC >>> 24);
        packet[9] = (byte) (SSRC >>> 16);
        packet[10] = (byte) (SSRC >>> 8);
        packet[11] = (byte) SSRC;
        return packet;
    }

    private static byte[][] protectedPool(SrtpSendContext poolSender, int size, Random random) {
        byte[][] packets = new byte[POOL][];
        ByteBuf scratch = PooledByteBufAllocator.DEFAULT.heapBuffer(size + SrtpProfile.MAX_OVERHEAD);
        try {
            for (int i = 0; i < POOL; i++) {
                scratch.clear().writeBytes(rtp(size, i, random));
                if (poolSender.protect(scratch) != SrtpResult.OK) {
                    throw new IllegalStateException("could not protect the pool");
                }
                packets[i] = new byte[scratch.readableBytes()];
                scratch.getBytes(0, packets[i]);
            }
        } finally {
            scratch.release();
        }
        return packets;
    }

    @Benchmark
    public SrtpResult protect() {
        buf.setIndex(0, size);
        buf.setShort(2, seq++);
        return sender.protect(buf);
    }

    @Benchmark
    public SrtpResult unprotect() {
        copyNext();
        return receiver.unprotect(buf);
    }

    @Benchmark
    public ByteBuf copyOnly() {
        return copyNext();
    }

    private ByteBuf copyNext() {
        if (next == POOL) {
            next = 0;
            receiver.removeStream(SSRC);
        }
        byte[] packet = pool[next++];
        return buf.setBytes(0, packet).setIndex(0, packet.length);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long refused = 0;
        for (SrtpResult result : SrtpResult.values()) {
            if (result != SrtpResult.OK) {
                refused += sender.count(result) + receiver.count(result);
            }
        }
        buf.release();
        if (refused > 0) {
            throw new IllegalStateException(refused + " packets were refused: the benchmark measured the wrong path");
        }
    }
}
