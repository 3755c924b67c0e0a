// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.srt;

/**
 * SRT ingest on one UDP port: callers publishing with {@code streamid=publish:{streamKey}}, each
 * handed to the {@link SrtPublishHandler}. Two implementations: {@link LibSrtListener} (the
 * system libsrt through JNA: any number of publishers at once, wrong keys rejected inside the
 * handshake), and, where no libsrt can be loaded, {@link FfmpegSrtListener} (FFmpeg's listener in
 * JavaCV: one publisher at a time). {@link #start} picks; {@link LibSrt} logs which, once per process.
 */
public sealed interface SrtListener extends AutoCloseable permits LibSrtListener, FfmpegSrtListener {

    /**
     * Starts listening on {@code host:port} (UDP) with the best implementation this machine has.
     * {@code -Dcascade.srt.library=none} forces the FFmpeg fallback; {@code =NAME} loads that libsrt.
     */
    static SrtListener start(String host, int port, SrtPublishHandler handler) {
        return LibSrt.available() ? LibSrtListener.start(host, port, handler) : FfmpegSrtListener.start(host, port, handler);
    }

    /** The UDP port. */
    int port();

    /** Publishers accepted so far. */
    long accepted();

    /** Callers refused so far (no or a wrong key, or media other than H.264/AAC). */
    long refused();

    /** Stops listening and ends the publishers. */
    @Override
    void close();
}
