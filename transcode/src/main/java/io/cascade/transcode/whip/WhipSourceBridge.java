// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import io.cascade.distribution.payload.DepacketizerStats;
import io.cascade.distribution.payload.H264Depacketizer;
import io.cascade.distribution.payload.OpusDepacketizer;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpValidity;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.transcode.media.SourceSink;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * The packets of one WHIP publisher's relay stream to its broadcast source: H.264 RTP (RFC 6184,
 * packetization mode 1: single NAL units, STAP-A, FU-A) through {@link H264Depacketizer}, which
 * drops and counts an access unit with a hole and everything after it up to the next intact IDR,
 * then {@link H264SourceFrames}; Opus RTP through {@link OpusToAac}; both timed by one
 * {@link RtpMediaClock}.
 *
 * <p>Keyframes: a stream joined midway and a stream after a loss cannot be decoded before an IDR,
 * and browsers send one only when asked. The bridge asks (the keyframe request callback, with
 * the video track's index) whenever its depacketizer waits for one, at most once per
 * {@link #KEYFRAME_RETRY_MS}, and on {@link #requestKeyframe()}.
 *
 * <p>Thread-safe: the tap's thread calls {@link #rtp}, others {@link #requestKeyframe} and
 * {@link #close}; a packet after close is ignored.
 */
public final class WhipSourceBridge {
    private static final Logger LOG = Logger.getLogger(WhipSourceBridge.class);
    public static final long KEYFRAME_RETRY_MS = 1000;

    /** Counters of one bridge. */
    public record Stats(DepacketizerStats video, H264SourceFrames.Stats frames, DepacketizerStats audio,
                        long aacFrames, long audioErrors, long packetsInvalid, long keyframeRequests) {}

    private final SourceSink sink;
    private final LongSupplier nowMs;
    private final IntConsumer keyframeRequests;
    private final int videoTrack;
    private final int audioTrack;
    private final RtpPacket view = new RtpPacket();
    private final RtpMediaClock.Track videoClock;
    private final RtpMediaClock.Track audioClock;
    private final H264SourceFrames frames;
    private final H264Depacketizer video;
    private final OpusDepacketizer audio;
    private final int audioChannels;
    private OpusToAac aac;
    private boolean closed;
    private long lastAskMs = Long.MIN_VALUE;
    private long asks;
    private long invalid;
    private long aacFrames;
    private long audioErrors;

    /**
     * @param formats          the stream's tracks (see {@link #unsupported}): one H.264 video track, at
     *                         most one Opus audio track
     * @param nowMs            the wall clock, ms
     * @param keyframeRequests asks the publisher for an IDR on the given track (a PLI through the relay)
     * @throws IllegalArgumentException formats the bridge cannot take
     */
    public WhipSourceBridge(List<TrackFormat> formats, SourceSink sink, LongSupplier nowMs, IntConsumer keyframeRequests) {
        unsupported(formats).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        this.sink = sink;
        this.nowMs = nowMs;
        this.keyframeRequests = keyframeRequests;
        TrackFormat v = formats.stream().filter(f -> f.kind() == MediaKind.VIDEO).findFirst().orElseThrow();
        Optional<TrackFormat> a = formats.stream().filter(f -> f.kind() == MediaKind.AUDIO).findFirst();
        RtpMediaClock clock = new RtpMediaClock(nowMs);
        this.videoTrack = v.index();
        this.videoClock = clock.track(v.clockRate());
        this.frames = new H264SourceFrames(sink);
        this.video = new H264Depacketizer(au -> frames.accept(au, videoClock.millis(au.rtpTimestamp())));
        this.audioTrack = a.map(TrackFormat::index).orElse(-1);
        this.audioClock = clock.track(a.map(TrackFormat::clockRate).orElse(48_000));
        this.audio = new OpusDepacketizer(f -> opus(audioClock.micros(f.rtpTimestamp()), f.data()));
        this.audioChannels = a.map(WhipSourceBridge::channels).orElse(1);
    }

    /**
     * Why a WHIP stream cannot be a broadcast source, or empty when it can: its video must be H.264
     * (the program, the ladder and HLS are H.264) and its audio, if any, Opus.
     */
    public static Optional<String> unsupported(List<TrackFormat> formats) {
        List<TrackFormat> video = formats.stream().filter(f -> f.kind() == MediaKind.VIDEO).toList();
        List<TrackFormat> audio = formats.stream().filter(f -> f.kind() == MediaKind.AUDIO).toList();
        if (video.size() != 1 || !video.getFirst().is("H264")) {
            return Optional.of("a broadcast source sends one H.264 video track over WHIP, not " + describe(video));
        }
        if (audio.size() > 1 || (audio.size() == 1 && !audio.getFirst().is("opus"))) {
            return Optional.of("a broadcast source sends at most one Opus audio track over WHIP, not " + describe(audio));
        }
        return Optional.empty();
    }

    private static String describe(List<TrackFormat> tracks) {
        return tracks.isEmpty() ? "none" : tracks.stream().map(TrackFormat::encoding).toList().toString();
    }

    /** Opus always says 2 channels in its rtpmap (RFC 7587 §7); {@code sprop-stereo=1} says the sender sends two. */
    private static int channels(TrackFormat opus) {
        boolean stereo = opus.parameter("sprop-stereo").or(() -> opus.parameter("stereo")).map("1"::equals).orElse(false);
        return stereo ? 2 : 1;
    }

    /** One RTP packet of relay track {@code track}, valid only during the call. */
    public synchronized void rtp(int track, ByteBuffer packet) {
        if (closed) {
            return;
        }
        view.wrap(Unpooled.wrappedBuffer(packet));
        if (view.validate() != RtpValidity.VALID) {
            invalid++;
            return;
        }
        if (track == videoTrack) {
            videoClock.micros(view.timestamp()); // the track's first packet anchors it, whatever it is
            video.receive(view);
            long now = nowMs.getAsLong();
            if (video.needsKeyframe() && (lastAskMs == Long.MIN_VALUE || now - lastAskMs >= KEYFRAME_RETRY_MS)) {
                ask(now);
            }
        } else if (track == audioTrack) {
            audioClock.micros(view.timestamp());
            audio.receive(view);
        }
    }

    /** Asks the publisher for an IDR now (the program waits for this source's keyframe). */
    public synchronized void requestKeyframe() {
        if (!closed) {
            ask(nowMs.getAsLong());
        }
    }

    private void ask(long now) {
        lastAskMs = now;
        asks++;
        keyframeRequests.accept(videoTrack);
    }

    private void opus(long micros, byte[] packet) {
        try {
            if (aac == null) {
                aac = new OpusToAac(audioChannels, new OpusToAac.Output() {
                    @Override
                    public void config(byte[] asc) {
                        sink.audioConfig(asc);
                    }

                    @Override
                    public void frame(long ptsMicros, byte[] data) {
                        aacFrames++;
                        sink.audio(Math.floorDiv(ptsMicros, 1000), data);
                    }
                });
            }
            aac.opus(micros, packet);
        } catch (RuntimeException e) {
            if (audioErrors++ % 100 == 0) {
                LOG.warnf("WHIP source: Opus to AAC failed (%s); %d so far", e.getMessage(), audioErrors);
            }
        }
    }

    public synchronized Stats stats() {
        return new Stats(video.stats(), frames.stats(), audio.stats(), aacFrames,
                audioErrors + (aac == null ? 0 : aac.corruptPackets()), invalid, asks);
    }

    /** The publisher is gone: frees the audio natives and ends the source (once). */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (aac != null) {
            aac.close();
        }
        sink.end();
    }
}
