// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A plain JDK datagram socket on 127.0.0.1 playing the peer of the engine, and a bounded wait
 * on a condition. Every receive has a timeout, so a lost datagram fails the test instead of
 * hanging it.
 */
final class Loopback implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(3);
    private final DatagramSocket socket;

    Loopback() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout((int) WAIT.toMillis());
        socket.setReceiveBufferSize(1 << 20);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(String text, InetSocketAddress to) throws IOException {
        send(text.getBytes(StandardCharsets.UTF_8), to);
    }

    void send(byte[] octets, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(octets, octets.length, to));
    }

    /** The next datagram as UTF-8 text; fails after {@link #WAIT}. */
    String receiveText() throws IOException {
        return new String(receive(), StandardCharsets.UTF_8);
    }

    byte[] receive() throws IOException {
        byte[] buf = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no datagram within " + WAIT, e);
        }
        byte[] octets = new byte[packet.getLength()];
        System.arraycopy(buf, 0, octets, 0, octets.length);
        return octets;
    }

    /** Waits until {@code condition} holds, checking every millisecond, for at most {@link #WAIT}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("timed out waiting for: " + what).isNegative();
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
