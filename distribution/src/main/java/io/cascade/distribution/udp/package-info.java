// SPDX-License-Identifier: Apache-2.0
/**
 * The UDP engine under the relay: event-loop threads, each owning its sockets, on Netty's
 * native epoll transport with a NIO fallback.
 *
 * <p>Pipeline of one socket, read top to bottom:
 * <ol>
 *   <li>recvmmsg(2) fills up to {@code receiveBatch} slots of {@code maxDatagramSize} octets in
 *       one pooled direct buffer (Netty's EpollDatagramChannel scattering read);
 *   <li>{@link io.cascade.distribution.udp.DatagramInbound} hands each datagram to the
 *       {@link io.cascade.distribution.udp.DatagramHandler} and releases it after; a handler that
 *       throws is counted and logged (first, then every 1000th), never fatal;
 *   <li>handlers queue replies and fan-out copies with {@link io.cascade.distribution.udp.UdpSocket#send},
 *       into a bounded drop-oldest queue;
 *   <li>at the end of the read batch the queue is written and flushed once: sendmmsg(2) with
 *       every queued datagram (up to UIO_MAXIOV = 1024 per call) where Netty has it.
 * </ol>
 * One batch in is one flush out. Nothing on this path logs or throws; counters
 * ({@link io.cascade.distribution.udp.UdpStats}) say what happened.
 *
 * <p>Threads. One event loop per core by default; a socket belongs to one loop, and its
 * handler, queue and counters are touched only there, so none of them lock. Other threads hand
 * work over with {@code socket.executor().execute(...)}; a {@code send} from another thread is
 * handed over for you, one task per datagram (a slow path). In
 * {@link io.cascade.distribution.udp.UdpBindMode#REUSE_PORT} mode the kernel spreads peers over
 * the sockets of one port (socket(7) SO_REUSEPORT); in
 * {@link io.cascade.distribution.udp.UdpBindMode#PORT_PER_THREAD} each socket has its own port.
 *
 * <p>Back-pressure. Netty's outbound buffer is bounded by a write-buffer water mark (2 MiB);
 * past it the channel is unwritable and datagrams wait in the engine's own queue, which drops
 * the oldest when full: late media is worth less than current media.
 *
 * <p>Allocation. Our code allocates nothing per datagram: where the kernel can segment (epoll
 * with UDP_SEGMENT) a write's envelope is a {@link io.cascade.distribution.udp.ReusableDatagram}
 * from the socket's pool, returned when Netty releases it; elsewhere (NIO, older kernels) it is
 * a new {@code DatagramPacket}. Netty itself allocates, per received datagram, a
 * {@code DatagramPacket} and the sender's {@code InetSocketAddress}/{@code InetAddress} (its
 * epoll channel is final and builds them in the read loop), per sendmmsg entry a copy of the
 * recipient's 4 address octets ({@code InetAddress.getAddress}), and, amortised, the chunks its
 * Recycler queue links in as pooled objects come back. Measured with the event-loop thread's
 * allocation counter (UdpEngineAllocationTest, Netty 4.1.138, JDK 25, epoll): about 120 B per
 * received datagram, and 45 B per sent datagram when fanning out to 10 (12 of them the
 * receive's share, the rest the address copy, the test's own derived buffers and the Recycler).
 * The NIO transport caches an unchanged sender, so receiving costs it about 25 B, but it sends
 * with one syscall each. In the relay benchmark, after the pooled-envelope and paged
 * retransmission-cache changes, the receive path's objects are three quarters of what the UDP
 * thread allocates (JFR), and nothing it allocates outlives a young collection.
 * Netty's leak detector must be {@code disabled} in production
 * ({@code -Dio.netty.leakDetection.level=disabled}): at its default SIMPLE level a sampled
 * receive buffer makes every duplicate of it tracked, with a stack trace each.
 *
 * <p>Segmentation offload. UDP_SEGMENT (GSO, udp(7), Linux 4.18) is offered through
 * {@link io.cascade.distribution.udp.UdpSocket#sendSegmented}: many equal segments to one
 * recipient in one send, e.g. a paced burst of one video frame to one subscriber; fan-out to
 * many recipients cannot use it. UDP_GRO (receive coalescing) stays off: Netty splits a
 * coalesced read back into datagrams, but only when the receive slot holds the whole train
 * (up to 64 KiB per slot); with our 2 KiB slots a train would be truncated.
 *
 * <p>References: recvmmsg(2), sendmmsg(2), socket(7) (SO_REUSEPORT, SO_RCVBUF), udp(7)
 * (UDP_SEGMENT, UDP_GRO); RFC 8085 (UDP usage guidelines) §3.1 on congestion and §3.2 on
 * message size.
 */
package io.cascade.distribution.udp;
