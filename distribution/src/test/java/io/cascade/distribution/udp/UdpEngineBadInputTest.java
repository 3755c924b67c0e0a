// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.rtp.LeakDetection;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No datagram and no handler failure stops a socket. */
@ExtendWith(LeakDetection.class)
class UdpEngineBadInputTest {

    @ParameterizedTest(name = "nio={0}")
    @ValueSource(booleans = {false, true})
    void aThrowingHandlerIsCountedAndTheNextDatagramIsHandled(boolean nio) throws Exception {
        DatagramHandler handler = (datagram, sender, socket) -> {
            if (datagram.toString(StandardCharsets.UTF_8).equals("boom")) {
                throw new IllegalStateException("handler bug");
            }
            Echo.echo(datagram, sender, socket);
        };
        try (UdpEngine engine = UdpEngine.start(Echo.config(1).withForceNio(nio), handler);
                Loopback peer = new Loopback()) {
            UdpSocket socket = engine.sockets().get(0);
            peer.send("boom", socket.localAddress());
            peer.send("boom", socket.localAddress());
            peer.send("fine", socket.localAddress());
            assertThat(peer.receiveText()).isEqualTo("fine");
            assertThat(socket.stats().handlerErrors()).isEqualTo(2);
            assertThat(socket.stats().received()).isEqualTo(3);
        }
    }

    /** Empty datagrams reach the handler empty; longer than the slot, truncated to it (recvmmsg(2) MSG_TRUNC). */
    @ParameterizedTest(name = "nio={0}")
    @ValueSource(booleans = {false, true})
    void emptyAndOversizedDatagramsAreDeliveredWithinTheSlot(boolean nio) throws Exception {
        int slot = 512;
        List<Integer> lengths = new ArrayList<>();
        DatagramHandler handler = (datagram, sender, socket) -> lengths.add(datagram.readableBytes());
        UdpEngineConfig config = Echo.config(1).withReceive(8, slot).withForceNio(nio);
        try (UdpEngine engine = UdpEngine.start(config, handler); Loopback peer = new Loopback()) {
            UdpSocket socket = engine.sockets().get(0);
            peer.send(new byte[0], socket.localAddress());
            peer.send(new byte[9000], socket.localAddress());
            peer.send(new byte[7], socket.localAddress());
            Loopback.await("three datagrams", () -> socket.stats().received() == 3);
            List<Integer> seen = socket.executor().submit(() -> List.copyOf(lengths)).get();
            assertThat(seen).containsExactly(0, slot, 7);
        }
    }

    @ParameterizedTest(name = "nio={0}")
    @ValueSource(booleans = {false, true})
    void aHandlerThatRetainsKeepsTheBufferAfterTheCall(boolean nio) throws Exception {
        List<ByteBuf> kept = new ArrayList<>();
        DatagramHandler handler = (datagram, sender, socket) -> kept.add(datagram.retain());
        try (UdpEngine engine = UdpEngine.start(Echo.config(1).withForceNio(nio), handler);
                Loopback peer = new Loopback()) {
            UdpSocket socket = engine.sockets().get(0);
            peer.send("keep me", socket.localAddress());
            Loopback.await("received", () -> socket.stats().received() == 1);
            String text = socket.executor().submit(() -> {
                ByteBuf buf = kept.get(0);
                String content = buf.toString(StandardCharsets.UTF_8);
                buf.release();
                return content;
            }).get();
            assertThat(text).isEqualTo("keep me");
        }
    }
}
