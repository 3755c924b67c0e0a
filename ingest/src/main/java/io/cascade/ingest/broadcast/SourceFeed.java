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
        return Optional.of(of(owner.get(), protocol));
    }

    /**
     * The feed of a key already resolved (WHIP resolves at the POST and connects the source only
     * once ICE and DTLS have completed, without keeping the key); the source is now connected.
     */
    public static SourceFeed of(BroadcastRegistry.KeyOwner owner, String protocol) {
        Broadcast b = owner.broadcast();
        LOG.infof("%s publish: broadcast %s source %s", protocol, b.id(), owner.source());
        b.inputs().connected(owner.source());
        return new SourceFeed(b.inputs(), owner.source());
    }

    /** A short, non-reversible label of a stream key for logs (a hash prefix). */
    public static String keyLabel(String streamKey) {
        return streamKey == null ? "-" : StreamKey.label(streamKey);
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
