// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0Null;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The {@code publish} command (Adobe RTMP spec 1.0 §7.2.2.6): {@code publish(txn, null, name,
 * type)} on a message stream made by createStream. Asks the {@link RtmpPublishHandler}, then
 * refuses a key that is already live unless the handler allowed duplicates, then starts the
 * publish with Stream Begin (§7.1.7) and NetStream.Publish.Start. A refusal is
 * NetStream.Publish.BadName with the reason, then a close.
 */
final class PublishCommand {
    private static final Logger LOG = Logger.getLogger("io.cascade.ingest.rtmp");

    private final RtmpConnection connection;
    private final String app;
    private final Set<Integer> streams;

    PublishCommand(RtmpConnection connection, String app, Set<Integer> streams) {
        this.connection = connection;
        this.app = app;
        this.streams = streams;
    }

    void publish(CommandMessage command, int streamId) {
        if (connection.publication() != null) {
            throw RtmpProtocolException.malformed("publish", "already publishing on this connection");
        }
        if (!streams.contains(streamId)) {
            throw RtmpProtocolException.malformed("publish.streamId", "stream " + streamId + " was not created");
        }
        RtmpCounters counters = connection.server().counters();
        String key = command.stringArgument(0);
        if (key == null || key.isEmpty()) {
            counters.publishesRefused.increment();
            refuse(streamId, CloseReason.PUBLISH_REFUSED, "no stream name");
            return;
        }
        connection.identify(key);
        PublishDecision decision;
        try {
            decision = connection.server().handler().onPublish(app, key, connection.remote());
            if (decision == null) {
                throw new NullPointerException("onPublish returned null");
            }
        } catch (RuntimeException e) {
            counters.publishesRefused.increment();
            sendStatus(streamId, NetStatus.PUBLISH_BAD_NAME, "internal error");
            throw new SinkException("onPublish", e);
        }
        switch (decision) {
            case PublishDecision.Refuse refuse -> {
                counters.publishesRefused.increment();
                refuse(streamId, CloseReason.PUBLISH_REFUSED, refuse.reason());
            }
            case PublishDecision.Accept accept -> start(streamId, key, accept);
        }
    }

    private void start(int streamId, String key, PublishDecision.Accept accept) {
        RtmpCounters counters = connection.server().counters();
        ActivePublishers publishers = connection.server().publishers();
        if (!publishers.register(app, key, connection, accept.allowDuplicate())) {
            counters.publishesRefused.increment();
            Publication.endSink(accept.sink(), new PublishEnd(PublishEnd.Kind.REFUSED,
                    "the stream key is already being published"), connection.label());
            refuse(streamId, CloseReason.DUPLICATE_PUBLISH, "stream is already being published");
            return;
        }
        MediaDemuxer demuxer = new MediaDemuxer(accept.sink(), counters, connection.onceLog());
        connection.publication(new Publication(app, key, streamId, accept.sink(), demuxer, publishers, connection));
        counters.publishesAccepted.increment();
        connection.send(CommandProcessor.CONTROL_CHUNK_STREAM, 0, UserControlEvent.streamBegin(streamId));
        sendStatus(streamId, NetStatus.PUBLISH_START, "Publishing.");
        LOG.infof("rtmp %s: publishing", connection.label());
    }

    private void refuse(int streamId, CloseReason reason, String description) {
        sendStatus(streamId, NetStatus.PUBLISH_BAD_NAME, description);
        connection.close(reason, description);
    }

    private void sendStatus(int streamId, NetStatus status, String description) {
        connection.send(CommandProcessor.STREAM_CHUNK_STREAM, streamId,
                CommandMessage.of("onStatus", 0, Amf0Null.INSTANCE, status.info(description)));
    }
}
