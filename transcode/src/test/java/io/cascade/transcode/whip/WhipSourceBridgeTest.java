// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cascade.distribution.payload.AvcDecoderConfigurationRecord;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.payload.H264Packetizer;
import io.cascade.distribution.payload.PacketizerConfig;
import io.cascade.distribution.relay.MediaKind;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.transcode.media.SourceSink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The video path: RTP (FU-A, STAP-A, single NAL units) to AVCC access units and their avcC. */
class WhipSourceBridgeTest {
    /** x264's SPS/PPS for a 320x240 High profile stream, and a 640x360 one. */
    static final byte[] SPS = HexFormat.of().parseHex("6764000dacd94141fb0110000003001000000303c0f1429960");
    static final byte[] PPS = HexFormat.of().parseHex("68ebe3cb22c0");
    static final byte[] SPS_360P = HexFormat.of().parseHex("6764001eacd940a02ff970110000030001000003003c0f162d96");
    static final List<TrackFormat> FORMATS = List.of(
            new TrackFormat(0, MediaKind.AUDIO, "opus", 48_000, 2, 111, Map.of("minptime", "10")),
            new TrackFormat(1, MediaKind.VIDEO, "H264", 90_000, 0, 102, Map.of("packetization-mode", "1")));

    private final AtomicLong now = new AtomicLong(50_000);
    private final RecordingSink sink = new RecordingSink();
    private final List<Integer> keyframeAsks = new ArrayList<>();
    private final WhipSourceBridge bridge = new WhipSourceBridge(FORMATS, sink, now::get, keyframeAsks::add);
    private final H264Packetizer packets = new H264Packetizer(PacketizerConfig.of(102, 0x1234, 65_530), false);

    /** An IDR slice (first_mb_in_slice 0) of {@code size} octets. */
    static byte[] idr(int size) {
        return slice(0x65, size);
    }

    static byte[] nonIdr(int size) {
        return slice(0x41, size);
    }

    private static byte[] slice(int header, int size) {
        byte[] nal = new byte[size];
        Arrays.fill(nal, (byte) 0x5A);
        nal[0] = (byte) header;
        nal[1] = (byte) 0x88;
        return nal;
    }

    private List<byte[]> au(int rtpTimestamp, byte[]... nals) {
        return packets.packetize(rtpTimestamp, List.of(nals));
    }

    private void feed(List<byte[]> rtp) {
        rtp.forEach(p -> bridge.rtp(1, ByteBuffer.wrap(p)));
    }

    @Test
    void fragmentedAndAggregatedPacketsBecomeAvccAccessUnitsAfterTheirConfig() {
        int t0 = (int) 0xFFFF_F000L; // the RTP clock wraps during the test
        List<byte[]> first = au(t0, SPS, PPS, idr(5000));
        assertThat(first).as("SPS+PPS aggregated, the IDR fragmented").hasSizeGreaterThan(4);
        feed(first);
        feed(au(t0 + 3000, nonIdr(700)));
        feed(au(t0 + 6000, nonIdr(2500)));

        byte[] avcC = AvcDecoderConfigurationRecord.of(List.of(SPS), List.of(PPS)).encode();
        assertThat(sink.events).containsExactly(
                "config " + HexFormat.of().formatHex(avcC),
                "K 1000 " + hex(idr(5000)),
                "v 1033 " + hex(nonIdr(700)),
                "v 1066 " + hex(nonIdr(2500)));
        assertThat(bridge.stats().frames()).isEqualTo(new H264SourceFrames.Stats(3, 1, 0, 0));
        assertThat(keyframeAsks).as("asked at the start, on the video track").containsExactly(1);
    }

