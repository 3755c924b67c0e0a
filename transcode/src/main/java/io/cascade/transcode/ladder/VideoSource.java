// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.ladder;

import io.cascade.transcode.h264.H264Framing;
import io.cascade.transcode.media.FrameRate;
import java.util.Objects;

/**
 * The H.264 a ladder reads.
 *
 * @param framing   Annex B, or AVCC with its NAL length size
 * @param config    SPS/PPS out of band (AVCDecoderConfigurationRecord or Annex B), or null when they
 *                  arrive in-band before keyframes
 * @param frameRate nominal rate: sizes x264's {@code keyint} and its rate control; timestamps stay
 *                  the packets' own
 */
public record VideoSource(H264Framing framing, byte[] config, FrameRate frameRate) {

    public VideoSource {
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(frameRate, "frameRate");
        config = config == null ? null : config.clone();
    }

    @Override
    public byte[] config() {
        return config == null ? null : config.clone();
    }
}
