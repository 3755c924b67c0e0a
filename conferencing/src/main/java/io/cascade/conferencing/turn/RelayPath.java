// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * The data plane of one event loop, both directions, read top to bottom:
 *
 * <pre>
 * client -> peer   ChannelData (§12.6)  : allocation? -> channel bound and live? -> permission? -> quota? -> relay socket
 *                  Send indication (§10.2): allocation? -> parse in place -> permission? -> own port? -> quota? -> relay socket
 * peer -> client   datagram (§10.3, §12.7): permission? -> quota? -> channel bound? ChannelData : Data indication -> client link
 * </pre>
 *
 * <p>Each stage that refuses a datagram counts it in one {@code DROPPED_*} counter and returns;
 * nothing here throws, logs or allocates beyond the outgoing buffer (client to peer forwards a
 * retained slice of the received buffer, no copy; peer to client copies the payload once, behind
 * the 4-byte ChannelData header or the Data indication's attributes). Buffers passed in are
 * borrowed: their owner releases them after the call.
 */
final class RelayPath {
    private final TurnCounters counters;
    private final SendIndicationView sendView = new SendIndicationView();
    private final PeerPolicy policy;

    RelayPath(TurnCounters counters, PeerPolicy policy) {
        this.counters = counters;
        this.policy = policy;
    }

    /** ChannelData from the client in {@code d} (one datagram, or one de-framed stream message). */
    void channelDataFromClient(Allocation allocation, ByteBuf d, boolean stream, long nowMillis) {
        if (allocation == null) {
            counters.increment(TurnCounter.DROPPED_NO_ALLOCATION);
            return;
        }
        int at = d.readerIndex();
        int length = stream ? d.getUnsignedShort(at + 2) : ChannelFrame.datagramDataLength(d);
        if (length < 0) {
            counters.increment(TurnCounter.DROPPED_MALFORMED);
            return;
        }
        // "If the ChannelData message is received on a channel that is not bound to any peer,
        // then the message is silently discarded."
        ChannelBinding channel = allocation.channels.byNumber(d.getUnsignedShort(at));
        if (channel == null || !channel.liveAt(nowMillis)) {
            counters.increment(TurnCounter.DROPPED_NO_CHANNEL);
            return;
        }
        forward(allocation, channel.peer, d, at + ChannelFrame.HEADER, length, nowMillis);
    }

    /** A Send indication from the client (RFC 8656 §10.2); anything wrong discards it silently. */
    void sendFromClient(Allocation allocation, ByteBuf d, long nowMillis) {
        if (allocation == null) {
            counters.increment(TurnCounter.DROPPED_NO_ALLOCATION);
            return;
        }
        if (!sendView.parse(d)) {
            counters.increment(TurnCounter.DROPPED_MALFORMED);
            return;
        }
        InetSocketAddress peer = allocation.lastSendPeer;
        if (!sendView.peerEquals(peer)) {
            peer = sendView.peer();
            allocation.lastSendPeer = peer;
        }
        // "The server MAY impose restrictions on the IP address and port values allowed in the
        // XOR-PEER-ADDRESS attribute; if a value is not allowed, the server silently discards."
        if (policy.isSelfPort(peer)) {
            counters.increment(TurnCounter.DROPPED_FORBIDDEN_PEER);
            return;
        }
        forward(allocation, peer, d, sendView.dataIndex(), sendView.dataLength(), nowMillis);
    }

    /** Common tail of both client-to-peer paths: permission, quota, relay socket. */
    private void forward(Allocation allocation, InetSocketAddress peer, ByteBuf d, int index, int length,
            long nowMillis) {
        // "...checks that there is a permission installed for the IP address... If no such
        // permission exists, the message is discarded." (§10.2; §12.6 likewise for channels)
        if (!allocation.permissions.permits(peer.getAddress(), nowMillis)) {
            counters.increment(TurnCounter.DROPPED_NO_PERMISSION);
            return;
        }
        if (!allocation.toPeer.tryConsume(length, nowMillis)) {
            counters.increment(TurnCounter.DROPPED_BANDWIDTH);
            return;
        }
        allocation.relay.send(d.retainedSlice(index, length), peer);
        counters.increment(TurnCounter.RELAYED_TO_PEER);
    }

    /**
     * A datagram from {@code peer} at the allocation's relayed address (RFC 8656 §10.3). {@code
     * truncated} marks one that filled its receive slot and may have been cut short: dropped
     * rather than relayed wrong.
     */
    void fromPeer(Allocation allocation, ByteBuf d, InetSocketAddress peer, boolean truncated, long nowMillis) {
        if (truncated) {
            counters.increment(TurnCounter.DROPPED_OVERSIZE);
            return;
        }
        // "The server then checks to see whether the set of permissions for the allocation allow
        // the relaying of the UDP datagram as described in Section 9."
        if (!allocation.liveAt(nowMillis) || !allocation.permissions.permits(peer.getAddress(), nowMillis)) {
            counters.increment(TurnCounter.DROPPED_NO_PERMISSION);
            return;
        }
        int length = d.readableBytes();
        if (!allocation.toClient.tryConsume(length, nowMillis)) {
            counters.increment(TurnCounter.DROPPED_BANDWIDTH);
            return;
        }
        ClientLink link = allocation.link;
        boolean stream = link.transport().stream();
        // "If relaying is permitted, then the server checks if there is a channel bound to the
        // peer that sent the UDP datagram. If a channel is bound, then processing proceeds as
        // described in Section 12.7" (ChannelData); otherwise a Data indication.
        ChannelBinding channel = allocation.channels.byPeer(peer);
        ByteBuf out;
        if (channel != null && channel.liveAt(nowMillis)) {
            out = link.alloc().directBuffer(ChannelFrame.encodedLength(length, stream));
            ChannelFrame.write(channel.number, d, d.readerIndex(), length, stream, out);
        } else {
            out = link.alloc().directBuffer(DataIndication.length(peer, length));
            DataIndication.write(peer, d, d.readerIndex(), length, out);
        }
        link.send(out);
        counters.increment(TurnCounter.RELAYED_TO_CLIENT);
    }
}
