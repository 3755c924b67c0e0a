// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real encoder output through the whole path: x264's Annex B stream (24 frames of 640x360 High,
 * two slices per picture, an IDR every 12 frames, B-frames; see the resources README) is split
 * into access units, packetized, depacketized, written back as Annex B and decoded by FFmpeg,
 * which must report no error and count the frames we expect.
 */
class X264StreamTest {
    private static final int FRAMES = 24;
    private static final int GOP = 12;

    @TempDir
    Path dir;

    @Test
    void theStreamSplitsIntoItsTwentyFourPictures() {
        List<H264AccessUnit> units = source();
        assertThat(units).hasSize(FRAMES);
        assertThat(units).extracting(H264AccessUnit::keyframe).containsExactly(
                true, false, false, false, false, false, false, false, false, false, false, false,
                true, false, false, false, false, false, false, false, false, false, false, false);
        assertThat(units.get(0).nals()).extracting(H264Nal::type).containsExactly(7, 8, 6, 5, 5);
        H264Sps sps = H264Sps.parse(units.get(0).nals().get(0));
        assertThat(sps.codecs()).isEqualTo("avc1.64001e");
        assertThat(sps.width()).isEqualTo(640);
        assertThat(sps.height()).isEqualTo(360);
    }

    @Test
    void everyAccessUnitComesBackOctetForOctetAndDecodes() throws Exception {
        List<H264AccessUnit> units = source();
        for (int maxPacketSize : new int[] {200, 1200}) {
            assertThat(H264RoundTripTest.roundTrip(units, maxPacketSize)).containsExactlyElementsOf(units);
        }
        assumeTrue(Ffmpeg.available(), "ffmpeg and ffprobe are not installed");
        Path rewritten = write("rewritten.h264", H264RoundTripTest.roundTrip(units, 1200));
        assertThat(Files.readAllBytes(rewritten)).hasSizeGreaterThan(70_000);
        assertDecodes(rewritten, FRAMES);
    }

    @Test
    void aLostFragmentCostsTheRestOfTheGopAndTheStreamStillDecodesCleanly() throws Exception {
        List<H264AccessUnit> units = source();
        H264Packetizer packetizer = new H264Packetizer(PacketizerConfig.of(96, 0x5EED, 1));
        List<H264AccessUnit> output = new ArrayList<>();
        H264Depacketizer depacketizer = new H264Depacketizer(output::add);
        int plis = 0;
        for (int i = 0; i < units.size(); i++) {
            List<byte[]> packets = packetizer.packetize(units.get(i));
            for (int p = 0; p < packets.size(); p++) {
                if (i == 5 && p == 1) {
                    continue; // the second packet of the sixth picture, a FU-A fragment, is lost
                }
                depacketizer.receive(packets.get(p));
            }
            plis += depacketizer.needsKeyframe() ? 1 : 0;
        }
        // pictures 0..4 pass; 5 is damaged; 6..11 wait for the IDR at 12; 12..23 pass
        assertThat(output).hasSize(5 + GOP);
        assertThat(depacketizer.stats().framesDamaged()).isOne();
        assertThat(depacketizer.stats().framesDroppedAwaitingKeyframe()).isEqualTo(6);
        assertThat(plis).as("pictures after which a PLI would be sent").isEqualTo(7);
        assumeTrue(Ffmpeg.available(), "ffmpeg and ffprobe are not installed");
        assertDecodes(write("after-loss.h264", output), 5 + GOP);
    }

    @Test
    void aViewerJoiningAtTheSecondKeyframeGetsParameterSetsFromThePacketizer() throws Exception {
        // As from RTMP: parameter sets only in the AVC sequence header, none in band.
        List<H264AccessUnit> stripped = new ArrayList<>();
        for (H264AccessUnit unit : source()) {
            stripped.add(H264AccessUnit.of(unit.rtpTimestamp(), unit.nals().stream()
                    .filter(nal -> H264Nal.type(nal) != H264Nal.SPS && H264Nal.type(nal) != H264Nal.PPS).toList()));
        }
        H264Packetizer packetizer = new H264Packetizer(PacketizerConfig.of(96, 0x5EED, 1));
        packetizer.setParameterSets(AvcDecoderConfigurationRecord.decode(PayloadVectors.load("avcc-ffmpeg-high-with-trailer")));
        List<H264AccessUnit> output = new ArrayList<>();
        H264Depacketizer viewer = new H264Depacketizer(output::add);
        for (int i = 0; i < stripped.size(); i++) {
            List<byte[]> packets = packetizer.packetize(stripped.get(i));
            if (i >= GOP) {
                packets.forEach(viewer::receive);
            }
        }
        assertThat(output).hasSize(GOP);
        assertThat(output.get(0).nals()).extracting(H264Nal::type).startsWith(7, 8);
        assertThat(viewer.latestSps()).isEqualTo(PayloadVectors.SPS_640X360);
        assumeTrue(Ffmpeg.available(), "ffmpeg and ffprobe are not installed");
        assertDecodes(write("joined.h264", output), GOP);
    }

    private static List<H264AccessUnit> source() {
        return AccessUnitSplitter.accessUnits(PayloadVectors.resource(PayloadVectors.X264_STREAM), 90000);
    }

    private Path write(String name, List<H264AccessUnit> units) throws IOException {
        List<byte[]> nals = new ArrayList<>();
        units.forEach(unit -> nals.addAll(unit.nals()));
        return Files.write(dir.resolve(name), H264Nal.joinAnnexB(nals));
    }

    private static void assertDecodes(Path annexB, int frames) throws Exception {
        Ffmpeg.Result decoded = Ffmpeg.decode(annexB);
        assertThat(decoded.exitCode()).as(decoded.stderr()).isZero();
        assertThat(decoded.stderr()).as("decoder errors").isEmpty();
        assertThat(Ffmpeg.countFrames(annexB)).isEqualTo(frames);
    }
}
