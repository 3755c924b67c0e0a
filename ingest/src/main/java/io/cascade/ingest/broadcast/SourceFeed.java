// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.broadcast;

import io.cascade.ingest.program.InputManager;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One publisher's media into its broadcast's input manager, for ingest protocols other than RTMP
 * (SRT today) whose listener lives outside this module: the key picks the broadcast and source,
 * as for {@link RtmpSources}; an unknown key is refused and logged only by a hash prefix. Media
 * is in the input manager's form (AVCC with its AVCDecoderConfigurationRecord, raw AAC with its
 * AudioSpecificConfig, ms timestamps). Not thread-safe: one publisher's thread.
 */
public final class SourceFeed {
    private static final Logger LOG = Logger.getLogger(SourceFeed.class);

    private final InputManager inputs;
    private final String source;
    private boolean ended;

    private SourceFeed(InputManager inputs, String source) {
        this.inputs = inputs;
        this.source = source;
    }

    /**
     * @param protocol for the log ("SRT")
     * @return the feed of the key's source (now connected), or empty for an unknown key
     */
    public static Optional<SourceFeed> open(BroadcastRegistry registry, String streamKey, String protocol) {
        Optional<BroadcastRegistry.KeyOwner> owner = registry.resolve(streamKey);
        if (owner.isEmpty()) {
            LOG.infof("%s publish refused: unknown stream key (hash %s)", protocol,
                    streamKey == null ? "-" : StreamKey.label(streamKey));
            return Optional.empty();
        }
        Broadcast b = owner.get().broadcast();
        String source = owner.get().source();
        LOG.infof("%s publish: broadcast %s source %s", protocol, b.id(), source);
        b.inputs().connected(source);
        return Optional.of(new SourceFeed(b.inputs(), source));
    }

    public void videoConfig(byte[] avcDecoderConfigurationRecord) {
        inputs.videoConfig(source, avcDecoderConfigurationRecord);
    }

    public void video(long dtsMs, int compositionOffsetMs, boolean keyframe, byte[] avcc) {
        inputs.video(source, dtsMs, compositionOffsetMs, keyframe, avcc);
    }

    public void audioConfig(byte[] audioSpecificConfig) {
        inputs.audioConfig(source, audioSpecificConfig);
    }

    public void audio(long dtsMs, byte[] aac) {
        inputs.audio(source, dtsMs, aac);
    }

    /** The publisher is gone: the source is disconnected (once). */
    public void end() {
        if (!ended) {
            ended = true;
            inputs.disconnected(source);
        }
    }
}
