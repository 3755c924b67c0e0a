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
 * STUN Binding load: {@code sockets} client sockets, each keeping {@code window} attribute-less
 * Binding requests (what browsers and {@code turnutils_stunclient} send) in flight, on one thread.
 * Closed loop: a response frees a slot for the next request, so the rate is what the server
 * sustains with this client, not what the client could push. A lost request is written off after
 * a timeout so that the window does not shrink for good.
 */
final class BindingLoad {
    private static final long LOSS_TIMEOUT_NANOS = Duration.ofMillis(200).toNanos();

    record Result(long responses, double seconds) {
        double perSecond() {
            return responses / seconds;
        }
    }

    private BindingLoad() {}

    static Result run(InetSocketAddress server, int sockets, int window, Duration duration) throws IOException {
        List<DatagramChannel> channels = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (int i = 0; i < sockets; i++) {
                DatagramChannel channel = DatagramChannel.open();
                channels.add(channel);
                channel.bind(new InetSocketAddress(server.getAddress(), 0)).connect(server).configureBlocking(false);
                channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
                channel.register(selector, SelectionKey.OP_READ, i);
            }
            ByteBuffer request = ByteBuffer.allocateDirect(20);
            ByteBuffer response = ByteBuffer.allocateDirect(256);
            long[] lastProgress = new long[sockets];
            long counter = 0;
            long responses = 0;
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            for (int i = 0; i < sockets; i++) {
                for (int w = 0; w < window; w++) {
                    send(channels.get(i), request, counter++);
                }
                lastProgress[i] = start;
            }
            long now = start;
            long nextCheck = start + LOSS_TIMEOUT_NANOS;
            while (now < end) {
                selector.select(1);
                now = System.nanoTime();
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    lastProgress[(Integer) key.attachment()] = now;
                    response.clear();
                    while (channel.read(response) > 0) {
                        responses++;
                        send(channel, request, counter++);
                        response.clear();
                    }
                }
                selector.selectedKeys().clear();
                if (now > nextCheck) {
                    // A socket silent for the loss timeout lost its whole window: start it again.
                    for (int i = 0; i < sockets; i++) {
                        if (now - lastProgress[i] > LOSS_TIMEOUT_NANOS) {
                            for (int w = 0; w < window; w++) {
                                send(channels.get(i), request, counter++);
                            }
                            lastProgress[i] = now;
                        }
                    }
                    nextCheck = now + LOSS_TIMEOUT_NANOS / 4;
                }
            }
            return new Result(responses, (System.nanoTime() - start) / 1e9);
        } finally {
            for (DatagramChannel channel : channels) {
                channel.close();
            }
        }
    }

    private static void send(DatagramChannel channel, ByteBuffer request, long id) throws IOException {
        request.clear();
        request.putInt(0x0001_0000).putInt(0x2112A442).putInt(0x5A5A5A5A).putLong(id);
        request.flip();
        channel.write(request);
    }
}
