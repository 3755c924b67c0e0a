// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The envelope's contract with Netty: accessors as filled, one release returns it, no second owner. */
class ReusableDatagramTest {
    private static final InetSocketAddress TO = new InetSocketAddress("127.0.0.1", 5004);

    @Test
    void releaseFreesTheContentAndReturnsTheEnvelope() {
        ReusableDatagram.Pool pool = new ReusableDatagram.Pool(4);
        ByteBuf content = Unpooled.directBuffer(10).writeZero(10);
        ReusableDatagram d = pool.take(content, 10, TO);
        assertThat(d.content()).isSameAs(content);
        assertThat(d.recipient()).isSameAs(TO);
        assertThat(d.segmentSize()).isEqualTo(10);
        assertThat(d.refCnt()).isOne();
        assertThat(d.release()).isTrue();
        assertThat(content.refCnt()).isZero();
        assertThat(pool.size()).isOne();
        ByteBuf next = Unpooled.directBuffer(4).writeZero(4);
        assertThat(pool.take(next, 2, TO)).isSameAs(d);
        assertThat(d.content()).isSameAs(next);
        assertThat(d.segmentSize()).isEqualTo(2);
        assertThat(pool.created()).isOne();
        d.release();
    }

    @Test
    void refusesASecondOwner() {
        ReusableDatagram d = new ReusableDatagram.Pool(1).take(Unpooled.directBuffer(1).writeZero(1), 1, TO);
        assertThatThrownBy(d::retain).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> d.retain(2)).isInstanceOf(IllegalStateException.class);
        d.release();
    }

    @Test
    void keepsNoMoreThanItsLimit() {
        ReusableDatagram.Pool pool = new ReusableDatagram.Pool(2);
        ReusableDatagram[] out = new ReusableDatagram[3];
        for (int i = 0; i < 3; i++) {
            out[i] = pool.take(Unpooled.directBuffer(1).writeZero(1), 1, TO);
        }
        for (ReusableDatagram d : out) {
            d.release();
        }
        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.created()).isEqualTo(3);
    }
}
