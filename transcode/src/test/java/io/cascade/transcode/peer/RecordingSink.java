// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.peer;

import io.cascade.transcode.media.CodecConfig;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps every config and packet per output, and passes them on to another sink. */
public final class RecordingSink implements RenditionSink {

    private final RenditionSink next;
    private final Map<String, List<EncodedPacket>> packets = new ConcurrentHashMap<>();
    private final Map<String, List<CodecConfig>> configs = new ConcurrentHashMap<>();

    public RecordingSink(RenditionSink next) {
        this.next = next;
    }

    @Override
    public void config(OutputTrack output, CodecConfig config) {
        configs.computeIfAbsent(output.name(), n -> new ArrayList<>()).add(config);
        next.config(output, config);
    }

    @Override
    public void packet(OutputTrack output, EncodedPacket packet) {
        packets.computeIfAbsent(output.name(), n -> new ArrayList<>()).add(packet);
        next.packet(output, packet);
    }

    public List<EncodedPacket> packets(String output) {
        return packets.getOrDefault(output, List.of());
    }

    public List<CodecConfig> configs(String output) {
        return configs.getOrDefault(output, List.of());
    }
}
