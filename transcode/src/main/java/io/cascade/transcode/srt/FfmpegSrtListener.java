// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

import io.cascade.transcode.media.SourceSink;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.jboss.logging.Logger;

/**
 * The fallback SRT listener, for machines without a system libsrt ({@link LibSrt}): FFmpeg's
 * libsrt listener inside JavaCV, one connection at a time.
 *
 * <p>The listener thread loops: open {@code srt://HOST:PORT?mode=listener} with
 * {@code startUnsafe()} (the safe {@code start()} holds JavaCV's global lock while it waits for a
 * caller, which would stall every other grabber and recorder in the process), which returns once
 * a caller has connected and FFmpeg has probed its MPEG-TS; read the caller's stream id; ask the
 * handler; read the publisher's packets until it ends; free it; listen again. {@code
 * listen_timeout} bounds each wait so that {@link #close} is seen.
 *
 * <p>Why one at a time: FFmpeg's listener closes its listening socket on accept, and, measured
 * with JavaCV's FFmpeg 8.0.1 (libsrt inside libavformat), closing any libsrt context (a listen
 * that timed out, a refused caller, an ended publisher) tears down every other SRT socket of the
 * process ({@code libsrt_close} ends with {@code srt_cleanup()}): a second listener or a reader
 * running beside the listener loses its connection ("All sockets removed from epoll"). So there
 * is one libsrt context at a time in the process: a second caller is not answered while a
 * publisher is live (its connect times out), and there must be one SrtListener per process.
 * Several concurrent SRT cameras need SRT outside FFmpeg: {@link LibSrtListener}.
 */
final class FfmpegSrtListener implements SrtListener {
    private static final Logger LOG = Logger.getLogger(FfmpegSrtListener.class);
    /** Each listen gives up after this long and starts again (µs, libsrt {@code listen_timeout}). */
    private static final long LISTEN_TIMEOUT_MICROS = 1_000_000;
    /** A publisher silent this long is ended (µs, libsrt {@code timeout}). */
    private static final long READ_TIMEOUT_MICROS = 3_000_000;

    private final String host;
    private final int port;
    private final SrtPublishHandler handler;
    private final Thread listener;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running = true;

    private FfmpegSrtListener(String host, int port, SrtPublishHandler handler) {
        this.host = host;
        this.port = port;
        this.handler = handler;
        this.listener = Thread.ofPlatform().daemon().name("srt-listen-" + port).unstarted(this::listen);
    }

    /** Starts listening on {@code host:port} (UDP). */
    static FfmpegSrtListener start(String host, int port, SrtPublishHandler handler) {
        AcceptedStreamIds.install();
        FfmpegSrtListener l = new FfmpegSrtListener(host, port, handler);
        l.listener.start();
        return l;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public long accepted() {
        return accepted.get();
    }

    @Override
    public long refused() {
        return refused.get();
    }

    private void listen() {
        while (running) {
            FFmpegFrameGrabber g = new FFmpegFrameGrabber("srt://" + host + ":" + port + "?mode=listener&listen_timeout="
                    + LISTEN_TIMEOUT_MICROS + "&timeout=" + READ_TIMEOUT_MICROS);
            g.setFormat("mpegts");
            g.setOption("analyzeduration", "1000000");
            g.setOption("probesize", "500000");
            AcceptedStreamIds.clear();
            try {
                g.startUnsafe();
            } catch (Exception e) {
                String id = AcceptedStreamIds.take();
                if (id != null) {
                    refused.incrementAndGet();
                    LOG.infof("SRT caller on port %d dropped: its stream did not open (%s)", port, e.getMessage());
                }
                release(g);
                continue; // no caller within the listen timeout: listen again
            }
            accept(g, AcceptedStreamIds.take());
        }
    }

    private void accept(FFmpegFrameGrabber g, String streamId) {
        boolean h264 = MpegTsPackets.hasH264(g);
        Optional<SourceSink> sink = SrtStreamId.publishKey(streamId).isEmpty() || !h264
                ? Optional.empty() : handler.onPublish(streamId);
        if (sink.isEmpty()) {
            refused.incrementAndGet();
            LOG.infof("SRT caller on port %d refused: %s", port, streamId == null ? "no stream id"
                    : !h264 ? "no H.264 video" : "not a publish:{streamKey} it may use");
            release(g);
            return;
        }
        accepted.incrementAndGet();
        read(g, sink.get());
    }

    /** One publisher: packets until it ends, then the sink is told and the connection freed. */
    private void read(FFmpegFrameGrabber g, SourceSink sink) {
        try {
            MpegTsPackets.pump(g, sink, () -> running);
        } catch (Exception e) {
            LOG.infof("SRT publisher on port %d ended: %s", port, e.getMessage());
        } finally {
            try {
                sink.end();
            } finally {
                release(g);
            }
        }
    }

    private static void release(FFmpegFrameGrabber g) {
        try {
            g.releaseUnsafe();
        } catch (Exception e) {
            LOG.debugf("SRT grabber release: %s", e.getMessage());
        }
    }

    /** Stops listening (within the listen timeout); publishers end at their next packet. */
    @Override
    public void close() {
        running = false;
        try {
            listener.join(LISTEN_TIMEOUT_MICROS / 1000 * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
