// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.H264Packetizer;
import io.cascade.distribution.payload.OpusFrame;
import io.cascade.distribution.payload.OpusPacketizer;
import io.cascade.distribution.payload.PacketizerConfig;
import io.cascade.distribution.relay.KeyframeFormat;
import io.cascade.distribution.relay.LayerSpec;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.tap.RtpTapPublisher;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.jboss.logging.Logger;

/**
 * A job's renditions as one simulcast stream for WebRTC viewers, {@code bcast/{id}/webrtc}: the
 * video of every rendition as a layer of one group (lowest bitrate first, each with its own SSRC
 * and sequence numbers, {@link KeyframeFormat#H264}), then Opus. The relay forwards each viewer
 * one layer and switches it at the target layer's keyframe as the viewer's downlink estimate
 * moves; the renditions' keyframes are aligned (every 2 s and on program switches) and their RTP
 * timestamps are the pictures' presentation times at 90 kHz with no per-rendition offset, so the
 * layers share one clock ({@link LayerSpec#sharedClock}) and a switch keeps the timestamps.
 *
 * <p>The job hands it every rendition packet as well as publishing it on the rendition's own
 * stream: the video crosses to the relay twice (the ladder's video bitrate again, about 9 Mbit/s
 * for the default ladder, and the relay caches it twice). A relay-side alias of the rendition
 * streams' tracks would save that, but rendition streams live on whichever shard their name
 * hashes to, and a shard forwards only its own streams from its own thread.
 *
 * <p>Opened once every video rendition of the ladder has its first keyframe (its avcC, which
 * the catalog description carries); packets before that are dropped. Thread-safe: encoder
 * threads call it concurrently, one packetizer per layer under that layer's lock.
 */
