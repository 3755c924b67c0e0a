// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.flv.AudioSpecificConfig;
import io.cascade.ingest.flv.AvcDecoderConfigurationRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** A sink that keeps everything it gets, for assertions from the test thread. */
class RecordingSink implements RtmpMediaSink {
    final List<AvcDecoderConfigurationRecord> videoConfigs = new CopyOnWriteArrayList<>();
    final List<byte[]> videoConfigBytes = new CopyOnWriteArrayList<>();
    final List<VideoFrame> videoFrames = new CopyOnWriteArrayList<>();
    final List<AudioSpecificConfig> audioConfigs = new CopyOnWriteArrayList<>();
    final List<AudioFrame> audioFrames = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> metadata = new CopyOnWriteArrayList<>();
    final List<PublishEnd> ends = new CopyOnWriteArrayList<>();
    final AtomicReference<String> thread = new AtomicReference<>();

    @Override
    public void onVideoConfig(AvcDecoderConfigurationRecord config, byte[] raw) {
        videoConfigs.add(config);
        videoConfigBytes.add(raw);
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        thread.compareAndSet(null, Thread.currentThread().getName());
        videoFrames.add(frame);
    }

    @Override
    public void onAudioConfig(AudioSpecificConfig config, byte[] raw) {
        audioConfigs.add(config);
    }

    @Override
    public void onAudioFrame(AudioFrame frame) {
        audioFrames.add(frame);
    }

    @Override
    public void onMetadata(Map<String, Object> values) {
        metadata.add(values);
    }

    @Override
    public void onEnd(PublishEnd end) {
        ends.add(end);
    }

    boolean ended() {
        return !ends.isEmpty();
    }
}
