// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import io.cascade.distribution.relay.PublishInfo;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * Publishes one relay stream from this process: a UDP socket on loopback (or the given host)
 * registered as the stream's source, sending the RTP packets the caller builds. RTCP from the
 * relay is read on a virtual thread; a PLI or FIR for a track's SSRC calls the keyframe listener
 * with that SSRC (an encoder should then cut a keyframe). Thread-safe {@link #send}.
 */
public final class RtpTapPublisher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RtpTapPublisher.class);

    private final DatagramChannel channel;
    private final InetSocketAddress relay;
    private final StreamName stream;
    private final Thread reader;
    private volatile boolean closed;
    private long sent;
    private long sendErrors;

    private RtpTapPublisher(DatagramChannel channel, InetSocketAddress relay, StreamName stream, IntConsumer keyframeRequests) {
        this.channel = channel;
        this.relay = relay;
        this.stream = stream;
        this.reader = Thread.ofVirtual().name("tap-pub-" + stream.value()).start(() -> readRtcp(keyframeRequests));
    }

    /** Binds a socket on {@code host}, registers it as the source of {@code stream}, and returns the publisher. */
    public static RtpTapPublisher open(RelayNode node, StreamName stream, List<TrackSpec> tracks, String host,
                                       IntConsumer keyframeRequests) throws IOException {
        return open(node, stream, tracks, null, host, keyframeRequests);
    }

    /**
     * As {@link #open(RelayNode, StreamName, List, String, IntConsumer)} for a stream whose tracks
     * are simulcast layers ({@code layers}, one per track; null: none), so that each subscriber
     * of it gets one layer of a group at a time, chosen by its downlink.
     */
    public static RtpTapPublisher open(RelayNode node, StreamName stream, List<TrackSpec> tracks,
                                       List<io.cascade.distribution.relay.LayerSpec> layers, String host,
                                       IntConsumer keyframeRequests) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(host, 0));
        try {
            InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
            PublishInfo info = node.publish(stream, local, tracks, layers, null).get(5, TimeUnit.SECONDS);
            ch.connect(info.mediaAddress());
            return new RtpTapPublisher(ch, info.mediaAddress(), stream, keyframeRequests);
        } catch (Exception e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException("publishing " + stream + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends one RTP (or RTCP) packet. Drops and counts on a socket error; never throws for I/O. */
    public synchronized void send(byte[] packet, int offset, int length) {
        if (closed) {
            return;
        }
        try {
            channel.write(ByteBuffer.wrap(packet, offset, length));
            sent++;
        } catch (IOException e) {
            if (sendErrors++ % 100 == 0) {
                LOG.warnf("tap publisher %s: send failed (%s); %d so far", stream, e.getMessage(), sendErrors);
            }
        }
    }

    public void send(byte[] packet) {
        send(packet, 0, packet.length);
    }

    public InetSocketAddress relayAddress() {
        return relay;
    }

    public synchronized long sent() {
        return sent;
    }

    private void readRtcp(IntConsumer keyframeRequests) {
        ByteBuffer buf = ByteBuffer.allocate(1500);
        while (!closed) {
            try {
                buf.clear();
                channel.receive(buf);
                buf.flip();
                RtcpKeyframeRequests.forEach(buf, keyframeRequests);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.debugf("tap publisher %s: %s", stream, e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.debugf("tap publisher %s: bad RTCP ignored (%s)", stream, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader.interrupt();
    }
}
