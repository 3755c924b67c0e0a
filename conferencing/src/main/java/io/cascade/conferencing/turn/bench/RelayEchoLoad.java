// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Relay load through a TURN server, client to client as {@code turnutils_uclient -y} does it:
 * pairs of allocations (A, B); A sends a ping carrying its send time to B's relayed address, B
 * echoes it to A's, A records the round trip. Each round trip is two datagrams relayed end to
 * end (client, server, relay, relay, server, client), both counted as relayed packets.
 *
 * <p>Two framings, as the issue asks: ChannelData on bound channels, or Send indications out and
 * Data indications in (permissions only). Two pacings: closed loop ({@code window} pings in flight
 * per pair, the throughput the server sustains) or a fixed total rate (latency at a nominal load).
 * One thread, non-blocking sockets on one selector.
 */
final class RelayEchoLoad implements AutoCloseable {
    private static final long LOSS_TIMEOUT_NANOS = Duration.ofMillis(200).toNanos();
    /** After the sending time, how long to keep receiving what is still in flight. */
    private static final long DRAIN_NANOS = Duration.ofMillis(300).toNanos();
    private static final int CHANNEL_A = 0x4001;
    private static final int CHANNEL_B = 0x4002;

    /** How pings and pongs are framed. */
    enum Framing { CHANNEL_DATA, SEND_INDICATION }

    /** {@code relayed} counts what arrived while sending; {@code lost}, what never arrived at all. */
    record Result(long relayed, double seconds, LatencyRecorder rtt, long lost) {
        double relayedPerSecond() {
            return relayed / seconds;
        }
    }

    private final Framing framing;
    private final int payload;
    private final List<Pair> pairs = new ArrayList<>();
    private final Selector selector;

    private RelayEchoLoad(Framing framing, int payload) throws IOException {
        this.framing = framing;
        this.payload = payload;
        this.selector = Selector.open();
    }

    /** Allocates {@code pairCount} pairs on {@code server} and binds channels or permissions. */
    static RelayEchoLoad setUp(InetSocketAddress server, String user, String password, int pairCount, Framing framing,
            int payload) throws IOException {
        RelayEchoLoad load = new RelayEchoLoad(framing, payload);
        for (int i = 0; i < pairCount; i++) {
            TurnClient a = new TurnClient(server, user, password);
            TurnClient b = new TurnClient(server, user, password);
            InetSocketAddress relayA = a.allocate();
            InetSocketAddress relayB = b.allocate();
            a.refresh(3600);
            b.refresh(3600);
            if (framing == Framing.CHANNEL_DATA) {
                a.channelBind(CHANNEL_A, relayB);
                b.channelBind(CHANNEL_B, relayA);
            } else {
                a.createPermission(relayB);
                b.createPermission(relayA);
            }
            Pair pair = new Pair(a, b, relayA, relayB);
            a.channel().setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            b.channel().setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
            a.channel().register(load.selector, SelectionKey.OP_READ, pair);
            b.channel().register(load.selector, SelectionKey.OP_READ, pair);
            load.pairs.add(pair);
        }
        return load;
    }

    /** Closed loop with {@code window} pings in flight per pair. */
    Result closedLoop(int window, Duration duration) throws IOException {
        return run(window, 0, duration);
    }

    /** Open loop at {@code pingsPerSecond} in total (pongs come back at the same rate). */
    Result paced(int pingsPerSecond, Duration duration) throws IOException {
        return run(0, pingsPerSecond, duration);
    }

