// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The small state machines under the handlers, each driven with explicit times. */
class StateTest {

    @Test
    void noncesAreBoundToTheClientAndExpire() throws Exception {
        StatelessNonces nonces = new StatelessNonces(new Random(1), Duration.ofMinutes(10));
        InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 5000);
        long t0 = 1_800_000_000_000L;
        String nonce = nonces.issue(client, t0);
        assertThat(nonce).matches("[A-Za-z0-9_-]{22}");
        assertThat(nonces.check(nonce, client, t0 + 599_000)).isEqualTo(StatelessNonces.Check.VALID);
        assertThat(nonces.check(nonce, client, t0 + 600_000)).isEqualTo(StatelessNonces.Check.STALE);
        assertThat(nonces.check(nonce, new InetSocketAddress(client.getAddress(), 5001), t0))
                .isEqualTo(StatelessNonces.Check.INVALID);
        assertThat(nonces.check("not base64 !", client, t0)).isEqualTo(StatelessNonces.Check.INVALID);
        assertThat(new StatelessNonces(new Random(2), Duration.ofMinutes(10)).check(nonce, client, t0))
                .as("another server's key").isEqualTo(StatelessNonces.Check.INVALID);
    }

    @Test
    void theRateLimiterAllowsABurstThenTheRate() throws Exception {
        SourceRateLimiter limiter = new SourceRateLimiter(10);
        InetAddress source = InetAddress.getByName("192.0.2.7");
        int granted = 0;
        for (int i = 0; i < 100; i++) {
            granted += limiter.tryAcquire(source, 1000) ? 1 : 0;
        }
        assertThat(granted).isEqualTo(40); // burst: four seconds' worth
        assertThat(limiter.tryAcquire(source, 1050)).isFalse();
        assertThat(limiter.tryAcquire(source, 1100)).as("one token per 100 ms at 10/s").isTrue();
        assertThat(limiter.tryAcquire(InetAddress.getByName("192.0.2.8"), 1100)).as("another source").isTrue();
    }

    @Test
    void channelsFindByNumberAndPeerAndSweepExpiredOnes() throws Exception {
        Channels channels = new Channels();
        Set<Integer> numbers = new HashSet<>();
        Random random = new Random(3);
        while (numbers.size() < 200) {
            numbers.add(0x4000 + random.nextInt(0x3FFF));
        }
        int i = 0;
        for (int number : numbers) {
            channels.add(new ChannelBinding(number, new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 1000 + i),
                    i % 2 == 0 ? 100 : 200));
            i++;
        }
        for (int number : numbers) {
            assertThat(channels.byNumber(number).number).isEqualTo(number);
        }
        channels.sweep(150);
        assertThat(channels.size()).isEqualTo(100);
        i = 0;
        for (int number : numbers) {
            InetSocketAddress peer = new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 1000 + i);
            if (i % 2 == 0) {
                assertThat(channels.byNumber(number)).isNull();
                assertThat(channels.byPeer(peer)).isNull();
            } else {
                assertThat(channels.byNumber(number).peer).isEqualTo(peer);
                assertThat(channels.byPeer(peer).number).isEqualTo(number);
            }
            i++;
        }
    }

    @Test
    void bandwidthRefillsAtTheRateAndHoldsOneSecond() {
        BandwidthLimit limit = BandwidthLimit.ofKbps(80); // 10,000 bytes per second
        assertThat(limit.tryConsume(10_000, 0)).isTrue();
        assertThat(limit.tryConsume(1, 0)).isFalse();
        assertThat(limit.tryConsume(1000, 100)).isTrue();
        assertThat(limit.tryConsume(1, 100)).isFalse();
        assertThat(limit.tryConsume(10_000, 100_000)).as("no more than a second saved up").isTrue();
        assertThat(limit.tryConsume(1, 100_000)).isFalse();
        assertThat(BandwidthLimit.ofKbps(0)).isSameAs(BandwidthLimit.NONE);
    }

    @Test
    void relayPortsAreHandedOutOnceAndEvenWhenAsked() {
        RelayPortPool pool = new RelayPortPool(50000, 50009, new Random(4));
        Set<Integer> seen = new HashSet<>();
        int even = pool.acquire(true, true);
        assertThat(even % 2).isZero();
        seen.add(even);
        seen.add(even + 1);
        for (int port = pool.acquire(false, false); port >= 0; port = pool.acquire(false, false)) {
            assertThat(seen.add(port)).isTrue();
        }
        assertThat(seen).hasSize(10);
        pool.release(50003);
        assertThat(pool.acquire(false, false)).isEqualTo(50003);
    }

    @Test
    void quotasCountPerUserAndInTotal() {
        AllocationQuota quota = new AllocationQuota(2, 3);
        assertThat(quota.tryAcquire("a")).isTrue();
        assertThat(quota.tryAcquire("a")).isTrue();
        assertThat(quota.tryAcquire("a")).isFalse();
        assertThat(quota.tryAcquire("b")).isTrue();
        assertThat(quota.tryAcquire("c")).isFalse();
        quota.release("a");
        assertThat(quota.tryAcquire("c")).isTrue();
        assertThat(quota.inUse()).isEqualTo(3);
    }
}
