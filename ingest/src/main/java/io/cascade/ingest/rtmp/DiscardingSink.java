// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.flv.AudioSpecificConfig;
import io.cascade.ingest.flv.AvcDecoderConfigurationRecord;
import java.util.Map;

/** The null {@link RtmpMediaSink}. */
enum DiscardingSink implements RtmpMediaSink {
    INSTANCE;

    @Override
    public void onVideoConfig(AvcDecoderConfigurationRecord config, byte[] raw) {
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
    }

    @Override
    public void onAudioConfig(AudioSpecificConfig config, byte[] raw) {
    }

    @Override
    public void onAudioFrame(AudioFrame frame) {
    }

    @Override
    public void onMetadata(Map<String, Object> metadata) {
    }

    @Override
    public void onEnd(PublishEnd end) {
    }
}
