// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.udp.UdpSocket;
import io.cascade.distribution.udp.UdpStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;

/** A shard with N subscribers on a socket that only releases what it is given: the relay's own cost. */
public final class RelayBenchAccess {
    private static final InetSocketAddress SOURCE = new InetSocketAddress("127.0.0.1", 50000);
    private final RelayShard shard;
    private final ByteBuf packet;
    private int seq;
    private long sent;

    public RelayBenchAccess(int subscribers, int payload) {
        shard = new RelayShard(0, new DiscardSocket(), RelayConfig.defaults(), RelayListener.NONE, InstantSource.system(), 1);
        StreamName name = StreamName.of("bench/1/720p");
        shard.publish(name, SOURCE, List.of(TrackSpec.video(0x1234, 96)));
        for (int i = 0; i < subscribers; i++) {
            shard.subscribe(name, new InetSocketAddress("127.0.0.1", 40000 + i), null);
        }
        packet = PooledByteBufAllocator.DEFAULT.directBuffer(12 + payload);
        packet.writeByte(0x80).writeByte(96).writeShort(0).writeInt(0).writeInt(0x1234).writeZero(payload);
    }

    /** Forwards one packet (the next sequence number) to every subscriber. */
    public long forwardOne() {
        seq = (seq + 1) & 0xFFFF;
        packet.setShort(2, seq);
        packet.setInt(4, seq * 3000);
        shard.onDatagram(packet, SOURCE, null);
        return sent;
    }

    public void close() {
        shard.closeAll();
        packet.release();
    }

    private final class DiscardSocket implements UdpSocket {
        @Override
        public InetSocketAddress localAddress() {
            return SOURCE;
        }

        @Override
        public void send(ByteBuf datagram, InetSocketAddress recipient) {
            sent++;
            datagram.release();
        }

        @Override
        public boolean sendSegmented(ByteBuf segments, int segmentSize, InetSocketAddress recipient) {
            return false;
        }

        @Override
        public void flush() {}

        @Override
        public EventExecutor executor() {
            return ImmediateEventExecutor.INSTANCE;
        }

        @Override
        public ByteBufAllocator alloc() {
            return PooledByteBufAllocator.DEFAULT;
        }

        @Override
        public UdpStats stats() {
            return UdpStats.ZERO;
        }
    }
}
