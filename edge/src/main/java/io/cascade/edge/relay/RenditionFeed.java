// SPDX-License-Identifier: Apache-2.0
package io.cascade.edge.relay;

import io.cascade.distribution.payload.AacDepacketizer;
import io.cascade.distribution.payload.H264Depacketizer;
import io.cascade.distribution.payload.H264Nal;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.rtp.RtpPacket;
import io.cascade.distribution.rtp.RtpValidity;
import io.cascade.distribution.tap.RtpTapSubscriber;
import io.cascade.distribution.tap.TrackFormat;
import io.cascade.edge.cmaf.AacFormat;
import io.cascade.edge.cmaf.AvcDecoderConfig;
import io.cascade.edge.cmaf.VideoTrack;
import io.cascade.edge.hls.HlsBroadcast;
import io.cascade.edge.hls.HlsRendition;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One rendition stream of the relay into one HLS rendition. Video samples carry their NAL units
 * in AVCC form without the SPS/PPS/AUD the fabric repeats in-band (the init segment's avcC has
 * the parameter sets); decode and presentation times are equal, as the ladder encodes without
 * B-frames. Timestamps go through a {@link RenditionClock}: the sender reports the tap passes on
 * put video and audio of every rendition on the publisher's one clock. Runs on the tap's thread.
 */
public final class RenditionFeed implements AutoCloseable {
    private final HlsRendition rendition;
    private final RtpTapSubscriber tap;
    private final H264Depacketizer video;
    private final AacDepacketizer audio;
    private final RtpPacket view = new RtpPacket();
    private final RenditionClock clock;
    private final int videoTrack;
    private final int aacTrack;
    private long lastKeyframeAsk;

    /**
     * Opens rendition {@code name} of {@code broadcast} from {@code stream}, whose tracks are
     * {@code formats} (H.264 with {@code x-avcc}, {@code x-width}, {@code x-height}; AAC with {@code config}).
     */
    public static RenditionFeed open(RelayNode relay, StreamName stream, List<TrackFormat> formats, HlsBroadcast broadcast,
                                     String name, String host) throws IOException {
        TrackFormat v = formats.stream().filter(f -> f.is("H264")).findFirst()
                .orElseThrow(() -> new IOException(stream + " has no H.264 track"));
        TrackFormat a = formats.stream().filter(f -> f.is("mpeg4-generic") && f.parameter("config").isPresent()).findFirst()
                .orElse(null);
        byte[] avcC = HexFormat.of().parseHex(v.parameter("x-avcc").orElseThrow(() -> new IOException(stream + ": no avcC")));
        VideoTrack track = new VideoTrack(AvcDecoderConfig.parse(avcC), Integer.parseInt(v.parameter("x-width").orElse("0")),
                Integer.parseInt(v.parameter("x-height").orElse("0")), 30);
        AacFormat aac = a == null ? null : AacFormat.parse(HexFormat.of().parseHex(a.parameter("config").get()));
        long bandwidth = Long.parseLong(v.parameter("x-bitrate").orElse("0")) + (aac == null ? 0 : 128_000);
        HlsRendition rendition = broadcast.rendition(name, track, aac, bandwidth);
        return new RenditionFeed(relay, stream, rendition, v.index(), a == null ? -1 : a.index(),
                aac == null ? 48_000 : aac.timescale(), host);
    }

    private RenditionFeed(RelayNode relay, StreamName stream, HlsRendition rendition, int videoTrack, int aacTrack,
                          int audioRate, String host) throws IOException {
        this.rendition = rendition;
        this.clock = new RenditionClock(rendition, aacTrack >= 0, audioRate);
        this.videoTrack = videoTrack;
        this.aacTrack = aacTrack;
        this.video = new H264Depacketizer(au -> {
            List<byte[]> nals = new ArrayList<>(au.nals().size());
            for (byte[] nal : au.nals()) {
                int type = H264Nal.type(nal);
                if (type != H264Nal.SPS && type != H264Nal.PPS && type != H264Nal.AUD) {
                    nals.add(nal);
                }
            }
            if (!nals.isEmpty()) {
                clock.video(au.rtpTimestamp(), au.keyframe(), H264Nal.joinAvcc(nals, 4), System.nanoTime());
            }
        });
        this.audio = new AacDepacketizer(au -> clock.audio(au.rtpTimestamp(), au.data(), System.nanoTime()), 1024);
        this.tap = RtpTapSubscriber.open(relay, stream, host, new RtpTapSubscriber.Consumer() {
            @Override
            public void rtp(int trackIndex, ByteBuffer packet) {
                onPacket(trackIndex, packet);
            }

            @Override
            public void senderReport(int trackIndex, long ntp, int rtpTimestamp) {
                if (trackIndex == videoTrack) {
                    clock.videoSenderReport(ntp, rtpTimestamp);
                } else if (trackIndex == aacTrack) {
                    clock.audioSenderReport(ntp, rtpTimestamp);
                }
            }
        });
    }

    private void onPacket(int track, ByteBuffer packet) {
        view.wrap(Unpooled.wrappedBuffer(packet));
        if (view.validate() != RtpValidity.VALID) {
            return;
        }
        if (track == videoTrack) {
            video.receive(view);
            long now = System.currentTimeMillis();
            if (video.needsKeyframe() && now - lastKeyframeAsk > 1000) {
                lastKeyframeAsk = now;
                tap.requestKeyframe(videoTrack);
            }
        } else if (track == aacTrack) {
            audio.receive(view);
        }
    }

    /** Whether this rendition's video and audio are on the publisher's clock (see {@link RenditionClock}). */
    public boolean aligned() {
        return clock.aligned();
    }

    public HlsRendition rendition() {
        return rendition;
    }

    @Override
    public void close() {
        tap.close();
        rendition.close();
    }
}
