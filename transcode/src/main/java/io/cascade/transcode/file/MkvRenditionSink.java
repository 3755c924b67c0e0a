// SPDX-License-Identifier: Apache-2.0
package io.cascade.transcode.file;

import io.cascade.transcode.media.CodecConfig;
import io.cascade.transcode.media.EncodedPacket;
import io.cascade.transcode.media.OutputTrack;
import io.cascade.transcode.media.RenditionSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RenditionSink} that writes each output to {@code dir/<name with / as _>.mkv}
 * ({@code video_720p.mkv}, {@code audio_aac.mkv}). The file opens at the output's first config; a
 * later config change is not written (Matroska has one CodecPrivate per track). For tests and the
 * benchmark: call {@link #close} after the transcoder has finished.
 */
public final class MkvRenditionSink implements RenditionSink, AutoCloseable {

    private final Path dir;
    private final Map<String, MkvFileWriter> writers = new ConcurrentHashMap<>();

    public MkvRenditionSink(Path dir) {
        this.dir = dir;
    }

    /** Where {@code outputName} is written. */
    public Path fileFor(String outputName) {
        return dir.resolve(outputName.replace('/', '_') + ".mkv");
    }

    @Override
    public void config(OutputTrack output, CodecConfig config) {
        writers.computeIfAbsent(output.name(), n -> new MkvFileWriter(fileFor(n), output, config.record()));
    }

    @Override
    public void packet(OutputTrack output, EncodedPacket packet) {
        MkvFileWriter w = writers.get(output.name());
        if (w == null) {
            throw new IllegalStateException(output.name() + ": packet before config");
        }
        w.write(packet);
    }

    public List<String> outputs() {
        return new ArrayList<>(writers.keySet());
    }

    @Override
    public void close() {
        writers.values().forEach(MkvFileWriter::close);
        writers.clear();
    }
}
