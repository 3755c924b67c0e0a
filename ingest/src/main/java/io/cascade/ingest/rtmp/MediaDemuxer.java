// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import io.cascade.ingest.amf.Amf0EcmaArray;
import io.cascade.ingest.amf.Amf0Object;
import io.cascade.ingest.amf.Amf0String;
import io.cascade.ingest.amf.Amf0Value;
import io.cascade.ingest.flv.AacPacketType;
import io.cascade.ingest.flv.AudioSpecificConfig;
import io.cascade.ingest.flv.AvcDecoderConfigurationRecord;
import io.cascade.ingest.flv.FlvAudioTagHeader;
import io.cascade.ingest.flv.FlvFormatException;
import io.cascade.ingest.flv.FlvVideoTagHeader;
import io.cascade.ingest.flv.VideoFrameType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;
import java.util.Map;

/**
 * Turns one publish's audio, video and data messages into {@link RtmpMediaSink} calls: parses
 * the FLV tag headers (FLV spec v10.1 §E.4.2.1, §E.4.3.1), the codec configuration records,
 * checks that NAL units fill the AVCC payload exactly, extends timestamps past 32 bits, and
 * copies payloads out of the message buffer. Other codecs and malformed tags are counted and
 * dropped with one log line per kind per connection; nothing here closes the connection except
 * a sink that throws ({@link SinkException}). The caller releases the buffers.
 */
final class MediaDemuxer {
    /** Until an AVC configuration says otherwise: the 4-byte lengths FFmpeg and OBS use. */
    private static final int DEFAULT_NAL_LENGTH_SIZE = 4;

    private final RtmpMediaSink sink;
    private final RtmpCounters counters;
    private final OnceLog log;
    private final TimestampUnwrapper videoClock = new TimestampUnwrapper();
    private final TimestampUnwrapper audioClock = new TimestampUnwrapper();
    private int nalLengthSize = DEFAULT_NAL_LENGTH_SIZE;

    MediaDemuxer(RtmpMediaSink sink, RtmpCounters counters, OnceLog log) {
        this.sink = sink;
        this.counters = counters;
        this.log = log;
    }

    void video(long timestamp, ByteBuf body) {
        FlvVideoTagHeader header;
        try {
            header = FlvVideoTagHeader.decode(body);
        } catch (FlvFormatException e) {
            malformed("video", e);
            return;
        }
        if (!header.isAvc()) {
            unsupported("video", header.enhanced() ? "Enhanced RTMP (FourCC)" : "codec id " + header.codecId());
            return;
        }
        if (header.frameType() == VideoFrameType.COMMAND_FRAME) {
            return;
        }
        switch (header.avcPacketType()) {
            case SEQUENCE_HEADER -> videoConfig(copy(body));
            case NALU -> videoFrame(timestamp, header, body);
            case END_OF_SEQUENCE -> {
                // FFmpeg sends one as it stops; the publish's end follows with the unpublish.
            }
        }
    }

    private void videoConfig(byte[] raw) {
        AvcDecoderConfigurationRecord config;
        try {
            config = AvcDecoderConfigurationRecord.decode(raw);
        } catch (FlvFormatException e) {
            malformed("avcConfig", e);
            return;
        }
        nalLengthSize = config.nalUnitLengthSize();
        counters.videoConfigs.increment();
        try {
            sink.onVideoConfig(config, raw);
        } catch (RuntimeException e) {
            throw new SinkException("onVideoConfig", e);
        }
    }

    private void videoFrame(long timestamp, FlvVideoTagHeader header, ByteBuf body) {
        if (!body.isReadable()) {
            return;
        }
        if (!framedExactly(body, nalLengthSize)) {
            malformed("avcc", new FlvFormatException("nalUnitLength", "NAL unit lengths do not fill the payload"));
            return;
        }
        VideoFrame frame = new VideoFrame(videoClock.unwrap(timestamp), header.compositionTimeMs(),
                header.frameType().isKeyFrame(), copy(body));
        counters.videoFrames.increment();
        try {
            sink.onVideoFrame(frame);
        } catch (RuntimeException e) {
            throw new SinkException("onVideoFrame", e);
        }
    }

    /** Whether length-prefixed NAL units cover the readable bytes exactly (ISO/IEC 14496-15 §5.3.4.2). */
    static boolean framedExactly(ByteBuf body, int lengthSize) {
        long at = body.readerIndex();
        long end = body.writerIndex();
        while (at < end) {
            if (at + lengthSize > end) {
                return false;
            }
            long length = switch (lengthSize) {
                case 1 -> body.getUnsignedByte((int) at);
                case 2 -> body.getUnsignedShort((int) at);
                default -> body.getUnsignedInt((int) at);
            };
            at += lengthSize + length;
        }
        return at == end;
    }

    void audio(long timestamp, ByteBuf body) {
        FlvAudioTagHeader header;
        try {
            header = FlvAudioTagHeader.decode(body);
        } catch (FlvFormatException e) {
            malformed("audio", e);
            return;
        }
        if (!header.isAac()) {
            unsupported("audio", "sound format " + header.soundFormat());
            return;
        }
        if (header.aacPacketType() == AacPacketType.SEQUENCE_HEADER) {
            audioConfig(copy(body));
        } else if (body.isReadable()) {
            AudioFrame frame = new AudioFrame(audioClock.unwrap(timestamp), copy(body));
            counters.audioFrames.increment();
            try {
                sink.onAudioFrame(frame);
            } catch (RuntimeException e) {
                throw new SinkException("onAudioFrame", e);
            }
        }
    }

    private void audioConfig(byte[] raw) {
        AudioSpecificConfig config;
        try {
            config = AudioSpecificConfig.decode(raw);
        } catch (FlvFormatException e) {
            malformed("audioSpecificConfig", e);
            return;
        }
        counters.audioConfigs.increment();
        try {
            sink.onAudioConfig(config, raw);
        } catch (RuntimeException e) {
            throw new SinkException("onAudioConfig", e);
        }
    }

    /**
     * A data message's values: {@code @setDataFrame, onMetaData, {..}} or {@code onMetaData, {..}}.
     * Other data messages are ignored.
     */
    void data(List<Amf0Value> values) {
        int at = 0;
        if (at < values.size() && values.get(at) instanceof Amf0String s && s.value().equals("@setDataFrame")) {
            at++;
        }
        if (!(at < values.size() && values.get(at) instanceof Amf0String s && s.value().equals("onMetaData"))) {
            return;
        }
        Map<String, Amf0Value> properties = null;
        if (at + 1 < values.size()) {
            Amf0Value value = values.get(at + 1);
            if (value instanceof Amf0EcmaArray array) {
                properties = array.properties();
            } else if (value instanceof Amf0Object object) {
                properties = object.properties();
            }
        }
        if (properties == null) {
            malformed("onMetaData", new FlvFormatException("onMetaData", "no object or ECMA array"));
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) new Amf0Object(properties).toJava();
        try {
            sink.onMetadata(metadata);
        } catch (RuntimeException e) {
            throw new SinkException("onMetadata", e);
        }
    }

    private void unsupported(String kind, String what) {
        counters.unsupportedMedia.increment();
        log.once("unsupported." + kind + "." + what, "ignoring " + kind + ": " + what + " is not supported");
    }

    void malformed(String kind, RuntimeException e) {
        counters.malformedMedia.increment();
        log.once("malformed." + kind, "dropping malformed " + kind + ": " + e.getMessage());
    }

    private static byte[] copy(ByteBuf body) {
        return ByteBufUtil.getBytes(body, body.readerIndex(), body.readableBytes());
    }
}
