// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0Decoder;
import io.cascade.ingest.amf.Amf0Exception;
import io.cascade.ingest.amf.Amf0Value;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.List;

/**
 * Last in the pipeline: takes each reassembled message by type (Adobe RTMP spec 1.0 §5.4
 * control, §6.2 user control, §7.1 commands, data, audio, video) to where it belongs, and turns
 * every failure into one {@link RtmpConnection#close}: a protocol violation with its reason, a
 * sink that threw as {@link CloseReason#SINK_FAILURE}, anything else as
 * {@link CloseReason#INTERNAL_ERROR}. Releases every message it gets, whatever happens.
 */
final class RtmpSessionHandler extends ChannelInboundHandlerAdapter {
    private final RtmpConnection connection;
    private final CommandProcessor commands;

    RtmpSessionHandler(RtmpConnection connection) {
        this.connection = connection;
        this.commands = new CommandProcessor(connection);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof RtmpMessage message)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (!connection.isClosing()) {
                connection.server().counters().messagesIn.increment();
                dispatch(message);
            }
        } catch (RtmpProtocolException e) {
            connection.close(e.reason(), e.getMessage());
        } catch (SinkException e) {
            connection.close(CloseReason.SINK_FAILURE, e.getMessage(), e.getCause());
        } catch (RuntimeException e) {
            connection.close(CloseReason.INTERNAL_ERROR, e.toString(), e);
        } finally {
            message.release();
        }
    }

    private void dispatch(RtmpMessage message) {
        RtmpMessageType type = message.type();
        ByteBuf body = message.payload();
        if (type == null) {
            connection.onceLog().once("type." + message.typeId(), "ignoring message type " + message.typeId());
            return;
        }
        switch (type) {
            case SET_CHUNK_SIZE, ABORT, ACKNOWLEDGEMENT -> {
                // Chunk-level messages were applied by the decoder; acknowledgements need nothing.
            }
            case WINDOW_ACKNOWLEDGEMENT_SIZE -> connection.acknowledgementWindow(
                    WindowAcknowledgementSize.decode(body).size());
            case SET_PEER_BANDWIDTH -> SetPeerBandwidth.decode(body);
            case USER_CONTROL -> userControl(UserControlEvent.decode(body));
            case COMMAND_AMF0 -> commands.handle(CommandMessage.decode(body, false), message.streamId());
            case COMMAND_AMF3 -> commands.handle(CommandMessage.decode(body, true), message.streamId());
            case DATA_AMF0, DATA_AMF3 -> data(message, type == RtmpMessageType.DATA_AMF3);
            case AUDIO, VIDEO -> media(message, type == RtmpMessageType.VIDEO);
            case AGGREGATE -> {
                connection.server().counters().unsupportedMedia.increment();
                connection.onceLog().once("aggregate", "ignoring aggregate messages: not supported");
            }
            case SHARED_OBJECT_AMF0, SHARED_OBJECT_AMF3 ->
                connection.onceLog().once("sharedObject", "ignoring shared object messages");
        }
    }

    private void userControl(UserControlEvent event) {
        if (event.eventType() == UserControlEvent.PING_REQUEST) {
            connection.send(CommandProcessor.CONTROL_CHUNK_STREAM, 0,
                    new UserControlEvent(UserControlEvent.PING_RESPONSE, event.value(), 0));
        }
    }

    private Publication publicationFor(RtmpMessage message) {
        Publication publication = connection.publication();
        return publication != null && publication.streamId == message.streamId() ? publication : null;
    }

    private void media(RtmpMessage message, boolean video) {
        Publication publication = publicationFor(message);
        if (publication == null) {
            connection.onceLog().once("media.unpublished", "ignoring media outside a publish");
            return;
        }
        if (video) {
            publication.demuxer.video(message.timestamp(), message.payload());
        } else {
            publication.demuxer.audio(message.timestamp(), message.payload());
        }
    }

    private void data(RtmpMessage message, boolean amf3) {
        Publication publication = publicationFor(message);
        if (publication == null) {
            return;
        }
        ByteBuf body = message.payload();
        List<Amf0Value> values;
        try {
            if (amf3 && body.isReadable() && body.getByte(body.readerIndex()) == 0) {
                body.skipBytes(1);
            }
            values = Amf0Decoder.decodeAll(body);
        } catch (Amf0Exception e) {
            publication.demuxer.malformed("data", e);
            return;
        }
        publication.demuxer.data(values);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            connection.close(CloseReason.IDLE_TIMEOUT, "nothing received for "
                    + connection.server().config().idleTimeout().toMillis() + " ms");
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().isWritable()) {
            connection.close(CloseReason.SLOW_READER, "client is not reading the server's messages");
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        connection.inactive();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            connection.transportError(cause);
        } else {
            connection.close(CloseReason.INTERNAL_ERROR, cause.toString(), cause);
        }
    }
}
