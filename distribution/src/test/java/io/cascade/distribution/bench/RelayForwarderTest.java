// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.cascade.distribution.rtp.RtpHeader;
import io.cascade.local.junit.Await;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay as the bench runs it: a child JVM on 127.0.0.1, one publisher, two subscribers
 * reading with plain sockets. Checks the summary the bench prints for it, the media thread's
 * allocation included; not how fast anything is.
 */
class RelayForwarderTest {
    private static final int PACKETS = 10_000;
    private static final int FAN_OUT = 2;
    private static final int VIDEO_SSRC = 0x2000_0000;
    /** Octets per received packet above which the test fails (165-172 measured in three runs of this test). */
    private static final double CEILING_PER_PACKET = 500;

    @Test
    @Timeout(90)
    void reportsForwardedPacketsAndWhatTheMediaThreadAllocatedPerPacket() throws Exception {
        List<DatagramChannel> subscribers = new ArrayList<>();
        try (DatagramChannel publisher = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            List<InetSocketAddress> addresses = new ArrayList<>();
            for (int i = 0; i < FAN_OUT; i++) {
                DatagramChannel s = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
                s.configureBlocking(false);
                subscribers.add(s);
                addresses.add((InetSocketAddress) s.getLocalAddress());
            }
            RelayForwarder relay = new RelayForwarder(Duration.ofSeconds(80), List.of());
            relay.start(new Topology(List.of(new Topology.Publisher(
                    (InetSocketAddress) publisher.getLocalAddress(), VIDEO_SSRC, VIDEO_SSRC + 1)), addresses));
            String summary;
            try {
                InetSocketAddress ingress = relay.ingress(0);
                long[] received = new long[FAN_OUT];
                ByteBuffer in = ByteBuffer.allocate(2048);
                for (int seq = 0; seq < PACKETS; seq++) {
                    publisher.send(packet(seq), ingress);
                    if (seq % 20 == 19) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2)); // ~10k packets/s
                        drain(subscribers, received, in);
                    }
                }
                Await.until("every copy arrived", Duration.ofSeconds(30), () -> {
                    drain(subscribers, received, in);
                    return received[0] == PACKETS && received[1] == PACKETS;
                }, () -> Arrays.toString(received));
            } finally {
                summary = relay.stop();
            }

            assertThat(number(summary, "rtpIn")).isEqualTo(PACKETS);
            assertThat(number(summary, "forwarded")).isEqualTo((double) PACKETS * FAN_OUT);
            // Netty's epoll read makes a DatagramPacket and a sender address per datagram (~120
            // octets, docs/BENCHMARKS.md "Allocation"), so the figure is never zero; the ceiling
            // catches a per-packet copy or a boxed value creeping into the forwarding path.
            double perPacket = number(summary, "allocatedPerPacketIn");
            assertThat(number(summary, "allocatedBytes")).isPositive();
            assertThat(perPacket).isPositive().isLessThan(CEILING_PER_PACKET);
            assertThat(number(summary, "allocatedPerForwarded")).isCloseTo(perPacket / FAN_OUT, offset(0.1));
        } finally {
            for (DatagramChannel s : subscribers) {
                s.close();
            }
        }
    }

    private static void drain(List<DatagramChannel> subscribers, long[] received, ByteBuffer in) {
        try {
            for (int i = 0; i < subscribers.size(); i++) {
                in.clear();
                while (subscribers.get(i).receive(in) != null) {
                    received[i]++;
                    in.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?[0-9.]+)").matcher(json);
        assertThat(m.find()).as("%s in %s", key, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static ByteBuffer packet(int seq) {
        ByteBuf out = Unpooled.buffer(200);
        RtpHeader.of(seq % 30 == 29, Topology.VIDEO_PT, seq, seq / 30 * 3000, VIDEO_SSRC).encode(out);
        out.writeLong(System.nanoTime()).writeByte(1);
        out.writeZero(200 - out.writerIndex());
        return out.nioBuffer();
    }
}
