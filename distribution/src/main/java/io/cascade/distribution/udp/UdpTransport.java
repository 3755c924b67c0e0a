// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollMode;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.util.concurrent.ThreadFactory;

/**
 * The two Netty transports the engine runs on: native epoll where Linux and the natives are
 * there, NIO elsewhere. Each knows how to make its event loops and set its batching options.
 */
enum UdpTransport {
    /**
     * Native epoll. Netty reads with recvmmsg(2) when MAX_DATAGRAM_PAYLOAD_SIZE is set and the
     * read buffer holds at least two slots of that size (EpollDatagramChannel.epollInReady:
     * {@code numDatagram = writableBytes / datagramSize}), and writes with sendmmsg(2) whenever
     * more than one datagram is flushed together (EpollDatagramChannel.doWrite), up to
     * UIO_MAXIOV per call.
     */
    EPOLL {
        @Override
        EventLoopGroup newGroup(int threads, ThreadFactory factory) {
            return new EpollEventLoopGroup(threads, factory);
        }

        @Override
        Class<? extends DatagramChannel> channelClass() {
            return EpollDatagramChannel.class;
        }

        @Override
        void configure(Bootstrap bootstrap, UdpEngineConfig config) {
            // One buffer of receiveBatch slots per read; maxMessagesPerRead bounds a read cycle
            // to about one recvmmsg, so one batch in is one flush (one sendmmsg) out.
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, config.maxDatagramSize())
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(config.receiveBatch() * config.maxDatagramSize())
                                    .maxMessagesPerRead(config.receiveBatch()));
            // UDP_GRO stays off: Netty splits a coalesced read into datagrams itself, but only
            // when the receive slot holds the whole coalesced skb (up to 64 KiB), which would
            // cost 64 KiB per slot; a smaller slot truncates the train (see package-info).
            if (config.mode() == UdpBindMode.REUSE_PORT) {
                bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
            }
            // Level-triggered: a recvmmsg that returns less than a full batch has emptied the
            // socket, and LT lets Netty stop there. Edge-triggered must read until EAGAIN
            // (epoll(7), Q9), one more recvmmsg per wake-up, which is most of the cost on a
            // thread serving many sockets with a few datagrams each.
            bootstrap.option(EpollChannelOption.EPOLL_MODE, EpollMode.LEVEL_TRIGGERED);
        }
    },
    /** JDK NIO: one receive(2)/send(2) per datagram; batching only bounds the read loop. */
    NIO {
        @Override
        EventLoopGroup newGroup(int threads, ThreadFactory factory) {
            return new NioEventLoopGroup(threads, factory);
        }

        @Override
        Class<? extends DatagramChannel> channelClass() {
            return NioDatagramChannel.class;
        }

        @Override
        void configure(Bootstrap bootstrap, UdpEngineConfig config) {
            if (config.mode() == UdpBindMode.REUSE_PORT) {
                throw new IllegalStateException("REUSE_PORT needs the epoll transport, which is not in use"
                        + (Epoll.isAvailable() ? " (NIO forced)" : ": " + Epoll.unavailabilityCause()));
            }
            bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR,
                    new FixedRecvByteBufAllocator(config.maxDatagramSize()).maxMessagesPerRead(config.receiveBatch()));
        }
    };

    /** The system property that forces NIO, for hosts where the natives misbehave. */
    static final String FORCE_NIO_PROPERTY = "cascade.udp.nio";

    static UdpTransport select(UdpEngineConfig config) {
        boolean nio = config.forceNio() || Boolean.getBoolean(FORCE_NIO_PROPERTY);
        return !nio && Epoll.isAvailable() ? EPOLL : NIO;
    }

    abstract EventLoopGroup newGroup(int threads, ThreadFactory factory);

    abstract Class<? extends DatagramChannel> channelClass();

    /** Sets the transport's own options; fails for a mode the transport cannot do. */
    abstract void configure(Bootstrap bootstrap, UdpEngineConfig config);
}
