// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.srtp.bench;

import io.cascade.distribution.srtp.SrtpProfile;
import java.security.GeneralSecurityException;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.crypto.Aes;
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
 * The same measurement as {@link SrtpBenchmark} with jitsi-srtp 1.1, on byte arrays, its native
 * form. {@code aes} pins its AES provider: {@code OpenSSL} (libcrypto 3 through its JNI library)
 * or {@code SunJCE}; left alone it picks one per cipher with a short start-up benchmark, which on
 * a noisy machine flips between runs. Its HMAC-SHA1 is OpenSSL's whenever the native library
 * loads. Its receive-side replay check is off so the 1024-packet pool can cycle; ours does the
 * check, which costs a few nanoseconds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
public class JitsiSrtpBenchmark {
    @Param({"SRTP_AES128_CM_HMAC_SHA1_80", "SRTP_AEAD_AES_128_GCM"})
    SrtpProfile profile;

    @Param({"160", "1200"})
    int size;

    @Param({"OpenSSL", "SunJCE"})
    String aes;

    private SrtpContextFactory senderFactory;
    private SrtpContextFactory receiverFactory;
    private SrtpCryptoContext sender;
    private SrtpCryptoContext receiver;
    private JitsiPacket packet;
    private byte[][] pool;
    private int next;
    private int seq;
    private long refused;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        Aes.setFactoryClassName(Aes.class.getName() + "$" + aes + "CipherFactory");
        Random random = new Random(3711);
        byte[] key = new byte[SrtpProfile.KEY_LENGTH];
        byte[] salt = new byte[profile.saltLength()];
        random.nextBytes(key);
        random.nextBytes(salt);
        senderFactory = JitsiSrtp.factory(profile, true, key, salt, true);
        receiverFactory = JitsiSrtp.factory(profile, false, key, salt, false);
        sender = JitsiSrtp.rtp(senderFactory, SrtpBenchmark.SSRC);
        receiver = JitsiSrtp.rtp(receiverFactory, SrtpBenchmark.SSRC);
        packet = new JitsiPacket(size + SrtpProfile.MAX_OVERHEAD).set(SrtpBenchmark.rtp(size, 0, random));
        SrtpCryptoContext poolSender = JitsiSrtp.rtp(senderFactory, SrtpBenchmark.SSRC);
        pool = new byte[SrtpBenchmark.POOL][];
        JitsiPacket scratch = new JitsiPacket(size + SrtpProfile.MAX_OVERHEAD);
        for (int i = 0; i < pool.length; i++) {
            if (poolSender.transformPacket(scratch.set(SrtpBenchmark.rtp(size, i, random))) != SrtpErrorStatus.OK) {
                throw new IllegalStateException("could not protect the pool");
            }
            pool[i] = scratch.bytes();
        }
    }

    @Benchmark
    public SrtpErrorStatus protect() throws GeneralSecurityException {
        byte[] bytes = packet.getBuffer();
        int s = seq++;
        bytes[2] = (byte) (s >>> 8);
        bytes[3] = (byte) s;
        packet.setLength(size);
        return counted(sender.transformPacket(packet));
    }

    @Benchmark
    public SrtpErrorStatus unprotect() throws GeneralSecurityException {
        if (next == pool.length) {
            next = 0;
        }
        return counted(receiver.reverseTransformPacket(packet.set(pool[next++]), false));
    }

    private SrtpErrorStatus counted(SrtpErrorStatus status) {
        if (status != SrtpErrorStatus.OK) {
            refused++;
        }
        return status;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        senderFactory.close();
        receiverFactory.close();
        if (refused > 0) {
            throw new IllegalStateException(refused + " packets were refused: the benchmark measured the wrong path");
        }
    }
}
