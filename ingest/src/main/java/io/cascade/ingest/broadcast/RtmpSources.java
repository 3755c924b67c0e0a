// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.broadcast;

import io.cascade.ingest.flv.AudioSpecificConfig;
import io.cascade.ingest.flv.AvcDecoderConfigurationRecord;
import io.cascade.ingest.program.InputManager;
import io.cascade.ingest.rtmp.AudioFrame;
import io.cascade.ingest.rtmp.PublishDecision;
import io.cascade.ingest.rtmp.PublishEnd;
import io.cascade.ingest.rtmp.RtmpMediaSink;
import io.cascade.ingest.rtmp.RtmpPublishHandler;
import io.cascade.ingest.rtmp.VideoFrame;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * RTMP publishers as broadcast sources: {@code rtmp://host:1935/live/{streamKey}}. The key picks
 * the broadcast and source; the media goes into that broadcast's input manager under the
 * source's name. An unknown key or another application name is refused (NetStream.Publish.BadName);
 * the log names the key only by a hash prefix.
 */
public final class RtmpSources implements RtmpPublishHandler {
    private static final Logger LOG = Logger.getLogger(RtmpSources.class);
    public static final String APP = "live";

    private final BroadcastRegistry registry;

    public RtmpSources(BroadcastRegistry registry) {
        this.registry = registry;
    }

    @Override
    public PublishDecision onPublish(String app, String streamKey, InetSocketAddress client) {
        if (!APP.equals(app)) {
            return PublishDecision.refuse("unknown application '" + app + "': publish to rtmp://host/live/{streamKey}");
        }
        Optional<BroadcastRegistry.KeyOwner> owner = registry.resolve(streamKey);
        if (owner.isEmpty()) {
            LOG.infof("RTMP publish from %s refused: unknown stream key (hash %s)", client, StreamKey.label(streamKey));
            return PublishDecision.refuse("unknown stream key");
        }
        Broadcast b = owner.get().broadcast();
        String source = owner.get().source();
        LOG.infof("RTMP publish from %s: broadcast %s source %s", client, b.id(), source);
        b.inputs().connected(source);
        return PublishDecision.accept(new Sink(b.inputs(), source));
    }

    private record Sink(InputManager inputs, String source) implements RtmpMediaSink {
        @Override
        public void onVideoConfig(AvcDecoderConfigurationRecord config, byte[] raw) {
            inputs.videoConfig(source, raw);
        }

        @Override
        public void onVideoFrame(VideoFrame f) {
            inputs.video(source, f.dtsMs(), f.compositionOffsetMs(), f.keyframe(), f.avcc());
        }

        @Override
        public void onAudioConfig(AudioSpecificConfig config, byte[] raw) {
            inputs.audioConfig(source, raw);
        }

        @Override
        public void onAudioFrame(AudioFrame f) {
            inputs.audio(source, f.dtsMs(), f.aac());
        }

        @Override
        public void onMetadata(Map<String, Object> metadata) {
        }

        @Override
        public void onEnd(PublishEnd end) {
            if (end.kind() != PublishEnd.Kind.REFUSED) { // a refused duplicate never was this source
                inputs.disconnected(source);
            }
        }
    }
}
