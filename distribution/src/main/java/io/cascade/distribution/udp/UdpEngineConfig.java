// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import java.util.Objects;

/**
 * How a {@link UdpEngine} binds and sizes its sockets. Validated on construction; start from
 * {@link #defaults()} and change what differs with the {@code with...} methods.
 *
 * @param bindHost           address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}; default
 *                           loopback, so nothing is exposed by accident
 * @param basePort           first port, or 0 for ephemeral ports (see {@link UdpBindMode})
 * @param threads            event-loop threads; default one per available processor
 * @param socketsPerThread   sockets served by each thread, default 1; a load generator uses many
 *                           to play many peers. Socket {@code i} belongs to thread {@code i / socketsPerThread}
 * @param mode               port sharing
 * @param receiveBatch       datagrams per receive batch: the recvmmsg(2) vector length on epoll
 *                           and the read-loop bound on NIO; 1..1024 (UIO_MAXIOV)
 * @param maxDatagramSize    receive slot per datagram in octets; a longer datagram is truncated
 *                           by the kernel (recvmmsg(2) MSG_TRUNC), which handlers see as garbage
 * @param sendQueueCapacity  datagrams queued per socket between flushes; on overflow the oldest
 *                           is dropped. Size it for receive batch x fan-out
 * @param receiveBufferBytes SO_RCVBUF, 0 for the kernel default; the kernel caps it at
 *                           {@code net.core.rmem_max} (socket(7))
 * @param sendBufferBytes    SO_SNDBUF, 0 for the kernel default; capped at {@code net.core.wmem_max}
 * @param forceNio           use the NIO transport even where epoll is available (as does the
 *                           system property {@code cascade.udp.nio=true})
 */
public record UdpEngineConfig(String bindHost, int basePort, int threads, int socketsPerThread,
        UdpBindMode mode, int receiveBatch, int maxDatagramSize, int sendQueueCapacity,
        int receiveBufferBytes, int sendBufferBytes, boolean forceNio) {

    /** recvmmsg(2)/sendmmsg(2) take at most UIO_MAXIOV (1024) messages per call. */
    public static final int MAX_BATCH = 1024;
    /** The largest UDP payload over IPv4: 65535 - 8 (UDP header) - 20 (IPv4 header). */
    public static final int MAX_UDP_PAYLOAD = 65_507;
    private static final int DEFAULT_SOCKET_BUFFER = 4 << 20;

    public UdpEngineConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(mode, "mode");
        require(threads >= 1, "threads must be >= 1: " + threads);
        require(socketsPerThread >= 1, "socketsPerThread must be >= 1: " + socketsPerThread);
        require(basePort >= 0 && basePort <= 0xFFFF, "basePort must be 0..65535: " + basePort);
        require(basePort == 0 || mode == UdpBindMode.REUSE_PORT || basePort + threads * socketsPerThread - 1 <= 0xFFFF,
                "ports basePort..basePort+sockets-1 exceed 65535");
        require(receiveBatch >= 1 && receiveBatch <= MAX_BATCH, "receiveBatch must be 1..1024: " + receiveBatch);
        require(maxDatagramSize >= 1 && maxDatagramSize <= MAX_UDP_PAYLOAD,
                "maxDatagramSize must be 1..65507: " + maxDatagramSize);
        require(sendQueueCapacity >= 1, "sendQueueCapacity must be >= 1: " + sendQueueCapacity);
        require(receiveBufferBytes >= 0, "receiveBufferBytes must be >= 0: " + receiveBufferBytes);
        require(sendBufferBytes >= 0, "sendBufferBytes must be >= 0: " + sendBufferBytes);
    }

    /**
     * Loopback, ephemeral ports, one thread per processor, one socket each, batches of 32,
     * 2048-octet slots (a 64 KiB read buffer per batch, one pool run), 16384 queued sends, 4 MiB
     * socket buffers.
     */
    public static UdpEngineConfig defaults() {
        return new UdpEngineConfig("127.0.0.1", 0, Runtime.getRuntime().availableProcessors(), 1,
                UdpBindMode.PORT_PER_THREAD, 32, 2048, 16384, DEFAULT_SOCKET_BUFFER, DEFAULT_SOCKET_BUFFER, false);
    }

    /** Number of sockets the engine opens. */
    public int sockets() {
        return threads * socketsPerThread;
    }

    public UdpEngineConfig withBind(String host, int port) {
        return new UdpEngineConfig(host, port, threads, socketsPerThread, mode, receiveBatch, maxDatagramSize,
                sendQueueCapacity, receiveBufferBytes, sendBufferBytes, forceNio);
    }

    public UdpEngineConfig withThreads(int newThreads, int newSocketsPerThread) {
        return new UdpEngineConfig(bindHost, basePort, newThreads, newSocketsPerThread, mode, receiveBatch,
                maxDatagramSize, sendQueueCapacity, receiveBufferBytes, sendBufferBytes, forceNio);
    }

    public UdpEngineConfig withMode(UdpBindMode newMode) {
        return new UdpEngineConfig(bindHost, basePort, threads, socketsPerThread, newMode, receiveBatch,
                maxDatagramSize, sendQueueCapacity, receiveBufferBytes, sendBufferBytes, forceNio);
    }

    public UdpEngineConfig withReceive(int newBatch, int newMaxDatagramSize) {
        return new UdpEngineConfig(bindHost, basePort, threads, socketsPerThread, mode, newBatch, newMaxDatagramSize,
                sendQueueCapacity, receiveBufferBytes, sendBufferBytes, forceNio);
    }

    public UdpEngineConfig withSendQueueCapacity(int capacity) {
        return new UdpEngineConfig(bindHost, basePort, threads, socketsPerThread, mode, receiveBatch, maxDatagramSize,
                capacity, receiveBufferBytes, sendBufferBytes, forceNio);
    }

    public UdpEngineConfig withSocketBuffers(int receiveBytes, int sendBytes) {
        return new UdpEngineConfig(bindHost, basePort, threads, socketsPerThread, mode, receiveBatch, maxDatagramSize,
                sendQueueCapacity, receiveBytes, sendBytes, forceNio);
    }

    public UdpEngineConfig withForceNio(boolean nio) {
        return new UdpEngineConfig(bindHost, basePort, threads, socketsPerThread, mode, receiveBatch, maxDatagramSize,
                sendQueueCapacity, receiveBufferBytes, sendBufferBytes, nio);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
