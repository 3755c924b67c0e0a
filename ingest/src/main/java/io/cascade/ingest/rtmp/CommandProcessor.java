// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0Null;
import io.cascade.ingest.amf.Amf0Number;
import io.cascade.ingest.amf.Amf0Object;
import io.cascade.ingest.amf.Amf0Undefined;
import java.util.HashSet;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The NetConnection and NetStream commands of a publisher (Adobe RTMP spec 1.0 §7.2), in the
 * order FFmpeg and OBS send them:
 * <ol>
 *   <li>{@code connect} (§7.2.1.1): answered with Window Acknowledgement Size, Set Peer
 *       Bandwidth, Set Chunk Size and {@code _result} NetConnection.Connect.Success;
 *   <li>{@code releaseStream}, {@code FCPublish} (not in the specification; sent by FMLE, FFmpeg
 *       and OBS): {@code _result};
 *   <li>{@code createStream} (§7.2.1.3): {@code _result} with a new message stream id;
 *   <li>{@code publish} (§7.2.2.6): the handler decides; Stream Begin (§7.1.7) then
 *       {@code onStatus} NetStream.Publish.Start, or NetStream.Publish.BadName and a close;
 *   <li>{@code FCUnpublish}, {@code closeStream}, {@code deleteStream} (§7.2.2.3): the publish
 *       ends normally; no reply (the client is hanging up).
 * </ol>
 * {@code play} is refused with NetStream.Play.Failed (ingest serves no playback). Any other
 * command with a transaction id gets {@code _error} NetConnection.Call.Failed; a command
 * before {@code connect} closes the connection. Client-sent strings are never logged.
 */
final class CommandProcessor {
    private static final Logger LOG = Logger.getLogger("io.cascade.ingest.rtmp");
    /** Chunk streams for the server's messages: control on 2 (§5.4), commands on 3, stream replies on 5. */
    static final int CONTROL_CHUNK_STREAM = 2;
    static final int COMMAND_CHUNK_STREAM = 3;
    static final int STREAM_CHUNK_STREAM = 5;

    private final RtmpConnection connection;
    private final Set<Integer> streams = new HashSet<>();
    private String app;
    private int nextStreamId = 1;

    CommandProcessor(RtmpConnection connection) {
        this.connection = connection;
    }

    void handle(CommandMessage command, int messageStreamId) {
        String name = command.name();
        if (app == null && !name.equals("connect")) {
            throw RtmpProtocolException.malformed("command.name", "command before connect");
        }
        switch (name) {
            case "connect" -> connect(command);
            case "releaseStream", "FCPublish" -> replyResult(command);
            case "createStream" -> createStream(command);
            case "publish" -> new PublishCommand(connection, app, streams).publish(command, messageStreamId);
            case "FCUnpublish", "closeStream", "deleteStream" -> connection.unpublish(name);
            case "play", "play2" -> refusePlay(messageStreamId);
            case "_result", "_error", "onStatus", "onBWDone", "_checkbw" -> {
                // Replies to calls the server never makes, or notifications: nothing to do.
            }
            default -> {
                if (command.transactionId() != 0) {
                    send(COMMAND_CHUNK_STREAM, 0, CommandMessage.of("_error", command.transactionId(),
                            Amf0Null.INSTANCE, NetStatus.CALL_FAILED.info("unsupported command")));
                }
            }
        }
    }

    private void connect(CommandMessage command) {
        if (app != null) {
            throw RtmpProtocolException.malformed("command.name", "second connect");
        }
        String requested = command.commandObject() instanceof Amf0Object object ? object.string("app") : null;
        if (requested == null) {
            send(COMMAND_CHUNK_STREAM, 0, CommandMessage.of("_error", command.transactionId(), Amf0Null.INSTANCE,
                    NetStatus.CONNECT_REJECTED.info("connect needs an app")));
            throw RtmpProtocolException.malformed("connect.app", "missing");
        }
        app = stripTrailingSlashes(requested);
        RtmpServerConfig config = connection.server().config();
        send(CONTROL_CHUNK_STREAM, 0, new WindowAcknowledgementSize(config.windowAckSize()));
        send(CONTROL_CHUNK_STREAM, 0, new SetPeerBandwidth(config.windowAckSize(), SetPeerBandwidth.DYNAMIC));
        send(CONTROL_CHUNK_STREAM, 0, new SetChunkSize(config.outChunkSize()));
        Amf0Object properties = Amf0Object.builder().put("fmsVer", "FMS/3,5,7,7009").put("capabilities", 31)
                .put("mode", 1).build();
        Amf0Object info = Amf0Object.builder().put("level", NetStatus.CONNECT_SUCCESS.level())
                .put("code", NetStatus.CONNECT_SUCCESS.code()).put("description", "Connection succeeded.")
                .put("objectEncoding", 0).build();
        send(COMMAND_CHUNK_STREAM, 0, CommandMessage.of("_result", command.transactionId(), properties, info));
        LOG.debugf("rtmp %s: connected", connection.label());
    }

    static String stripTrailingSlashes(String app) {
        int end = app.length();
        while (end > 0 && app.charAt(end - 1) == '/') {
            end--;
        }
        return app.substring(0, end);
    }

    private void replyResult(CommandMessage command) {
        if (command.transactionId() != 0) {
            send(COMMAND_CHUNK_STREAM, 0, CommandMessage.of("_result", command.transactionId(), Amf0Null.INSTANCE,
                    Amf0Undefined.INSTANCE));
        }
    }

    private void createStream(CommandMessage command) {
        int max = connection.server().config().maxStreamsPerConnection();
        if (streams.size() >= max) {
            throw new RtmpProtocolException(CloseReason.STREAM_LIMIT, "createStream", "more than " + max + " streams");
        }
        int id = nextStreamId++;
        streams.add(id);
        send(COMMAND_CHUNK_STREAM, 0, CommandMessage.of("_result", command.transactionId(), Amf0Null.INSTANCE,
                new Amf0Number(id)));
    }

    private void refusePlay(int messageStreamId) {
        send(STREAM_CHUNK_STREAM, messageStreamId, CommandMessage.of("onStatus", 0, Amf0Null.INSTANCE,
                NetStatus.PLAY_FAILED.info("playback is not served by ingest")));
        connection.close(CloseReason.UNSUPPORTED, "play requested");
    }

    private void send(int chunkStreamId, int streamId, RtmpPayload payload) {
        connection.send(chunkStreamId, streamId, payload);
    }
}
