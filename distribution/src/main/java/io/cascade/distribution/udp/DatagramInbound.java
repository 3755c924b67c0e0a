// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.udp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import org.jboss.logging.Logger;

/**
 * The receive path of one socket, the only handler in its pipeline: each datagram goes to the
 * {@link DatagramHandler} and is released after; the end of a read cycle tells the handler
 * ({@link DatagramHandler#onBatchEnd}) and then flushes what it queued. Nothing that arrives can stop the socket: handler failures and transport
 * errors are counted and logged rate-limited (the first, then every 1000th), never rethrown.
 */
final class DatagramInbound extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = Logger.getLogger(DatagramInbound.class);
    /** Log the first failure and then one in this many, so a flood of bad input costs counters, not I/O. */
    static final long LOG_EVERY = 1000;

    private final DatagramHandler handler;
    private EngineSocket socket;
    private int readInCycle;

    DatagramInbound(DatagramHandler handler) {
        this.handler = handler;
    }

    /**
     * Set after the channel registers and before it binds, so before its first read; the bind
     * task submitted to the event loop publishes the field to that thread.
     */
    void attach(EngineSocket owner) {
        this.socket = owner;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        socket.counters().add(SocketCounters.RECEIVED, 1);
        readInCycle++;
        try {
            handler.onDatagram(packet.content(), packet.sender(), socket);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            long errors = socket.counters().add(SocketCounters.HANDLER_ERRORS, 1);
            if (shouldLog(errors)) {
                LOG.warnf(t, "%s: datagram handler failed (%d failures so far; logging 1 in %d)",
                        socket, errors, LOG_EVERY);
            }
        } finally {
            packet.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (readInCycle > 0) {
            socket.counters().add(SocketCounters.BATCHES, 1);
            readInCycle = 0;
            try {
                handler.onBatchEnd(socket);
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                long errors = socket.counters().add(SocketCounters.HANDLER_ERRORS, 1);
                if (shouldLog(errors)) {
                    LOG.warnf(t, "%s: batch-end handler failed (%d failures so far; logging 1 in %d)",
                            socket, errors, LOG_EVERY);
                }
            }
        }
        socket.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            socket.flush();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A datagram channel stays open after a failed read or write (Netty issue 2665); count it.
        long errors = socket == null ? 1 : socket.counters().add(SocketCounters.IO_ERRORS, 1);
        if (shouldLog(errors)) {
            LOG.warnf(cause, "%s: I/O error (%d so far; logging 1 in %d)", ctx.channel(), errors, LOG_EVERY);
        }
    }

    static boolean shouldLog(long count) {
        return count == 1 || count % LOG_EVERY == 0;
    }
}
