// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import io.cascade.distribution.payload.AacAccessUnit;
import io.cascade.distribution.payload.AacDepacketizer;
import io.cascade.distribution.payload.AacPacketizer;
import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264AccessUnit;
import io.cascade.distribution.payload.H264Depacketizer;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.H264Packetizer;
import io.cascade.distribution.payload.OpusFrame;
import io.cascade.distribution.payload.OpusPacketizer;
import io.cascade.distribution.payload.PacketizerConfig;
import io.cascade.distribution.payload.ProgramSwitchMarker;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpTimestampExtender;
import io.cascade.distribution.rtp.RtpValidity;
import io.cascade.distribution.tap.RtpTapPublisher;
import io.cascade.distribution.tap.RtpTapSubscriber;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.transcode.Transcoder;
import io.cascade.transcode.TranscoderStats;
import io.cascade.transcode.audio.AudioRendition;
import io.cascade.transcode.audio.AudioSource;
import io.cascade.transcode.h264.H264Framing;
import io.cascade.transcode.ladder.LadderConfig;
import io.cascade.transcode.ladder.LadderTranscoder;
import io.cascade.transcode.ladder.TranscodeSource;
import io.cascade.transcode.ladder.VideoSource;
import io.cascade.transcode.media.Codec;
import io.cascade.transcode.media.CodecConfig;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.FrameRate;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One broadcast's ladder on the fabric: program in, renditions out (see the package comment).
 * Packets reach the transcoder on the tap's thread; renditions are published from the encoder
 * threads (each rendition's publisher is thread-safe, its packetizer used under its lock). Every
 * rendition track sends sender reports on the job's one {@link JobClock}, so the edge can align
 * renditions and their audio exactly.
 *
 * <p>It is the {@link Transcoder} a {@code worker.TranscodeWorker} slot holds, so the worker's
 * stats and release apply to it; its input is its own program tap, so {@link #submit} and
 * {@link #videoConfig} refuse outside callers.
 */
public final class TranscodeJob implements Transcoder {
    private static final Logger LOG = Logger.getLogger(TranscodeJob.class);
    static final int VIDEO_PT = 96;
    static final int AAC_PT = 97;
    static final int OPUS_PT = 111;

    private final RelayNode relay;
    private final StreamCatalog catalog;
    private final String broadcast;
    private final String host;
    private final LadderTranscoder transcoder;
    private final RtpTapSubscriber program;
    private final H264Depacketizer video;
    private final AacDepacketizer audio;
    private final RtpPacket view = new RtpPacket();
    private final RtpTimestampExtender videoClock = new RtpTimestampExtender();
    private final RtpTimestampExtender audioClock = new RtpTimestampExtender();
    private final Map<String, Output> outputs = new ConcurrentHashMap<>();
    /** One NTP clock for every rendition's sender reports. */
    private final JobClock clock = new JobClock();
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] aacConfig;
    private volatile byte[] opusConfig;
    private volatile long lastForcedKeyframeMs;
    private long lastKeyframeAskMs;
    private volatile long switchesSeen;
    /** The renditions again as one layered stream for WebRTC viewers ({@code bcast/{id}/webrtc}). */
    private final WebRtcLadder webrtc;

    /**
     * Starts transcoding {@code bcast/{broadcast}/program}, whose AAC config the catalog must
     * already hold.
     */
    public static TranscodeJob start(RelayNode relay, StreamCatalog catalog, String broadcast, LadderConfig ladder,
                                     String host) throws IOException {
        StreamName programName = programOf(broadcast);
        List<TrackFormat> formats = catalog.get(programName).orElseThrow(() -> new IOException("no program for " + broadcast));
        byte[] asc = formats.stream().filter(f -> f.is("mpeg4-generic")).findFirst()
                .flatMap(f -> f.parameter("config")).map(HexFormat.of()::parseHex)
                .orElseThrow(() -> new IOException("program of " + broadcast + " has no AAC config yet"));
        return new TranscodeJob(relay, catalog, broadcast, ladder, host, asc);
    }

    public static StreamName programOf(String broadcast) {
        return StreamName.of("bcast/" + broadcast + "/program");
    }

    private TranscodeJob(RelayNode relay, StreamCatalog catalog, String broadcast, LadderConfig ladder, String host,
                         byte[] asc) throws IOException {
        this.relay = relay;
        this.catalog = catalog;
        this.broadcast = broadcast;
        this.host = host;
        this.webrtc = new WebRtcLadder(relay, catalog, broadcast, host, random, this::keyframeWanted);
        try {
            this.transcoder = LadderTranscoder.start(new TranscodeSource(
                    new VideoSource(H264Framing.annexB(), null, FrameRate.of(30)), AudioSource.aac(asc)),
                    ladder, AudioRendition.defaults(), new Sink());
        } catch (Exception e) {
            throw new IOException("transcoder for " + broadcast + " did not start: " + e.getMessage(), e);
        }
        this.video = new H264Depacketizer(this::onAccessUnit);
        this.audio = new AacDepacketizer(au -> {
            long ts = audioClock.extend(au.rtpTimestamp());
            clock.programAudio(ts, ts * 1000 / 48, System.currentTimeMillis() * 1000);
            feed(EncodedPacket.audio(ts * 1000 / 48, au.data()));
        }, 1024);
        this.program = RtpTapSubscriber.open(relay, programOf(broadcast), host, new RtpTapSubscriber.Consumer() {
            @Override
            public void rtp(int track, ByteBuffer packet) {
                onProgram(track, packet);
            }

            @Override
            public void senderReport(int track, long ntp, int rtpTimestamp) {
                clock.programReport(track, ntp, rtpTimestamp);
            }
        });
        LOG.infof("transcode: %s -> %s", programOf(broadcast), ladder.renditions().stream().map(r -> r.name()).toList());
    }

    private static long micros90(long ts90k) {
        return ts90k * 100 / 9;
    }

    private long packetsIn;

    private void onProgram(int track, ByteBuffer packet) {
        if (++packetsIn % 500 == 0) {
            LOG.debugf("transcode %s: %d packets, video %s, audio %s, transcoder %s", broadcast, packetsIn, video.stats(), audio.stats(), transcoder.stats());
        }
        view.wrap(Unpooled.wrappedBuffer(packet));
        if (view.validate() != RtpValidity.VALID) {
            return;
        }
        if (track == 0) {
            video.receive(view);
            long now = System.currentTimeMillis();
            if (video.needsKeyframe() && now - lastKeyframeAskMs > 1000) {
                lastKeyframeAskMs = now;
                program.requestKeyframe(0);
            }
        } else {
            audio.receive(view);
        }
    }

    /**
     * One program picture. A program switch (the origin's {@link ProgramSwitchMarker} on the new source's
     * keyframe) forces an IDR on every rendition at exactly that picture: the transcoder anchors
     * a force request to the next packet it is given, so the request goes in just before it.
     */
    private void onAccessUnit(H264AccessUnit au) {
        long ts = videoClock.extend(au.rtpTimestamp());
        long pts = micros90(ts);
        clock.programVideo(ts, pts, System.currentTimeMillis() * 1000);
        if (au.keyframe() && ProgramSwitchMarker.marks(au.nals())) {
            switchesSeen++;
            transcoder.forceKeyframe();
            LOG.infof("transcode %s: program switch in band, IDR forced on every rendition", broadcast);
        }
        feed(EncodedPacket.video(pts, pts, au.keyframe(), H264Nal.joinAnnexB(au.nals())));
    }

    /** Program switches seen in band (each forced an IDR on every rendition). */
    public long switchesSeen() {
        return switchesSeen;
    }

    private void feed(EncodedPacket p) {
        try {
            transcoder.submit(p);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A downstream keyframe request (a viewer joined): all renditions cut one, at most once a second. */
    private void keyframeWanted(int ssrc) {
        long now = System.currentTimeMillis();
        if (now - lastForcedKeyframeMs >= 1000) {
            lastForcedKeyframeMs = now;
            transcoder.forceKeyframe();
        }
    }

    public List<String> renditions() {
        return List.copyOf(outputs.keySet());
    }

    /** The job is fed by its program tap, never by a caller. */
    @Override
    public void submit(EncodedPacket packet) {
        throw new IllegalStateException("transcode job " + broadcast + " is fed by its program tap");
    }

    /** The job takes its video config in band from the program. */
    @Override
    public void videoConfig(byte[] config) {
        throw new IllegalStateException("transcode job " + broadcast + " takes its config from the program");
    }

    @Override
    public void forceKeyframe() {
        transcoder.forceKeyframe();
    }

    @Override
    public List<OutputTrack> outputs() {
        return transcoder.outputs();
    }

    @Override
    public TranscoderStats stats() {
        return transcoder.stats();
    }

    /** Stops taking the program, encodes what was taken, then closes the renditions. */
    @Override
    public void finish() throws InterruptedException {
        program.close();
        transcoder.finish();
        close();
    }

    /** Frees the natives even when the relay is already gone (at shutdown its executor may be). */
    @Override
    public void close() {
        try {
            program.close();
        } catch (RuntimeException e) {
            LOG.debugf("transcode %s: unsubscribing the program failed: %s", broadcast, e.getMessage());
        }
        transcoder.close();
        try {
            webrtc.close();
        } catch (RuntimeException e) {
            LOG.debugf("transcode %s: closing the WebRTC stream failed: %s", broadcast, e.getMessage());
        }
        for (Output o : outputs.values()) {
            catalog.remove(o.stream);
            try {
                o.close();
            } catch (RuntimeException e) {
                LOG.debugf("transcode %s: closing %s failed: %s", broadcast, o.stream, e.getMessage());
            }
        }
    }

    /** One rendition's relay stream: video, AAC, Opus. */
    private final class Output {
        final String name;
        final OutputTrack track;
        final StreamName stream;
        final H264Packetizer videoPackets;
        final AacPacketizer aacPackets;
        final OpusPacketizer opusPackets;
        final RtpTapPublisher tap;
        final RenditionReports reports;
        final byte[] avcC;

        Output(String name, OutputTrack track, byte[] avcC) throws IOException {
            this.name = name;
            this.track = track;
            this.avcC = avcC;
            // "video/720p" -> bcast/{id}/720p
            this.stream = StreamName.of("bcast/" + broadcast + "/" + name.substring(name.lastIndexOf('/') + 1));
            int vs = random.nextInt() | 1;
            int as = random.nextInt() | 1;
            int os = random.nextInt() | 1;
            videoPackets = new H264Packetizer(PacketizerConfig.of(VIDEO_PT, vs, random.nextInt(1 << 16)), true);
            videoPackets.setParameterSets(AvcDecoderConfigurationRecord.decode(avcC));
            aacPackets = new AacPacketizer(PacketizerConfig.of(AAC_PT, as, random.nextInt(1 << 16)), 1024);
            opusPackets = new OpusPacketizer(PacketizerConfig.of(OPUS_PT, os, random.nextInt(1 << 16)));
            tap = RtpTapPublisher.open(relay, stream, List.of(
                    new TrackSpec(MediaKind.VIDEO, vs, VIDEO_PT, 90_000, 0, -1, false),
                    new TrackSpec(MediaKind.AUDIO, as, AAC_PT, 48_000, 0, -1, false),
                    new TrackSpec(MediaKind.AUDIO, os, OPUS_PT, 48_000, 0, -1, false)), host, TranscodeJob.this::keyframeWanted);
            reports = new RenditionReports(clock, tap, vs, as, os);
            describe();
        }

        void describe() {
            byte[] aac = aacConfig;
            catalog.describe(stream, List.of(
                    new TrackFormat(0, MediaKind.VIDEO, "H264", 90_000, 0, VIDEO_PT, Map.of(
                            "packetization-mode", "1", "x-avcc", HexFormat.of().formatHex(avcC),
                            "x-width", Integer.toString(track.width()), "x-height", Integer.toString(track.height()),
                            "x-bitrate", Long.toString(track.bitrate()))),
                    new TrackFormat(1, MediaKind.AUDIO, "mpeg4-generic", 48_000, 2, AAC_PT, aac == null ? Map.of("mode", "AAC-hbr")
                            : Map.of("mode", "AAC-hbr", "config", HexFormat.of().formatHex(aac))),
                    new TrackFormat(2, MediaKind.AUDIO, "opus", 48_000, 2, OPUS_PT, Map.of("minptime", "10", "useinbandfec", "1"))));
        }

        synchronized void video(EncodedPacket p) {
            int ts = (int) (p.ptsMicros() * 9 / 100);
            reports.beforeVideo(p.ptsMicros());
            for (byte[] packet : videoPackets.packetize(ts, H264Nal.splitAnnexB(p.data()))) {
                tap.send(packet);
                reports.sentVideo(packet);
            }
        }

        synchronized void aac(EncodedPacket p) {
            reports.beforeAudio(true, p.ptsMicros());
            for (byte[] packet : aacPackets.packetize(new AacAccessUnit((int) (p.ptsMicros() * 48 / 1000), p.data()))) {
                tap.send(packet);
                reports.sentAudio(true, packet);
            }
        }

        synchronized void opus(EncodedPacket p) {
            reports.beforeAudio(false, p.ptsMicros());
            for (byte[] packet : opusPackets.packetize(new OpusFrame((int) (p.ptsMicros() * 48 / 1000), p.data()))) {
                tap.send(packet);
                reports.sentAudio(false, packet);
            }
        }

        void close() {
            tap.close();
            relay.close(stream);
        }
    }

    /** Encoder outputs to rendition streams; audio goes to every rendition. */
    private final class Sink implements RenditionSink {
        @Override
        public void config(OutputTrack output, CodecConfig config) {
            if (output.codec() == Codec.H264) {
                try {
                    Output previous = outputs.put(output.name(), new Output(output.name(), output, config.record()));
                    if (previous != null) {
                        previous.tap.close();
                    }
                } catch (IOException e) {
                    LOG.errorf("transcode %s: rendition %s not published: %s", broadcast, output.name(), e.getMessage());
                }
                LadderTranscoder t = transcoder;
                webrtc.config(output, config.record(), t == null ? List.of()
                        : t.outputs().stream().filter(o -> o.codec() == Codec.H264).toList());
            } else if (output.codec() == Codec.AAC) {
                aacConfig = config.record();
                outputs.values().forEach(Output::describe);
            } else {
                opusConfig = config.record();
            }
        }

        @Override
        public void packet(OutputTrack output, EncodedPacket packet) {
            switch (output.codec()) {
                case H264 -> {
                    Output o = outputs.get(output.name());
                    if (o != null) {
                        o.video(packet);
                    }
                    webrtc.video(output, packet);
                }
                case AAC -> outputs.values().forEach(o -> o.aac(packet));
                case OPUS -> {
                    outputs.values().forEach(o -> o.opus(packet));
                    webrtc.opus(packet);
                }
            }
        }
    }
}
