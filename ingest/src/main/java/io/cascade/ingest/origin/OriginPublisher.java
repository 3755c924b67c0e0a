// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.origin;

import io.cascade.distribution.payload.AacAccessUnit;
import io.cascade.distribution.payload.AacFmtp;
import io.cascade.distribution.payload.AacPacketizer;
import io.cascade.distribution.payload.AudioSpecificConfig;
import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264AccessUnit;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.H264Packetizer;
import io.cascade.distribution.payload.PacketizerConfig;
import io.cascade.distribution.payload.ProgramSwitchMarker;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.rtcp.NtpTime;
import io.cascade.distribution.tap.RtpTapPublisher;
import io.cascade.distribution.tap.SenderReportSchedule;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.ingest.program.ProgramSink;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A broadcast's program into the relay as {@code bcast/{id}/program}: track 0 H.264 (PT 96,
 * 90 kHz), track 1 AAC (PT 97, mpeg4-generic, 48 kHz RTP clock whatever the sampling rate, so
 * its timestamps are the program's milliseconds x 48). The relay stream opens at the first video
 * config; the catalog learns the AAC config when it comes. RTP timestamps are presentation times
 * (RFC 6184 §5.1); packets go out in decode order. The first keyframe after a program switch
 * carries a {@link ProgramSwitchMarker} SEI so the transcoder cuts an IDR on every rendition there.
 * Both tracks send sender reports (RFC 3550 §6.4.1) on one NTP clock, the wall clock at the
 * first sample less its program time (whole seconds) plus program time, so that subscribers (the
 * transcode job) can put video and audio on one timeline exactly.
 */
public final class OriginPublisher implements ProgramSink, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(OriginPublisher.class);
    public static final int VIDEO_PT = 96;
    public static final int AUDIO_PT = 97;
    public static final int AUDIO_CLOCK = 48_000;

    private final RelayNode relay;
    private final StreamCatalog catalog;
    private final StreamName stream;
    private final String host;
    private final SecureRandom random = new SecureRandom();
    private final int videoSsrc = random.nextInt() | 1;
    private final int audioSsrc = random.nextInt() | 1;
    private final H264Packetizer video = new H264Packetizer(PacketizerConfig.of(VIDEO_PT, videoSsrc, random.nextInt(1 << 16)), true);
    private AacPacketizer audio;
    private RtpTapPublisher tap;
    private SenderReportSchedule videoReports;
    private SenderReportSchedule audioReports;
    /** NTP time of program time 0; set by the first sample. */
    private long ntpBase = Long.MIN_VALUE;
    private byte[] asc;
    private int lengthSize = 4;
    private long keyframesAsked;
    private boolean markNextKeyframe;
    private long switchesMarked;

    public OriginPublisher(RelayNode relay, StreamCatalog catalog, StreamName stream, String host) {
        this.relay = relay;
        this.catalog = catalog;
        this.stream = stream;
        this.host = host;
    }

    public StreamName stream() {
        return stream;
    }

    @Override
    public void videoConfig(byte[] avcC) {
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.decode(avcC);
        video.setParameterSets(record);
        lengthSize = record.nalLengthSize();
        if (tap == null) {
            open();
        }
    }

    @Override
    public void video(long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc) {
        if (tap == null) {
            return;
        }
        int ts = (int) ((dtsMs + compositionOffsetMs) * 90);
        List<byte[]> nals = H264Nal.splitAvcc(avcc, lengthSize);
        if (markNextKeyframe && keyframe) {
            markNextKeyframe = false;
            switchesMarked++;
            List<byte[]> marked = new ArrayList<>(nals.size() + 1);
            marked.add(ProgramSwitchMarker.nal());
            marked.addAll(nals);
            nals = marked;
        }
        long ms = dtsMs + compositionOffsetMs;
        videoReports.beforeSample(ntpAt(ms), ts, System.nanoTime());
        for (byte[] packet : video.packetize(ts, nals)) {
            tap.send(packet);
            videoReports.sent(packet);
        }
    }

    @Override
    public void programSwitch() {
        markNextKeyframe = true;
    }

    /** Switches marked in band so far. */
    public long switchesMarked() {
        return switchesMarked;
    }

    @Override
    public void audioConfig(byte[] config) {
        this.asc = config.clone();
        this.audio = new AacPacketizer(PacketizerConfig.of(AUDIO_PT, audioSsrc, random.nextInt(1 << 16)),
                AudioSpecificConfig.decode(config).samplesPerFrame());
        describe();
    }

    @Override
    public void audio(long dtsMs, byte[] aac) {
        if (tap == null || audio == null) {
            return;
        }
        int ts = (int) (dtsMs * (AUDIO_CLOCK / 1000));
        audioReports.beforeSample(ntpAt(dtsMs), ts, System.nanoTime());
        for (byte[] packet : audio.packetize(new AacAccessUnit(ts, aac))) {
            tap.send(packet);
            audioReports.sent(packet);
        }
    }

    /** The NTP time of program time {@code ms}: the first sample fixes the clock. */
    private long ntpAt(long ms) {
        if (ntpBase == Long.MIN_VALUE) {
            ntpBase = NtpTime.ofSeconds(Math.floorDiv(System.currentTimeMillis() - ms, 1000) + NtpTime.UNIX_OFFSET_SECONDS);
        }
        return ntpBase + NtpTime.duration(ms, 1000);
    }

    private void open() {
        try {
            tap = RtpTapPublisher.open(relay, stream, List.of(
                    new TrackSpec(MediaKind.VIDEO, videoSsrc, VIDEO_PT, 90_000, 0, -1, false),
                    new TrackSpec(MediaKind.AUDIO, audioSsrc, AUDIO_PT, AUDIO_CLOCK, 0, -1, false)), host, ssrc -> keyframesAsked++);
            videoReports = new SenderReportSchedule(tap, videoSsrc);
            audioReports = new SenderReportSchedule(tap, audioSsrc);
            describe();
            LOG.infof("origin: %s published into the relay at %s", stream, tap.relayAddress());
        } catch (IOException e) {
            LOG.errorf("origin: publishing %s failed: %s", stream, e.getMessage());
        }
    }

    private void describe() {
        Map<String, String> aacFmtp = asc == null ? Map.of("mode", AacFmtp.MODE)
                : Map.of("mode", AacFmtp.MODE, "config", HexFormat.of().formatHex(asc), "sizelength", "13",
                        "indexlength", "3", "indexdeltalength", "3", "streamtype", "5");
        int channels = asc == null ? 2 : Math.max(1, AudioSpecificConfig.decode(asc).channelConfiguration());
        catalog.describe(stream, List.of(
                new TrackFormat(0, MediaKind.VIDEO, "H264", 90_000, 0, VIDEO_PT, Map.of("packetization-mode", "1")),
                new TrackFormat(1, MediaKind.AUDIO, "mpeg4-generic", AUDIO_CLOCK, channels, AUDIO_PT, aacFmtp)));
    }

    /** PLI/FIR the relay passed up: an RTMP camera cannot be asked for a keyframe, so this is counted only. */
    public long keyframesAsked() {
        return keyframesAsked;
    }

    @Override
    public void close() {
        if (tap != null) {
            tap.close();
        }
        relay.close(stream);
        catalog.remove(stream);
    }
}