    private Result run(int window, int rate, Duration duration) throws IOException {
        LatencyRecorder rtt = new LatencyRecorder();
        ByteBuffer in = ByteBuffer.allocateDirect(65_536);
        ByteBuffer out = ByteBuffer.allocateDirect(65_536);
        long relayed = 0;
        long sent = 0;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long now = start;
        for (Pair pair : pairs) {
            pair.lastPong = start;
            for (int w = 0; w < window; w++) {
                ping(pair, out, now);
                sent++;
            }
        }
        int next = 0;
        long nextCheck = start + LOSS_TIMEOUT_NANOS;
        long drainUntil = end + DRAIN_NANOS;
        long relayedWhileSending = -1;
        while (now < drainUntil) {
            boolean sending = now < end;
            if (!sending && relayedWhileSending < 0) {
                relayedWhileSending = relayed;
            }
            if (rate > 0 && sending) {
                long due = (now - start) * rate / 1_000_000_000L;
                for (; sent < due; sent++) {
                    ping(pairs.get(next), out, now);
                    next = (next + 1) % pairs.size();
                }
                selector.selectNow();
            } else {
                selector.select(1);
            }
            for (SelectionKey key : selector.selectedKeys()) {
                Pair pair = (Pair) key.attachment();
                DatagramChannel channel = (DatagramChannel) key.channel();
                boolean atA = channel == pair.a.channel();
                in.clear();
                while (channel.read(in) > 0) {
                    in.flip();
                    int at = payloadOffset(in);
                    relayed++;
                    if (at >= 0) {
                        if (atA) {
                            now = System.nanoTime();
                            rtt.record(now - in.getLong(at));
                            pair.lastPong = now;
                            if (window > 0 && sending) {
                                ping(pair, out, now);
                                sent++;
                            }
                        } else {
                            pong(pair, in, at, out);
                        }
                    }
                    in.clear();
                }
            }
            selector.selectedKeys().clear();
            now = System.nanoTime();
            if (window > 0 && sending && now > nextCheck) {
                for (Pair pair : pairs) {
                    if (now - pair.lastPong > LOSS_TIMEOUT_NANOS) {
                        for (int w = 0; w < window; w++) {
                            ping(pair, out, now);
                            sent++;
                        }
                        pair.lastPong = now;
                    }
                }
                nextCheck = now + LOSS_TIMEOUT_NANOS / 4;
            }
        }
        // Rates over the sending time; what was still in flight arrived during the drain.
        double seconds = duration.toNanos() / 1e9;
        return new Result(relayedWhileSending < 0 ? relayed : relayedWhileSending, seconds, rtt,
                Math.max(0, 2 * sent - relayed));
    }

    /** A ping from A to B's relayed address: the send time, then filler up to the payload size. */
    private void ping(Pair pair, ByteBuffer out, long now) throws IOException {
        out.clear();
        int at = header(out, CHANNEL_A, pair.relayB, pair.sendId++);
        out.putLong(now);
        out.position(at + payload);
        finish(out, at);
        pair.a.channel().write(out);
    }

    /** B echoes the payload to A's relayed address. */
    private void pong(Pair pair, ByteBuffer in, int at, ByteBuffer out) throws IOException {
        out.clear();
        int start = header(out, CHANNEL_B, pair.relayA, pair.sendId++);
        in.limit(at + payload).position(at);
        out.put(in);
        finish(out, start);
        pair.b.channel().write(out);
    }

    /** Writes the ChannelData header or the Send indication's header and attributes; returns where data starts. */
    private int header(ByteBuffer out, int channel, InetSocketAddress peer, long id) {
        if (framing == Framing.CHANNEL_DATA) {
            out.putShort((short) channel).putShort((short) payload);
            return 4;
        }
        byte[] ip = peer.getAddress().getAddress();
        out.putShort((short) 0x0016).putShort((short) (12 + 4 + payload)).putInt(0x2112A442)
                .putInt(0x5EED5EED).putLong(id);
        out.putShort((short) 0x0012).putShort((short) 8).putShort((short) 1)
                .putShort((short) (peer.getPort() ^ 0x2112));
        out.put((byte) (ip[0] ^ 0x21)).put((byte) (ip[1] ^ 0x12)).put((byte) (ip[2] ^ 0xA4)).put((byte) (ip[3] ^ 0x42));
        out.putShort((short) 0x0013).putShort((short) payload);
        return out.position();
    }

    private void finish(ByteBuffer out, int dataStart) {
        int padded = dataStart + ((payload + 3) & ~3);
        while (out.position() < padded && framing == Framing.SEND_INDICATION) {
            out.put((byte) 0);
        }
        out.flip();
    }

    /** Where the echoed payload starts in a received ChannelData or Data indication; -1 if neither. */
    private int payloadOffset(ByteBuffer in) {
        int size = in.limit();
        if (size >= 4 && (in.get(0) & 0xC0) == 0x40) {
            return in.getShort(2) == payload ? 4 : -1;
        }
        for (int at = 20; at + 4 <= size;) {
            int type = in.getShort(at) & 0xFFFF;
            int length = in.getShort(at + 2) & 0xFFFF;
            if (type == 0x0013) {
                return length == payload && at + 4 + length <= size ? at + 4 : -1;
            }
            at += 4 + ((length + 3) & ~3);
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        for (Pair pair : pairs) {
            pair.a.close();
            pair.b.close();
        }
        selector.close();
    }

    private static final class Pair {
        final TurnClient a;
        final TurnClient b;
        final InetSocketAddress relayA;
        final InetSocketAddress relayB;
        long sendId;
        long lastPong;

        Pair(TurnClient a, TurnClient b, InetSocketAddress relayA, InetSocketAddress relayB) {
            this.a = a;
            this.b = b;
            this.relayA = relayA;
            this.relayB = relayB;
        }
    }
}
