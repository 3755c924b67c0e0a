// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.flv.AudioSpecificConfig;
import io.cascade.ingest.flv.AvcDecoderConfigurationRecord;
import java.util.Map;

/**
 * Receives one publish's media. Calls come one at a time, in arrival order, on the connection's
 * event loop thread: an implementation must not block (hand work to a queue) and should not
 * throw (a throw closes the connection as {@link CloseReason#SINK_FAILURE}). Every byte array
 * is a copy the sink may keep. {@link #onEnd} comes exactly once, last.
 */
public interface RtmpMediaSink {

    /** An AVC sequence header: the parsed record and its bytes. Sent again when it changes. */
    void onVideoConfig(AvcDecoderConfigurationRecord config, byte[] raw);

    /** One H.264 access unit. */
    void onVideoFrame(VideoFrame frame);

    /** An AAC sequence header: the parsed AudioSpecificConfig and its bytes. */
    void onAudioConfig(AudioSpecificConfig config, byte[] raw);

    /** One raw AAC frame. */
    void onAudioFrame(AudioFrame frame);

    /**
     * {@code @setDataFrame onMetaData} (or a bare {@code onMetaData}): the values as plain Java
     * ({@link io.cascade.ingest.amf.Amf0Value#toJava()}), unmodifiable.
     */
    void onMetadata(Map<String, Object> metadata);

    /** The publish is over. */
    void onEnd(PublishEnd end);

    /** A sink that drops everything: the null object. */
    static RtmpMediaSink discarding() {
        return DiscardingSink.INSTANCE;
    }
}
