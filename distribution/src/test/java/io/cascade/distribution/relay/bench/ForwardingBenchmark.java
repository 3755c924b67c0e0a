// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay.bench;

import io.cascade.distribution.relay.RelayBenchAccess;
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
 * The relay's per-packet path without the kernel: one RTP packet in, validated, tracked, cached,
 * copied and rewritten for each subscriber, handed to a socket that releases it. Run with
 * {@code -prof gc} to see bytes allocated per packet (bin/cascade bench relay-jmh).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardingBenchmark {
    @Param({"1", "10", "100"})
    int subscribers;

    @Param({"160", "1200"})
    int payload;

    private RelayBenchAccess relay;

    @Setup(Level.Trial)
    public void setUp() {
        relay = new RelayBenchAccess(subscribers, payload);
    }

    @Benchmark
    public long forwardOnePacket() {
        return relay.forwardOne();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        relay.close();
    }
}
