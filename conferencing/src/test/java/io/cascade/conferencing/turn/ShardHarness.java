// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.cascade.distribution.stun.ChannelNumber;
import io.cascade.distribution.stun.Nonce;
import io.cascade.distribution.stun.Realm;
import io.cascade.distribution.stun.RequestedTransport;
import io.cascade.distribution.stun.StunAttribute;
import io.cascade.distribution.stun.StunCredentials;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunFormatException;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.Username;
import io.cascade.distribution.stun.XorPeerAddress;
import io.cascade.distribution.udp.UdpSocket;
import io.cascade.distribution.udp.UdpStats;
import io.cascade.distribution.stun.AddressFamily;
import io.cascade.platform.time.ManualClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * One {@link TurnShard} without sockets: a fake listening socket and fake relay ports record what
 * the shard sends, so that tests and fuzz targets feed bytes in and look at bytes out, on the
 * calling thread. {@link #withAllocation()} goes through the real request path (401 challenge,
 * authenticated Allocate, CreatePermission, ChannelBind 0x4001) so that the relay paths are live.
 */
final class ShardHarness {
    static final InetSocketAddress SERVER = new InetSocketAddress("192.0.2.1", 3478);
    static final InetSocketAddress CLIENT = new InetSocketAddress("192.0.2.10", 40000);
    static final InetSocketAddress PEER = new InetSocketAddress("198.51.100.20", 5000);
    static final int CHANNEL = 0x4001;

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:00:00Z"));
    final TurnContext context;
    final TurnShard shard;
    final FakeSocket socket = new FakeSocket();
    final List<byte[]> toPeer = new ArrayList<>();
    Allocation allocation;
    private final Random random = new Random(11);
    private String nonce;

    ShardHarness() {
        TurnServerConfig config = TurnServerConfig.builder().users(Map.of("alice", "wonderland"))
                .relay("192.0.2.1", 49152, 65535).quotas(10, 100, 0).build();
        PeerPolicy policy = new PeerPolicy(false, List.of(), List.of(), Set.of(SERVER.getAddress()), 49152, 65535);
        context = new TurnContext(config, clock, new Random(5), policy, Optional.empty());
        shard = new TurnShard(context, (port, owner) -> {
            allocation = owner;
            return new FakeRelayPort(new InetSocketAddress(SERVER.getAddress(), port));
        }, AddressFamily.IPV4);
    }

    /** Allocates, permits {@link #PEER} and binds {@link #CHANNEL} to it. */
    ShardHarness withAllocation() throws StunFormatException {
        request(StunMethod.ALLOCATE, new RequestedTransport(17));
        request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(PEER));
        request(StunMethod.CHANNEL_BIND, new ChannelNumber(CHANNEL), new XorPeerAddress(PEER));
        if (allocation == null || allocation.channels.size() != 1) {
            throw new IllegalStateException("set-up failed: " + socket.sent);
        }
        socket.sent.clear();
        return this;
    }

    /** Sends an authenticated request (challenged first if need be); returns the answer. */
    StunMessage request(StunMethod method, StunAttribute... attributes) throws StunFormatException {
        StunMessage answer = send(method, attributes);
        if (answer.find(Nonce.class).isPresent()) {
            nonce = answer.find(Nonce.class).get().value();
            answer = send(method, attributes);
        }
        return answer;
    }

    private StunMessage send(StunMethod method, StunAttribute... attributes) throws StunFormatException {
        StunMessageBuilder builder = StunMessageBuilder.request(method, TransactionId.random(random));
        for (StunAttribute attribute : attributes) {
            builder.add(attribute);
        }
        if (nonce != null) {
            builder.add(new Username("alice")).add(new Realm("cascade")).add(new Nonce(nonce))
                    .messageIntegrity(StunCredentials.longTermKey("alice", "cascade", "wonderland"));
        }
        socket.sent.clear();
        fromClient(builder.fingerprint().encode());
        return StunDecoder.decode(socket.sent.get(socket.sent.size() - 1));
    }

    /** A datagram from {@link #CLIENT}; returns the input buffer's reference count afterwards. */
    int fromClient(byte[] datagram) {
        ByteBuf in = Unpooled.wrappedBuffer(datagram);
        shard.onUdp(in, CLIENT, socket);
        int refCnt = in.refCnt();
        in.release();
        return refCnt;
    }

    /** A datagram from {@code peer} at the allocation's relay; returns the input's reference count. */
    int fromPeer(byte[] datagram, InetSocketAddress peer) {
        ByteBuf in = Unpooled.wrappedBuffer(datagram);
        shard.onPeerDatagram(allocation, in, peer, false);
        int refCnt = in.refCnt();
        in.release();
        return refCnt;
    }

    /** Records what the shard sends to clients, releasing each buffer as the engine would. */
    final class FakeSocket implements UdpSocket {
        final List<byte[]> sent = new ArrayList<>();

        @Override
        public InetSocketAddress localAddress() {
            return SERVER;
        }

        @Override
        public void send(ByteBuf datagram, InetSocketAddress recipient) {
            byte[] bytes = new byte[datagram.readableBytes()];
            datagram.getBytes(datagram.readerIndex(), bytes);
            sent.add(bytes);
            datagram.release();
        }

        @Override
        public void flush() {}

        @Override
        public EventExecutor executor() {
            return ImmediateEventExecutor.INSTANCE;
        }

        @Override
        public ByteBufAllocator alloc() {
            return UnpooledByteBufAllocator.DEFAULT;
        }

        @Override
        public UdpStats stats() {
            return UdpStats.ZERO;
        }
    }

    private final class FakeRelayPort implements RelayPort {
        private final InetSocketAddress local;

        FakeRelayPort(InetSocketAddress local) {
            this.local = local;
        }

        @Override
        public InetSocketAddress localAddress() {
            return local;
        }

        @Override
        public void send(ByteBuf payload, InetSocketAddress peer) {
            byte[] bytes = new byte[payload.readableBytes()];
            payload.getBytes(payload.readerIndex(), bytes);
            toPeer.add(bytes);
            payload.release();
        }

        @Override
        public void close() {}
    }
}
