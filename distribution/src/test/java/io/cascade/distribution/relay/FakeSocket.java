// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.cascade.distribution.udp.UdpSocket;
import io.cascade.distribution.udp.UdpStats;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A socket for unit tests of shard logic: records what is sent (copied, buffers released). */
final class FakeSocket implements UdpSocket {
    record Sent(byte[] bytes, InetSocketAddress to) {}

    final List<Sent> sent = new ArrayList<>();
    private final InetSocketAddress local;

    FakeSocket(InetSocketAddress local) {
        this.local = local;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public void send(ByteBuf datagram, InetSocketAddress recipient) {
        sent.add(new Sent(ByteBufUtil.getBytes(datagram), recipient));
        datagram.release();
    }

    @Override
    public boolean sendSegmented(ByteBuf segments, int segmentSize, InetSocketAddress recipient) {
        return false; // like a transport without GSO: the caller sends one by one
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
        return new UdpStats(0, sent.size(), 0, 0, 0, 0);
    }

    List<Sent> to(InetSocketAddress who) {
        return sent.stream().filter(s -> s.to().equals(who)).toList();
    }

    List<Sent> takeTo(InetSocketAddress who) {
        List<Sent> out = to(who);
        sent.removeAll(out);
        return out;
    }
}
