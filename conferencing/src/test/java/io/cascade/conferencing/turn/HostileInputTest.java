// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.stun.ChannelData;
import io.cascade.distribution.stun.Data;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.XorPeerAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated versions of every message the shard understands, and plain noise, from the client side
 * and the peer side: nothing throws, nothing leaks a reference to the received buffer, and the
 * shard still works afterwards. (The Jazzer target {@link TurnShardFuzzTest} explores further.)
 */
class HostileInputTest {

    @Test
    void mutatedMessagesNeverThrowNorLeakAndTheShardKeepsWorking() throws Exception {
        ShardHarness harness = new ShardHarness().withAllocation();
        Random random = new Random(42);
        byte[][] seeds = TurnShardFuzzTest.seeds();
        for (int i = 0; i < 20_000; i++) {
            byte[] input = mutate(seeds[random.nextInt(seeds.length)], random);
            assertThat(harness.fromClient(input)).isEqualTo(1);
            assertThat(harness.fromPeer(input, ShardHarness.PEER)).isEqualTo(1);
        }
        harness.socket.sent.clear();
        harness.toPeer.clear();
        harness.fromClient(new ChannelData(ShardHarness.CHANNEL, new byte[] {1, 2, 3}).encode(ChannelData.Framing.DATAGRAM));
        assertThat(harness.toPeer).hasSize(1);
        assertThat(harness.toPeer.get(0)).containsExactly(1, 2, 3);
    }

    @Test
    void sendIndicationsToTheServersOwnNonRelayPortsAreDropped() throws Exception {
        ShardHarness harness = new ShardHarness().withAllocation();
        harness.request(StunMethod.CREATE_PERMISSION, new XorPeerAddress(ShardHarness.SERVER));
        harness.toPeer.clear();
        byte[] toOwnPort = StunMessageBuilder.indication(StunMethod.SEND, TransactionId.random(new Random(1)))
                .add(new XorPeerAddress(ShardHarness.SERVER)).add(new Data(new byte[] {1})).encode();
        harness.fromClient(toOwnPort);
        assertThat(harness.toPeer).isEmpty();
        assertThat(harness.context.counters.get(TurnCounter.DROPPED_FORBIDDEN_PEER)).isEqualTo(1);
    }

    static byte[] mutate(byte[] seed, Random random) {
        byte[] out = random.nextInt(10) == 0 ? new byte[random.nextInt(64)] : seed.clone();
        if (out.length == seed.length) {
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips && out.length > 0; f++) {
                out[random.nextInt(out.length)] = (byte) random.nextInt(256);
            }
        } else {
            random.nextBytes(out);
        }
        if (random.nextInt(8) == 0 && out.length > 2) {
            return java.util.Arrays.copyOf(out, random.nextInt(out.length));
        }
        return out;
    }
}
