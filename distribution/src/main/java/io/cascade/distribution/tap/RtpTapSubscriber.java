// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.Subscription;
import io.cascade.distribution.relay.TrackSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Subscribes this process to one relay stream: a UDP socket registered as a subscriber; every
 * RTP packet goes to the consumer (on this tap's virtual thread, in arrival order, with the
 * index of its track); receiver reports every second keep the subscription alive (the relay
 * drops a subscriber that sends no RTCP); {@link #requestKeyframe} sends a PLI. Sender reports
 * from the relay (the publisher's NTP time with the RTP timestamp translated into this
 * subscription's space, RFC 3550 §6.4.1, §7.2) go to {@link Consumer#senderReport} on the same
 * thread, in order with the packets.
 */
public final class RtpTapSubscriber implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RtpTapSubscriber.class);
    private static final long REPORT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    /** Receives packets: {@code packet} holds one RTP packet, valid only during the call. */
    @FunctionalInterface
    public interface Consumer {
        void rtp(int trackIndex, ByteBuffer packet);

        /**
         * A sender report about track {@code trackIndex}: {@code ntp} (64-bit NTP timestamp) and
         * {@code rtpTimestamp}, this track's RTP timestamp at that instant. Ignored unless overridden.
         */
        default void senderReport(int trackIndex, long ntp, int rtpTimestamp) {
        }
    }

    private final DatagramChannel channel;
    private final RelayNode node;
    private final Subscription subscription;
    private final int ownSsrc;
    private final Thread reader;
    private final Thread reporter;
    private volatile boolean closed;
    private volatile long received;
    private volatile long senderReports;

    private RtpTapSubscriber(DatagramChannel channel, RelayNode node, Subscription subscription, Consumer consumer) {
        this.channel = channel;
        this.node = node;
        this.subscription = subscription;
        this.ownSsrc = (int) (System.nanoTime() | 1);
        this.reader = Thread.ofVirtual().name("tap-sub-" + subscription.stream().value()).start(() -> read(consumer));
        this.reporter = Thread.ofVirtual().name("tap-rr-" + subscription.stream().value()).start(this::report);
    }

    /** A receiver report every second, whether or not media flows. */
    private void report() {
        while (!closed) {
            sendReport();
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(REPORT_INTERVAL_NS));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public static RtpTapSubscriber open(RelayNode node, StreamName stream, String host, Consumer consumer) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET).bind(new InetSocketAddress(host, 0));
        try {
            Subscription s = node.subscribe(stream, (InetSocketAddress) ch.getLocalAddress(), null).get(5, TimeUnit.SECONDS);
            ch.connect(s.mediaAddress());
            return new RtpTapSubscriber(ch, node, s, consumer);
        } catch (Exception e) {
            ch.close();
            throw e instanceof IOException io ? io : new IOException("subscribing to " + stream + " failed: " + e.getMessage(), e);
        }
    }

    /** The tracks in this subscriber's space (SSRCs, payload types). */
    public List<TrackSpec> tracks() {
        return subscription.tracks();
    }

    public long received() {
        return received;
    }

    /** Asks the relay for a keyframe on a track (a PLI, RFC 4585 §6.3.1); throttled upstream. */
    public void requestKeyframe(int trackIndex) {
        ByteBuffer pli = ByteBuffer.allocate(12);
        pli.put((byte) 0x81).put((byte) 206).putShort((short) 2).putInt(ownSsrc).putInt(tracks().get(trackIndex).ssrc());
        send(pli.flip());
    }

    private void read(Consumer consumer) {
        ByteBuffer buf = ByteBuffer.allocate(2048);
        while (!closed) {
            try {
                buf.clear();
                channel.receive(buf);
                buf.flip();
                if (buf.remaining() < 12 || (buf.get(0) & 0xC0) != 0x80) {
                    continue;
                }
                int second = buf.get(1) & 0xFF;
                if (second >= 192 && second <= 223) { // RTCP from the relay (RFC 5761 §4)
                    senderReports(buf, consumer);
                    continue;
                }
                int track = trackOf(buf.getInt(8));
                if (track >= 0) {
                    received++;
                    consumer.rtp(track, buf);
                }
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (!closed) {
                    LOG.debugf("tap subscriber %s: %s", subscription.stream(), e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "tap subscriber %s: consumer failed on a packet", subscription.stream());
            }
        }
    }

    /** Walks an RTCP compound by its length fields; each SR (PT 200) about one of our tracks goes to the consumer. */
    private void senderReports(ByteBuffer b, Consumer consumer) {
        int at = b.position();
        int end = b.limit();
        while (at + 4 <= end && ((b.get(at) & 0xFF) >> 6) == 2) {
            int length = 4 * ((b.getShort(at + 2) & 0xFFFF) + 1);
            if (at + length > end) {
                return;
            }
            if ((b.get(at + 1) & 0xFF) == 200 && length >= 28) {
                int track = trackOf(b.getInt(at + 4));
                if (track >= 0) {
                    senderReports++;
                    consumer.senderReport(track, b.getLong(at + 8), b.getInt(at + 16));
                }
            }
            at += length;
        }
    }

    /** Sender reports received about this subscription's tracks. */
    public long senderReports() {
        return senderReports;
    }

    private int trackOf(int ssrc) {
        List<TrackSpec> t = subscription.tracks();
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).ssrc() == ssrc) {
                return i;
            }
        }
        return -1;
    }

    /** An empty receiver report (RFC 3550 §6.4.2): proof of life for the relay. */
    private void sendReport() {
        ByteBuffer rr = ByteBuffer.allocate(8);
        rr.put((byte) 0x80).put((byte) 201).putShort((short) 1).putInt(ownSsrc);
        send(rr.flip());
    }

    private synchronized void send(ByteBuffer b) {
        try {
            channel.write(b);
        } catch (IOException e) {
            LOG.debugf("tap subscriber %s: RTCP send failed: %s", subscription.stream(), e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debugf("closing tap: %s", e.getMessage());
        }
        reader.interrupt();
        reporter.interrupt();
        node.unsubscribe(subscription.stream(), subscription.id());
    }
}
