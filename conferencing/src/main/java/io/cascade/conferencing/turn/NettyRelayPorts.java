// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Relay sockets as Netty datagram channels registered on the shard's own event loop.
 *
 * <p>Why not one {@code UdpEngine} per allocation: an engine owns a thread group, and thousands of
 * allocations would mean thousands of groups. Why the same loop as the listening socket: then the
 * allocation, its relay socket and the client's socket are all touched by one thread, so neither
 * direction needs a lock or a hand-over queue. The channel type follows the loop's transport
 * (epoll or NIO).
 *
 * <p>Batching: a send only writes; the first write of a batch schedules one task on the loop that
 * flushes, after the current batch of reads, every relay channel written to (one sendmmsg per
 * channel where epoll has it) and every client link that got data from peers. Receive: recvmmsg on epoll with slots of {@value #SLOT} bytes. A
 * datagram that fills its slot may have been cut short by the kernel (recvmmsg(2) MSG_TRUNC, which
 * Netty does not report), so it is dropped and counted rather than relayed wrong: the largest
 * relayed datagram from a peer is {@code SLOT - 1} bytes, above any path MTU.
 */
final class NettyRelayPorts implements RelayPorts {
    static final int SLOT = 4096;
    private static final int BATCH = 8;
    private static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 << 10, 1 << 20);

    private final EventLoop loop;
    private final boolean epoll;
    private final InetAddress bindAddress;
    private final TurnCounters counters;
    private TurnShard shard;
    private final List<Port> dirty = new ArrayList<>();
    private final List<Allocation> dirtyLinks = new ArrayList<>();
    private boolean flushScheduled;
    private final Runnable flushTask = this::flushDirty;

    NettyRelayPorts(EventLoop loop, boolean epoll, InetAddress bindAddress, TurnCounters counters) {
        this.loop = loop;
        this.epoll = epoll;
        this.bindAddress = bindAddress;
        this.counters = counters;
    }

    /** Set once, before the first {@link #open}: the shard that receives peer datagrams. */
    void attach(TurnShard owner) {
        this.shard = owner;
    }

    @Override
    public RelayPort open(int port, Allocation owner) throws IOException {
        try {
            return bind(port, owner);
        } catch (ChannelException e) {
            // socket(2) itself failed, typically EMFILE: out of file descriptors (raise ulimit -n).
            throw new IOException("relay socket: " + e.getMessage(), e);
        }
    }

    private RelayPort bind(int port, Allocation owner) throws IOException {
        // A socket of the bind address's own family: peers then arrive as plain IPv4 addresses,
        // never IPv4-mapped IPv6 ones, and match the permissions installed from XOR-PEER-ADDRESS.
        InternetProtocolFamily family = bindAddress instanceof Inet4Address
                ? InternetProtocolFamily.IPv4 : InternetProtocolFamily.IPv6;
        DatagramChannel channel = epoll ? new EpollDatagramChannel(family) : new NioDatagramChannel(family);
        channel.config().setAllocator(PooledByteBufAllocator.DEFAULT);
        channel.config().setWriteBufferWaterMark(WATER_MARK);
        if (epoll) {
            channel.config().setOption(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, SLOT);
            channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(SLOT * BATCH).maxMessagesPerRead(BATCH));
        } else {
            channel.config().setRecvByteBufAllocator(new FixedRecvByteBufAllocator(SLOT).maxMessagesPerRead(BATCH));
        }
        // Room for bursts (a keyframe) per allocation; memory is charged only while datagrams wait.
        channel.config().setOption(ChannelOption.SO_RCVBUF, 256 << 10);
        Port relayPort = new Port(channel, owner);
        channel.pipeline().addLast(relayPort);
        // On the loop's own thread register and bind complete before returning (Netty runs them
        // inline); from another thread, wait.
        ChannelFuture registered = loop.register(channel);
        ChannelFuture bound = registered.isSuccess() ? channel.bind(new InetSocketAddress(bindAddress, port)) : registered;
        if (!loop.inEventLoop()) {
            bound.awaitUninterruptibly();
        }
        if (!bound.isDone() || !bound.isSuccess()) {
            channel.close();
            throw new IOException("relay port " + port + ": " + (bound.cause() == null ? "not bound" : bound.cause().getMessage()));
        }
        relayPort.localAddress = (InetSocketAddress) channel.localAddress();
        return relayPort;
    }

    private void markDirty(Port port) {
        if (!port.dirty) {
            port.dirty = true;
            dirty.add(port);
        }
        scheduleFlush();
    }

    /** The client link of {@code owner} has messages queued; they leave with this loop's flush. */
    private void markLinkDirty(Allocation owner) {
        if (!owner.linkDirty) {
            owner.linkDirty = true;
            dirtyLinks.add(owner);
        }
        scheduleFlush();
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            loop.execute(flushTask);
        }
    }

    /**
     * Runs once per loop iteration that wrote anything, after its reads: relay sockets flush what
     * goes to peers (one sendmmsg per socket), and client links what goes to clients. Every UDP
     * client of this loop shares the listening socket, so datagrams read from many relay sockets
     * in one iteration leave in one sendmmsg to their many clients.
     */
    private void flushDirty() {
        flushScheduled = false;
        for (int i = 0; i < dirty.size(); i++) {
            Port port = dirty.get(i);
            port.dirty = false;
            port.channel.flush();
        }
        dirty.clear();
        for (int i = 0; i < dirtyLinks.size(); i++) {
            Allocation owner = dirtyLinks.get(i);
            owner.linkDirty = false;
            owner.link.flush();
        }
        dirtyLinks.clear();
    }

    /** One relay socket: the send side for the relay path and the receive side for peers. */
    private final class Port extends ChannelInboundHandlerAdapter implements RelayPort {
        private final Channel channel;
        private final Allocation owner;
        private InetSocketAddress localAddress;
        private boolean dirty;

        Port(Channel channel, Allocation owner) {
            this.channel = channel;
            this.owner = owner;
        }

        @Override
        public InetSocketAddress localAddress() {
            return localAddress;
        }

        @Override
        public void send(ByteBuf payload, InetSocketAddress peer) {
            if (!channel.isWritable()) {
                payload.release();
                counters.increment(TurnCounter.DROPPED_RELAY_BACKPRESSURE);
                return;
            }
            channel.write(new DatagramPacket(payload, peer), channel.voidPromise());
            markDirty(this);
        }

        @Override
        public void close() {
            channel.close();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof DatagramPacket packet)) {
                ReferenceCountUtil.release(msg);
                return;
            }
            try {
                ByteBuf content = packet.content();
                shard.onPeerDatagram(owner, content, packet.sender(), content.readableBytes() >= SLOT);
            } finally {
                packet.release();
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            markLinkDirty(owner);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            // ICMP errors and failed sends surface here; a datagram socket stays usable.
            counters.increment(TurnCounter.RELAY_IO_ERRORS);
        }
    }
}
