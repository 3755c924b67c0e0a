// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.distribution.relay.RelayConfig;
import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.RelayNode;
import io.cascade.distribution.relay.StreamName;
import io.cascade.distribution.relay.TrackSpec;
import io.cascade.distribution.udp.UdpEngine;
import io.cascade.distribution.udp.UdpEngineConfig;
import io.cascade.local.junit.Await;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RtpTapTest {

    @Test
    void aTapPublisherFeedsATapSubscriberThroughARealRelayAndKeyframeRequestsComeBack() throws Exception {
        RelayNode node = new RelayNode(RelayConfig.defaults(), new RelayListener() { }, InstantSource.system());
        try (UdpEngine engine = UdpEngine.start(UdpEngineConfig.defaults().withThreads(1, 1), node.handler())) {
            node.attach(engine.sockets());
            StreamName name = StreamName.of("bcast/t/program");
            AtomicInteger keyframeAsks = new AtomicInteger();
            try (RtpTapPublisher pub = RtpTapPublisher.open(node, name, List.of(TrackSpec.video(0x1111, 96)), "127.0.0.1",
                    ssrc -> { if (ssrc == 0x1111) keyframeAsks.incrementAndGet(); })) {
                ConcurrentLinkedQueue<Integer> seqs = new ConcurrentLinkedQueue<>();
                try (RtpTapSubscriber sub = RtpTapSubscriber.open(node, name, "127.0.0.1",
                        (track, p) -> seqs.add(p.getShort(2) & 0xFFFF))) {
                    Await.until("the join's keyframe request reaches the publisher", Duration.ofSeconds(5), () -> keyframeAsks.get() >= 1);
                    for (int i = 0; i < 100; i++) {
                        ByteBuffer rtp = ByteBuffer.allocate(112);
                        rtp.put((byte) 0x80).put((byte) 96).putShort((short) (1000 + i)).putInt(i * 3000).putInt(0x1111);
                        pub.send(rtp.array());
                    }
                    Await.until("all packets arrive", Duration.ofSeconds(5), () -> seqs.size() == 100);
                    int first = seqs.peek();
                    int k = 0;
                    for (int s : seqs) {
                        assertThat(s).isEqualTo((first + k++) & 0xFFFF); // in order, in the subscriber's own space
                    }
                    assertThat(sub.tracks().getFirst().ssrc()).isNotEqualTo(0x1111);
                }
            } finally {
                node.close();
            }
        }
    }

    @Test
    void aPublishersSenderReportReachesATapSubscriberWithItsNtpTimeAndTheTimestampInTheSubscribersSpace() throws Exception {
        RelayNode node = new RelayNode(RelayConfig.defaults(), new RelayListener() { }, InstantSource.system());
        try (UdpEngine engine = UdpEngine.start(UdpEngineConfig.defaults().withThreads(1, 1), node.handler())) {
            node.attach(engine.sockets());
            StreamName name = StreamName.of("bcast/t/720p");
            long ntp = io.cascade.distribution.rtcp.NtpTime.ofSeconds(3_990_000_000L);
            try (RtpTapPublisher pub = RtpTapPublisher.open(node, name, List.of(TrackSpec.video(0x2222, 96)), "127.0.0.1", ssrc -> { })) {
                ConcurrentLinkedQueue<Integer> timestamps = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<long[]> reports = new ConcurrentLinkedQueue<>();
                try (RtpTapSubscriber sub = RtpTapSubscriber.open(node, name, "127.0.0.1", new RtpTapSubscriber.Consumer() {
                    @Override
                    public void rtp(int track, ByteBuffer p) {
                        timestamps.add(p.getInt(4));
                    }

                    @Override
                    public void senderReport(int track, long srNtp, int rtpTimestamp) {
                        reports.add(new long[] {track, srNtp, rtpTimestamp});
                    }
                })) {
                    SenderReportSchedule schedule = new SenderReportSchedule(pub, 0x2222);
                    for (int i = 0; i < 10; i++) {
                        int ts = 50_000 + i * 3000;
                        schedule.beforeSample(ntp + io.cascade.distribution.rtcp.NtpTime.duration(i * 3000, 90_000), ts, System.nanoTime());
                        ByteBuffer rtp = ByteBuffer.allocate(112);
                        rtp.put((byte) 0x80).put((byte) 96).putShort((short) (7 + i)).putInt(ts).putInt(0x2222);
                        pub.send(rtp.array());
                        schedule.sent(rtp.array());
                    }
                    Await.until("the translated SR arrives", Duration.ofSeconds(5), () -> !reports.isEmpty() && timestamps.size() == 10);
                    long[] sr = reports.peek();
                    assertThat(sr[0]).isZero();
                    assertThat(sr[1]).isEqualTo(ntp); // the publisher's time, passed through
                    assertThat(timestamps.peek() - (int) sr[2]).isZero(); // the first sample is the SR's instant
                    assertThat(schedule.reportsSent()).isEqualTo(1);
                    assertThat(sub.senderReports()).isGreaterThanOrEqualTo(1);
                }
            } finally {
                node.close();
            }
        }
    }

    @Test
    void theSrOctetCountIsThePayloadWithoutHeaderCsrcsExtensionOrPadding() {
        byte[] p = new byte[12 + 4 + 8 + 20 + 3];
        p[0] = (byte) (0x80 | 0x20 | 0x10 | 1); // padding, extension, one CSRC
        p[12 + 4 + 3] = 1;                     // extension length: one word
        p[p.length - 1] = 3;                   // three octets of padding
        assertThat(SenderReportSchedule.payloadLength(p)).isEqualTo(20);
    }
}
