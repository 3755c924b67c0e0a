// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/** Layer choice, the loss-based downlink estimate (time given by the test) and keyframe detection. */
class SimulcastLayersTest {
    private static final long NOW = 100_000;

    @Test
    void theHighestActiveLayerThatFitsTheEstimateIsChosen() {
        int[] kbps = {120, 450, 1400};
        long[] last = {NOW - 10, NOW - 10, NOW - 10};
        assertThat(LayerSelector.choose(kbps, last, 2500, NOW)).isEqualTo(2);
        assertThat(LayerSelector.choose(kbps, last, 1000, NOW)).isEqualTo(1);
        assertThat(LayerSelector.choose(kbps, last, 150, NOW)).isEqualTo(0);
        assertThat(LayerSelector.choose(kbps, last, 60, NOW)).as("too little for any: the lowest").isEqualTo(0);
    }

    @Test
    void layersThatStoppedAreSkipped() {
        int[] kbps = {120, 450, 0};
        long[] last = {NOW - 10, NOW - 10, NOW - LayerSelector.ACTIVE_MS - 1};
        assertThat(LayerSelector.choose(kbps, last, 5000, NOW)).isEqualTo(1);
        assertThat(LayerSelector.choose(kbps, new long[] {0, 0, 0}, 5000, NOW)).isEqualTo(-1);
        assertThat(LayerSelector.choose(new int[] {0, 450, 900}, new long[] {0, NOW, NOW}, 100, NOW))
                .as("the lowest active layer, not a silent one").isEqualTo(1);
    }

    @Test
    void heavyLossHalvesTheEstimateLightLossGrowsItAndTheCapBoundsIt() {
        DownlinkEstimate e = new DownlinkEstimate();
        assertThat(e.kbps(0)).isEqualTo(DownlinkEstimate.START_KBPS);
        e.onLoss(500, NOW); // 50% loss: -25%
        assertThat(e.kbps(0)).isEqualTo(1875);
        e.onLoss(500, NOW + 10); // within the step time: ignored
        assertThat(e.kbps(0)).isEqualTo(1875);
        e.onLoss(50, NOW + DownlinkEstimate.STEP_MS); // 5%: hold
        assertThat(e.kbps(0)).isEqualTo(1875);
        e.onLoss(0, NOW + 2 * DownlinkEstimate.STEP_MS); // no loss: +5%
        assertThat(e.kbps(0)).isEqualTo(1968);
        assertThat(e.kbps(150)).isEqualTo(150);
    }

    @Test
    void vp8KeyframesAreTheStartOfPartitionZeroWithTheKeyBitClear() {
        // X=1, S=1, PID=0; I=1 with a 15-bit picture id; then the payload header, P=0 (key frame)
        assertThat(KeyframeFormat.VP8.isKeyframeStart(bytes(0x90, 0x80, 0x81, 0x23, 0x10), 0, 5)).isTrue();
        assertThat(KeyframeFormat.VP8.isKeyframeStart(bytes(0x90, 0x80, 0x81, 0x23, 0x11), 0, 5)).as("P=1").isFalse();
        assertThat(KeyframeFormat.VP8.isKeyframeStart(bytes(0x80, 0x80, 0x81, 0x23, 0x10), 0, 5)).as("S=0").isFalse();
        assertThat(KeyframeFormat.VP8.isKeyframeStart(bytes(0x10, 0x10), 0, 2)).isTrue();
    }

    @Test
    void h264KeyframesStartWithAnSpsOrAnIdrInAnyPacketization() {
        assertThat(KeyframeFormat.H264.isKeyframeStart(bytes(0x67, 0x42), 0, 2)).as("single SPS").isTrue();
        assertThat(KeyframeFormat.H264.isKeyframeStart(bytes(0x41, 0x9a), 0, 2)).as("P slice").isFalse();
        // STAP-A: [size 2][SPS..][size 2][PPS..]
        assertThat(KeyframeFormat.H264.isKeyframeStart(bytes(0x78, 0, 2, 0x67, 0x42, 0, 2, 0x68, 0xce), 0, 9)).isTrue();
        assertThat(KeyframeFormat.H264.isKeyframeStart(bytes(0x7c, 0x85, 0x88), 0, 3)).as("FU-A start of IDR").isTrue();
        assertThat(KeyframeFormat.H264.isKeyframeStart(bytes(0x7c, 0x05, 0x88), 0, 3)).as("FU-A middle").isFalse();
    }

    private static ByteBuf bytes(int... values) {
        ByteBuf b = Unpooled.buffer(values.length);
        for (int v : values) {
            b.writeByte(v);
        }
        return b;
    }
}
