// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cascade.distribution.stun.ChannelData;
import io.cascade.distribution.stun.ChannelNumber;
import io.cascade.distribution.stun.Data;
import io.cascade.distribution.stun.Lifetime;
import io.cascade.distribution.stun.RequestedTransport;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.XorPeerAddress;
import java.util.Random;

/**
 * Fuzz target for the server's whole receive path on one shard with a live allocation: client
 * datagrams (STUN requests and indications, ChannelData, RFC 3489 Binding, anything) and peer
 * datagrams. Property: nothing throws, and the received buffer's reference count is back to 1
 * (no retained slice leaked).
 *
 * <p>Under {@code mvn test} Jazzer replays the corpus in {@code src/test/resources/.../
 * TurnShardFuzzTestInputs/receivePath/}; run with {@code JAZZER_FUZZ=1} to fuzz and keep findings.
 */
class TurnShardFuzzTest {
    private static ShardHarness harness;

    @FuzzTest
    void receivePath(FuzzedDataProvider data) throws Exception {
        if (harness == null) {
            harness = new ShardHarness().withAllocation();
        }
        boolean fromPeer = data.consumeBoolean();
        byte[] datagram = data.consumeRemainingAsBytes();
        int refCnt = fromPeer ? harness.fromPeer(datagram, ShardHarness.PEER) : harness.fromClient(datagram);
        if (refCnt != 1) {
            throw new IllegalStateException("the received buffer's reference count is " + refCnt);
        }
        harness.socket.sent.clear();
        harness.toPeer.clear();
    }

    /** Valid messages of every kind the shard handles, the starting points for mutation. */
    static byte[][] seeds() {
        Random random = new Random(3);
        return new byte[][] {
            StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random)).encode(),
            StunMessageBuilder.request(StunMethod.BINDING, TransactionId.random(random)).fingerprint().encode(),
            StunMessageBuilder.request(StunMethod.ALLOCATE, TransactionId.random(random))
                    .add(new RequestedTransport(17)).fingerprint().encode(),
            StunMessageBuilder.request(StunMethod.REFRESH, TransactionId.random(random)).add(new Lifetime(600)).encode(),
            StunMessageBuilder.request(StunMethod.CHANNEL_BIND, TransactionId.random(random))
                    .add(new ChannelNumber(0x4002)).add(new XorPeerAddress(ShardHarness.PEER)).encode(),
            StunMessageBuilder.indication(StunMethod.SEND, TransactionId.random(random))
                    .add(new XorPeerAddress(ShardHarness.PEER)).add(new Data(new byte[] {1, 2, 3})).fingerprint().encode(),
            new ChannelData(ShardHarness.CHANNEL, new byte[] {9, 9, 9, 9, 9}).encode(ChannelData.Framing.DATAGRAM),
            java.util.HexFormat.of().parseHex("000100080133b71e032c91322b3cec5c6d1b8a460003000400000004"),
        };
    }
}
