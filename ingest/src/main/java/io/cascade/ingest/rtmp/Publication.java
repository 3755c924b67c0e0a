// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import org.jboss.logging.Logger;

/**
 * One accepted publish on a connection: its key registration, its sink and its demuxer. Ends
 * once: unregisters the key and gives the sink its {@link RtmpMediaSink#onEnd}.
 */
final class Publication {
    private static final Logger LOG = Logger.getLogger("io.cascade.ingest.rtmp");

    final String app;
    final String key;
    final int streamId;
    final MediaDemuxer demuxer;
    private final RtmpMediaSink sink;
    private final ActivePublishers publishers;
    private final Object owner;
    private boolean ended;

    Publication(String app, String key, int streamId, RtmpMediaSink sink, MediaDemuxer demuxer,
            ActivePublishers publishers, Object owner) {
        this.app = app;
        this.key = key;
        this.streamId = streamId;
        this.sink = sink;
        this.demuxer = demuxer;
        this.publishers = publishers;
        this.owner = owner;
    }

    /** Ends the publish; later calls do nothing. A sink that throws here is logged, not rethrown. */
    void end(PublishEnd end, String connection) {
        if (ended) {
            return;
        }
        ended = true;
        publishers.unregister(app, key, owner);
        endSink(sink, end, connection);
    }

    /** Gives {@code sink} its end, logging rather than rethrowing what it throws. */
    static void endSink(RtmpMediaSink sink, PublishEnd end, String connection) {
        try {
            sink.onEnd(end);
        } catch (RuntimeException e) {
            LOG.errorf(e, "rtmp %s: media sink threw from onEnd", connection);
        }
    }
}