final class WebRtcLadder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebRtcLadder.class);
    /** The stream's last name segment: {@code bcast/{id}/webrtc}. */
    static final String NAME = "webrtc";
    static final int VIDEO_PT = TranscodeJob.VIDEO_PT;
    static final int OPUS_PT = TranscodeJob.OPUS_PT;

    private final RelayNode relay;
    private final StreamCatalog catalog;
    private final StreamName stream;
    private final String host;
    private final SecureRandom random;
    private final IntConsumer keyframeRequests;
    /** Rendition name -> (track, avcC), as configs arrive. */
    private final Map<String, Config> configs = new LinkedHashMap<>();
    private volatile Layers layers;
    private boolean closed;

    private record Config(OutputTrack track, byte[] avcC) {}

    WebRtcLadder(RelayNode relay, StreamCatalog catalog, String broadcast, String host, SecureRandom random,
                 IntConsumer keyframeRequests) {
        this.relay = relay;
        this.catalog = catalog;
        this.stream = StreamName.of("bcast/" + broadcast + "/" + NAME);
        this.host = host;
        this.random = random;
        this.keyframeRequests = keyframeRequests;
    }

    static StreamName streamOf(String broadcast) {
        return StreamName.of("bcast/" + broadcast + "/" + NAME);
    }

    /**
     * A rendition's H.264 config ({@code avcC}); {@code ladder} is every video rendition the
     * ladder has now. Once all have one, the stream is published; a later config of a rendition
     * (new parameter sets) is used from its next keyframe and described again.
     */
    synchronized void config(OutputTrack track, byte[] avcC, List<OutputTrack> ladder) {
        if (closed) {
            return;
        }
        configs.put(track.name(), new Config(track, avcC));
        Layers open = layers;
        if (open != null) {
            Layer l = open.byName.get(track.name());
            if (l != null) {
                l.parameterSets(avcC);
                describe(open);
            }
            return;
        }
        if (ladder.isEmpty() || !ladder.stream().allMatch(t -> configs.containsKey(t.name()))) {
            return;
        }
        try {
            layers = open(ladder.stream().map(t -> configs.get(t.name())).toList());
        } catch (IOException | RuntimeException e) {
            LOG.errorf("transcode: %s not published: %s", stream, e.getMessage());
        }
    }

    void video(OutputTrack track, EncodedPacket p) {
        Layers open = layers;
        Layer l = open == null ? null : open.byName.get(track.name());
        if (l != null) {
            l.send(open.tap, p);
        }
    }

    void opus(EncodedPacket p) {
        Layers open = layers;
        if (open != null) {
            synchronized (open.opus) {
                for (byte[] packet : open.opus.packetize(new OpusFrame((int) (p.ptsMicros() * 48 / 1000), p.data()))) {
                    open.tap.send(packet);
                }
            }
        }
    }

    private Layers open(List<Config> ladder) throws IOException {
        List<Config> ascending = ladder.stream()
                .sorted(Comparator.comparingLong((Config c) -> c.track().bitrate()).thenComparingInt(c -> c.track().height()))
                .toList();
        List<TrackSpec> specs = new ArrayList<>();
        List<LayerSpec> layout = new ArrayList<>();
        Map<String, Layer> byName = new LinkedHashMap<>();
        for (int i = 0; i < ascending.size(); i++) {
            Config c = ascending.get(i);
            int ssrc = random.nextInt() | 1;
            Layer l = new Layer(i, c.track(), new H264Packetizer(PacketizerConfig.of(VIDEO_PT, ssrc, random.nextInt(1 << 16)), true));
            l.parameterSets(c.avcC());
            byName.put(c.track().name(), l);
            specs.add(new TrackSpec(MediaKind.VIDEO, ssrc, VIDEO_PT, 90_000, 0, -1, false));
            layout.add(new LayerSpec(0, i, KeyframeFormat.H264, true));
        }
        int opusSsrc = random.nextInt() | 1;
        specs.add(new TrackSpec(MediaKind.AUDIO, opusSsrc, OPUS_PT, 48_000, 0, -1, false));
        layout.add(LayerSpec.single(specs.size() - 1));
        RtpTapPublisher tap = RtpTapPublisher.open(relay, stream, specs, layout, host, keyframeRequests);
        Layers open = new Layers(tap, byName, new OpusPacketizer(PacketizerConfig.of(OPUS_PT, opusSsrc, random.nextInt(1 << 16))));
        describe(open);
        LOG.infof("transcode: %s publishes %s as layers for WebRTC", stream, byName.keySet());
        return open;
    }

    /** Catalog: per layer its H.264 format with {@code x-layer} (its place, 0 lowest) and {@code x-rendition}; then Opus. */
    private void describe(Layers open) {
        List<TrackFormat> formats = new ArrayList<>();
        for (Layer l : open.byName.values()) {
            OutputTrack t = l.track;
            formats.add(new TrackFormat(l.index, MediaKind.VIDEO, "H264", 90_000, 0, VIDEO_PT, Map.of(
                    "packetization-mode", "1", "x-avcc", HexFormat.of().formatHex(configs.get(t.name()).avcC()),
                    "x-width", Integer.toString(t.width()), "x-height", Integer.toString(t.height()),
                    "x-bitrate", Long.toString(t.bitrate()), "x-layer", Integer.toString(l.index),
                    "x-rendition", t.name().substring(t.name().lastIndexOf('/') + 1))));
        }
        formats.add(new TrackFormat(formats.size(), MediaKind.AUDIO, "opus", 48_000, 2, OPUS_PT,
                Map.of("minptime", "10", "useinbandfec", "1")));
        catalog.describe(stream, formats);
    }

    @Override
    public synchronized void close() {
        closed = true;
        Layers open = layers;
        layers = null;
        if (open != null) {
            catalog.remove(stream);
            open.tap.close();
            relay.close(stream);
        }
    }

    private record Layers(RtpTapPublisher tap, Map<String, Layer> byName, OpusPacketizer opus) {}

    /** One rendition's video as a layer: its own SSRC and sequence, the job's clock. */
    private static final class Layer {
        final int index;
        final OutputTrack track;
        final H264Packetizer packets;

        Layer(int index, OutputTrack track, H264Packetizer packets) {
            this.index = index;
            this.track = track;
            this.packets = packets;
        }

        synchronized void parameterSets(byte[] avcC) {
            packets.setParameterSets(AvcDecoderConfigurationRecord.decode(avcC));
        }

        synchronized void send(RtpTapPublisher tap, EncodedPacket p) {
            int ts = (int) (p.ptsMicros() * 9 / 100); // as the rendition stream: one clock for all layers
            for (byte[] packet : packets.packetize(ts, H264Nal.splitAnnexB(p.data()))) {
                tap.send(packet);
            }
        }
    }
}
