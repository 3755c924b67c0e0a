// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.relay;

import io.cascade.distribution.payload.AacAccessUnit;
import io.cascade.distribution.payload.AacPacketizer;
import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.H264Packetizer;
import io.cascade.distribution.payload.PacketizerConfig;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.tap.RtpTapPublisher;
import io.cascade.distribution.tap.StreamCatalog;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.transcode.file.FileDemuxer;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.MediaType;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A broadcast's program for tests, as the origin publishes one: an H.264/AAC file (AVCC video,
 * raw AAC with its AudioSpecificConfig) paced in real time into a relay stream, described in the
 * node's catalog with the AAC config the transcoder needs.
 */
final class ProgramFromFile implements AutoCloseable {
    private static final int VIDEO_PT = 96;
    private static final int AUDIO_PT = 97;

    private final RelayNode relay;
    private final StreamCatalog catalog;
    private final StreamName stream;
    private final Path file;
    private Thread pacer;
    private volatile boolean closed;

    ProgramFromFile(RelayNode relay, StreamCatalog catalog, StreamName stream, Path file) {
        this.relay = relay;
        this.catalog = catalog;
        this.stream = stream;
        this.file = file;
    }

    void start() throws Exception {
        FileDemuxer demuxer = FileDemuxer.open(file);
        byte[] avcC = demuxer.videoSource().config();
        byte[] asc = demuxer.audioSource().config();
        AvcDecoderConfigurationRecord record = AvcDecoderConfigurationRecord.decode(avcC);
        H264Packetizer video = new H264Packetizer(PacketizerConfig.of(VIDEO_PT, 0x1111, 100), true);
        video.setParameterSets(record);
        AacPacketizer audio = new AacPacketizer(PacketizerConfig.of(AUDIO_PT, 0x2222, 200), 1024);
        RtpTapPublisher tap = RtpTapPublisher.open(relay, stream, List.of(
                new TrackSpec(MediaKind.VIDEO, 0x1111, VIDEO_PT, 90_000, 0, -1, false),
                new TrackSpec(MediaKind.AUDIO, 0x2222, AUDIO_PT, 48_000, 0, -1, false)), "127.0.0.1", ssrc -> {});
        catalog.describe(stream, List.of(
                new TrackFormat(0, MediaKind.VIDEO, "H264", 90_000, 0, VIDEO_PT, Map.of("packetization-mode", "1")),
                new TrackFormat(1, MediaKind.AUDIO, "mpeg4-generic", 48_000, 1, AUDIO_PT, Map.of("mode", "AAC-hbr",
                        "config", HexFormat.of().formatHex(asc), "sizelength", "13", "indexlength", "3",
                        "indexdeltalength", "3"))));
        int lengthSize = record.nalLengthSize();
        pacer = Thread.ofPlatform().daemon().name("program-" + stream.value()).start(() -> {
            long t0 = System.nanoTime();
            try (demuxer; tap) {
                EncodedPacket p;
                while (!closed && (p = demuxer.next()) != null) {
                    long wait = t0 + p.dtsMicros() * 1000 - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    List<byte[]> packets = p.type() == MediaType.VIDEO
                            ? video.packetize((int) (p.ptsMicros() * 9 / 100), H264Nal.splitAvcc(p.data(), lengthSize))
                            : audio.packetize(new AacAccessUnit((int) (p.ptsMicros() * 48 / 1000), p.data()));
                    packets.forEach(tap::send);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (pacer != null) {
            pacer.join(5_000);
        }
        catalog.remove(stream);
    }
}
