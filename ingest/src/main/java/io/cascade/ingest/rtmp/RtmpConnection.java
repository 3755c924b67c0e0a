// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One client connection's state, shared by its pipeline handlers and confined to its event
 * loop: the outbound chunk encoder, the acknowledgement window, the publish in progress, and
 * the single way out, {@link #close}, which logs one line, counts the reason, ends the publish
 * and closes the socket. Log lines name the connection by address and, once known, the stream
 * key's fingerprint ({@link StreamKeys#fingerprint}); never the key.
 */
final class RtmpConnection {
    static final AttributeKey<RtmpConnection> KEY = AttributeKey.valueOf(RtmpConnection.class, "connection");
    private static final Logger LOG = Logger.getLogger("io.cascade.ingest.rtmp");
    /** How long a close waits for the last replies to flush before it forces the socket shut. */
    private static final long CLOSE_GRACE_MS = 1000;

    private final RtmpServerContext server;
    private final Channel channel;
    private final ChunkEncoder encoder = new ChunkEncoder();
    private final AckWindow ackWindow;
    private final String address;
    private String keyTag = "";
    private OnceLog onceLog;
    private Publication publication;
    private boolean admitted;
    private boolean closing;
    private boolean unpublishedNormally;

    RtmpConnection(RtmpServerContext server, Channel channel) {
        this.server = server;
        this.channel = channel;
        this.ackWindow = new AckWindow(server.config().windowAckSize());
        this.address = describe(channel.remoteAddress());
        this.onceLog = new OnceLog(address);
    }

    private static String describe(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress() + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }

    RtmpServerContext server() {
        return server;
    }

    /** The client's address; an unresolved stand-in for a transport without IP addresses. */
    InetSocketAddress remote() {
        SocketAddress remote = channel.remoteAddress();
        return remote instanceof InetSocketAddress inet ? inet : InetSocketAddress.createUnresolved(address, 0);
    }

    /** How log lines name this connection. */
    String label() {
        return address + keyTag;
    }

    OnceLog onceLog() {
        return onceLog;
    }

    /** From now on log lines carry the key's fingerprint. */
    void identify(String streamKey) {
        keyTag = " key=" + StreamKeys.fingerprint(streamKey);
        onceLog = new OnceLog(label());
    }

    boolean isClosing() {
        return closing;
    }

    Publication publication() {
        return publication;
    }

    void publication(Publication value) {
        publication = value;
    }

    /** Ends the publish in progress normally (the client unpublished). */
    void unpublish(String how) {
        if (publication != null) {
            publication.end(new PublishEnd(PublishEnd.Kind.NORMAL, "client sent " + how), label());
            publication = null;
            unpublishedNormally = true;
            LOG.debugf("rtmp %s: unpublished (%s)", label(), how);
        }
    }

    /**
     * Counts an accepted TCP connection against the limit.
     *
     * @return false when over the limit (the connection is then being closed)
     */
    boolean admit() {
        admitted = true;
        RtmpCounters counters = server.counters();
        counters.connectionsAccepted.increment();
        if (counters.connectionsOpen.incrementAndGet() > server.config().maxConnections()) {
            counters.connectionsRefused.increment();
            close(CloseReason.CONNECTION_LIMIT, "more than " + server.config().maxConnections() + " connections");
            return false;
        }
        return true;
    }

    /** Encodes and sends one message. */
    void send(int chunkStreamId, int streamId, RtmpPayload payload) {
        ByteBuf body = channel.alloc().buffer();
        ByteBuf chunks = null;
        try {
            payload.encode(body);
            chunks = channel.alloc().buffer(body.readableBytes() + 32);
            encoder.encode(new RtmpMessage(chunkStreamId, payload.type().id(), streamId, 0, body), chunks);
            channel.writeAndFlush(chunks, channel.voidPromise());
            chunks = null;
        } finally {
            body.release();
            if (chunks != null) {
                chunks.release();
            }
        }
        if (payload instanceof SetChunkSize size) {
            encoder.chunkSize(size.size());
        }
    }

    /** Applies the client's Window Acknowledgement Size (§5.4.4). */
    void acknowledgementWindow(long size) {
        ackWindow.window(size);
    }

    /** Counts received bytes and acknowledges when the window is full (§5.4.3). */
    void received(int bytes) {
        long sequence = ackWindow.received(bytes);
        if (sequence >= 0 && !closing) {
            send(CommandProcessor.CONTROL_CHUNK_STREAM, 0, new Acknowledgement(sequence));
            server.counters().acknowledgementsSent.increment();
        }
    }

    void close(CloseReason reason, String detail) {
        close(reason, detail, null);
    }

    /**
     * Closes the connection once: one log line, one count, the publish ended, replies already
     * queued flushed (for at most a second), the socket closed. Later calls do nothing.
     */
    void close(CloseReason reason, String detail, Throwable cause) {
        if (closing) {
            return;
        }
        closing = true;
        server.counters().closed(reason);
        log(reason, detail, cause);
        if (publication != null) {
            publication.end(new PublishEnd(PublishEnd.Kind.ERROR, reason.label() + ": " + detail), label());
            publication = null;
        }
        if (!channel.isActive() || !channel.isWritable() || reason == CloseReason.SERVER_STOPPED) {
            channel.close();
            return;
        }
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        // A client that stops reading would hold the flush, and so the close, forever.
        ScheduledFuture<?> force = channel.eventLoop().schedule(() -> channel.close(), CLOSE_GRACE_MS,
                TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> force.cancel(false));
    }

    private void log(CloseReason reason, String detail, Throwable cause) {
        String line = "rtmp " + label() + " closed: " + reason.label() + " (" + detail + ")";
        if (reason == CloseReason.INTERNAL_ERROR || reason == CloseReason.SINK_FAILURE) {
            LOG.error(line, cause);
        } else if (reason.isViolation()) {
            LOG.warn(line);
        } else if ((reason == CloseReason.CLIENT_CLOSED && publication == null) || reason == CloseReason.SERVER_STOPPED) {
            LOG.debug(line);
        } else {
            LOG.info(line);
        }
    }

    /** The socket is gone: counts the close if nothing else did, and the open connection. */
    void inactive() {
        if (!closing) {
            close(CloseReason.CLIENT_CLOSED, publication == null ? "disconnected" : "disconnected while publishing");
        }
        if (admitted) {
            admitted = false;
            server.counters().connectionsOpen.decrementAndGet();
        }
    }

    /** A transport error: after a clean unpublish it is just the client going away. */
    void transportError(Throwable cause) {
        CloseReason reason = unpublishedNormally && publication == null ? CloseReason.CLIENT_CLOSED : CloseReason.IO_ERROR;
        close(reason, String.valueOf(cause.getMessage()));
    }
}
