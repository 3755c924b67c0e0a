// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import io.netty.buffer.ByteBuf;
import java.net.InetSocketAddress;

/**
 * The WebRTC side of a shard's socket (RFC 7983): the shard keeps RTP and RTCP (first octet
 * 128..191) and hands everything else here, STUN (0..3) and DTLS (20..63) above all; and it asks
 * which {@link MediaLink}, if any, secures a sender's media. Called on the shard's thread.
 */
public interface PeerDemux {

    /**
     * A datagram that is not RTP or RTCP. The buffer is only borrowed for the call.
     *
     * @return false when nothing wanted it (the shard counts it as garbage)
     */
    boolean onOther(ByteBuf datagram, InetSocketAddress sender);

    /** The link securing media from (and to) this address, or null for plain RTP. */
    MediaLink linkOf(InetSocketAddress sender);

    /** Timer work on the shard's thread (consent expiry, housekeeping); every tick. */
    default void tick(long nowMs) {
    }
}