    @Test
    void newParameterSetsSendANewConfigBeforeTheirKeyframe() {
        feed(au(0, SPS, PPS, idr(300)));
        feed(au(3000, SPS, PPS, idr(300))); // the same sets again: no new config
        feed(au(6000, SPS_360P, PPS, idr(300)));
        assertThat(sink.events).filteredOn(e -> e.startsWith("config")).containsExactly(
                "config " + HexFormat.of().formatHex(AvcDecoderConfigurationRecord.of(List.of(SPS), List.of(PPS)).encode()),
                "config " + HexFormat.of().formatHex(AvcDecoderConfigurationRecord.of(List.of(SPS_360P), List.of(PPS)).encode()));
        assertThat(sink.events.get(sink.events.size() - 2)).startsWith("config");
        assertThat(sink.events.getLast()).startsWith("K 1066 ");
    }

    @Test
    void anAccessUnitWithALostFragmentIsDroppedAndCountedAndAKeyframeIsAsked() {
        feed(au(0, SPS, PPS, idr(3000)));
        List<byte[]> damaged = au(3000, nonIdr(4000));
        assertThat(damaged).hasSizeGreaterThan(3);
        damaged.remove(1); // a middle FU-A fragment is lost
        now.addAndGet(2000);
        feed(damaged);
        feed(au(6000, nonIdr(500))); // intact, but it refers to the lost picture: dropped too
        assertThat(bridge.stats().video().framesDamaged()).isEqualTo(1);
        assertThat(bridge.stats().video().framesDroppedAwaitingKeyframe()).isEqualTo(1);
        assertThat(sink.events).hasSize(2); // config and the first IDR only
        assertThat(keyframeAsks).as("the start, then the loss (a second later)").hasSize(2);

        feed(au(9000, SPS, PPS, idr(800))); // the publisher's answer to the PLI
        assertThat(sink.events.getLast()).startsWith("K 1100 ");
        assertThat(bridge.stats().frames().frames()).isEqualTo(2);
    }

    @Test
    void nothingGoesOutBeforeAnIdrWithItsParameterSetsAndAfterClose() {
        feed(au(0, nonIdr(400))); // joined midway
        feed(au(3000, idr(400))); // an IDR without SPS/PPS: not decodable yet
        assertThat(sink.events).isEmpty();
        assertThat(bridge.stats().frames().droppedWithoutConfig()).isEqualTo(1);
        feed(au(6000, SPS, PPS, idr(400)));
        assertThat(sink.events).hasSize(2);
        bridge.close();
        bridge.close();
        feed(au(9000, nonIdr(400)));
        assertThat(sink.events).hasSize(3).last().isEqualTo("end");
    }

    @Test
    void aStreamABroadcastSourceCannotTakeIsRefusedWithAReason() {
        assertThat(WhipSourceBridge.unsupported(FORMATS)).isEmpty();
        List<TrackFormat> vp8 = List.of(new TrackFormat(0, MediaKind.VIDEO, "VP8", 90_000, 0, 96, Map.of()));
        assertThat(WhipSourceBridge.unsupported(vp8)).get().asString().contains("H.264").contains("VP8");
        assertThat(WhipSourceBridge.unsupported(List.of(FORMATS.getFirst()))).get().asString().contains("none");
        assertThatThrownBy(() -> new WhipSourceBridge(vp8, sink, now::get, keyframeAsks::add))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String hex(byte[] nal) {
        return HexFormat.of().formatHex(H264Nal.joinAvcc(List.of(nal), 4));
    }

    /** What the bridge hands on, as text. */
    static final class RecordingSink implements SourceSink {
        final List<String> events = new ArrayList<>();
        final List<long[]> audio = new ArrayList<>();
        final List<byte[]> aac = new ArrayList<>();
        byte[] asc;

        @Override
        public void videoConfig(byte[] record) {
            events.add("config " + HexFormat.of().formatHex(record));
        }

        @Override
        public void video(long dtsMs, int cts, boolean keyframe, byte[] avcc) {
            assertThat(cts).isZero();
            events.add((keyframe ? "K " : "v ") + dtsMs + " " + HexFormat.of().formatHex(avcc));
        }

        @Override
        public void audioConfig(byte[] config) {
            asc = config.clone();
        }

        @Override
        public void audio(long dtsMs, byte[] data) {
            audio.add(new long[] {dtsMs, data.length});
            aac.add(data);
        }

        @Override
        public void end() {
            events.add("end");
        }
    }
}
