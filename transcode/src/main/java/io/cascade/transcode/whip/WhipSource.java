// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.tap.RtpTapSubscriber;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.transcode.media.SourceSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * A WHIP publisher's relay stream, subscribed on this node and fed to a broadcast source through a
 * {@link WhipSourceBridge} (see the package comment). Asks for a keyframe as soon as it is
 * subscribed. {@link #requestKeyframe} may be called from any thread without blocking (the input
 * manager calls it under its lock): the request goes out with the next packet's handling.
 */
public final class WhipSource implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WhipSource.class);

    private final StreamName stream;
    private final WhipSourceBridge bridge;
    private final AtomicBoolean keyframeWanted = new AtomicBoolean();
    private volatile RtpTapSubscriber tap;

    private WhipSource(StreamName stream, List<TrackFormat> formats, SourceSink sink) {
        this.stream = stream;
        this.bridge = new WhipSourceBridge(formats, sink, System::currentTimeMillis, track -> {
            RtpTapSubscriber t = tap;
            if (t != null) {
                t.requestKeyframe(track);
            }
        });
    }

    /**
     * Subscribes to {@code stream} (published by a WHIP session whose tracks are {@code formats})
     * and feeds {@code sink}; {@link #close} ends the sink.
     *
     * @throws IllegalArgumentException formats a broadcast source cannot take ({@link WhipSourceBridge#unsupported})
     * @throws IOException the relay refused the subscription (the sink is ended)
     */
    public static WhipSource start(RelayNode relay, StreamName stream, List<TrackFormat> formats, String host,
                                   SourceSink sink) throws IOException {
        WhipSource s = new WhipSource(stream, formats, sink);
        try {
            s.tap = RtpTapSubscriber.open(relay, stream, host, s::packet);
        } catch (IOException e) {
            s.bridge.close();
            throw e;
        }
        s.bridge.requestKeyframe();
        LOG.infof("WHIP source: %s feeds its broadcast source", stream);
        return s;
    }

    private void packet(int track, ByteBuffer packet) {
        if (keyframeWanted.getAndSet(false)) {
            bridge.requestKeyframe();
        }
        bridge.rtp(track, packet);
    }

    /** The program waits for this source's keyframe: ask the publisher for one. */
    public void requestKeyframe() {
        keyframeWanted.set(true);
    }

    public WhipSourceBridge.Stats stats() {
        return bridge.stats();
    }

    public StreamName stream() {
        return stream;
    }

    /** Unsubscribes and ends the source. Idempotent. */
    @Override
    public void close() {
        RtpTapSubscriber t = tap;
        if (t != null) {
            t.close();
        }
        bridge.close();
        LOG.infof("WHIP source: %s ended (%s)", stream, bridge.stats());
    }
}
