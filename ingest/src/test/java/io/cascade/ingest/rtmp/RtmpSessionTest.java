// SPDX-License-Identifier: Apache-2.0
package io.cascade.ingest.rtmp;

import static org.assertj.core.api.Assertions.assertThat;

import io.cascade.ingest.amf.Amf0EcmaArray;
import io.cascade.ingest.amf.Amf0Null;
import io.cascade.ingest.amf.Amf0Number;
import io.cascade.ingest.amf.Amf0Object;
import io.cascade.ingest.amf.Amf0String;
import io.cascade.ingest.testing.HexVector;
import io.cascade.ingest.testing.LeakDetection;
import io.cascade.ingest.testing.LogCapture;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole server pipeline on an embedded channel: handshake, commands and replies, media into
 * the sink, and each way a connection ends.
 */
@ExtendWith(LeakDetection.class)
class RtmpSessionTest {
    private static final byte[] AVC_CONFIG_TAG = HexVector.load("io/cascade/ingest/flv/ffmpeg-avc-sequence-header.hex");
    private static final byte[] AAC_CONFIG_TAG = HexVector.load("io/cascade/ingest/flv/ffmpeg-aac-sequence-header.hex");

    private final RecordingSink sink = new RecordingSink();

    private PublishDecision acceptKey(String app, String key, java.net.InetSocketAddress client) {
        return StreamKeys.matches("KEY", key) ? PublishDecision.accept(sink) : PublishDecision.refuse("bad key");
    }

    static byte[] keyFrame(int compositionTime, byte[]... nals) {
        ByteBuf tag = Unpooled.buffer();
        tag.writeByte(0x17).writeByte(1).writeMedium(compositionTime);
        for (byte[] nal : nals) {
            tag.writeInt(nal.length).writeBytes(nal);
        }
        return io.netty.buffer.ByteBufUtil.getBytes(tag);
    }

    @Test
    void connectIsAnsweredWithWindowBandwidthChunkSizeAndSuccess() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.handshake().connect("live");
            List<Messages.Copy> replies = rtmp.received();
            assertThat(replies).extracting(Messages.Copy::typeId).containsExactly(5, 6, 1, 20);
            CommandMessage result = EmbeddedRtmp.commands(replies).get(0);
            assertThat(result.name()).isEqualTo("_result");
            assertThat(result.transactionId()).isEqualTo(1.0);
            assertThat(((Amf0Object) result.arguments().get(0)).string("code")).isEqualTo("NetConnection.Connect.Success");
        }
    }

    @Test
    void bytesRightBehindC2InTheSameReadReachTheChunkDecoder() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            byte[] c0c1 = new byte[1537];
            c0c1[0] = 3;
            rtmp.write(c0c1);
            RtmpMessage message = Messages.message(3, 0, 0, CommandMessage.of("connect", 1,
                    Amf0Object.builder().put("app", "live").build()));
            ByteBuf connect = Unpooled.buffer();
            new ChunkEncoder().encode(message, connect);
            message.release();
            byte[] c2AndConnect = new byte[1536 + connect.readableBytes()];
            connect.readBytes(c2AndConnect, 1536, connect.readableBytes());
            rtmp.write(c2AndConnect);
            assertThat(EmbeddedRtmp.commands(rtmp.received())).extracting(CommandMessage::name).containsExactly("_result");
        }
    }

    @Test
    void publishStartsWithStreamBeginAndPublishStartThenMediaReachesTheSink() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.publish("live/", "KEY");
            List<Messages.Copy> replies = rtmp.received();
            List<CommandMessage> commands = EmbeddedRtmp.commands(replies);
            assertThat(commands.get(1).name()).isEqualTo("_result");
            assertThat(commands.get(1).arguments()).containsExactly(new Amf0Number(1));
            assertThat(replies.get(replies.size() - 2).typeId()).as("Stream Begin").isEqualTo(4);
            CommandMessage status = commands.get(commands.size() - 1);
            assertThat(status.name()).isEqualTo("onStatus");
            assertThat(((Amf0Object) status.arguments().get(0)).string("code")).isEqualTo("NetStream.Publish.Start");

            rtmp.sendRaw(4, 18, 1, 0, amf(new Amf0String("@setDataFrame"), new Amf0String("onMetaData"),
                    new Amf0EcmaArray(Map.of("width", new Amf0Number(640)))));
            rtmp.video(0, AVC_CONFIG_TAG).audio(0, AAC_CONFIG_TAG);
            rtmp.video(40, keyFrame(80, new byte[] {0x65, 1, 2}, new byte[] {0x06, 9}));
            rtmp.audio(42, HexVector.parse("af 01 21 10 05"));

            assertThat(sink.metadata).containsExactly(Map.of("width", 640.0));
            assertThat(sink.videoConfigs).hasSize(1);
            assertThat(sink.videoConfigBytes.get(0)).isEqualTo(Arrays.copyOfRange(AVC_CONFIG_TAG, 5, AVC_CONFIG_TAG.length));
            assertThat(sink.audioConfigs.get(0).samplingFrequency()).isEqualTo(48000);
            VideoFrame first = sink.videoFrames.get(0);
            assertThat(first.dtsMs()).isEqualTo(40);
            assertThat(first.compositionOffsetMs()).isEqualTo(80);
            assertThat(first.ptsMs()).isEqualTo(120);
            assertThat(first.keyframe()).isTrue();
            assertThat(first.avcc()).isEqualTo(HexVector.parse("00000003 65 01 02 00000002 06 09"));
            assertThat(sink.audioFrames.get(0).aac()).isEqualTo(HexVector.parse("21 10 05"));
            assertThat(rtmp.server.publishers().isLive("live", "KEY")).isTrue();

            rtmp.command(0, "FCUnpublish", 4, Amf0Null.INSTANCE, new Amf0String("KEY"));
            rtmp.command(1, "deleteStream", 5, Amf0Null.INSTANCE, new Amf0Number(1));
            assertThat(sink.ends).containsExactly(new PublishEnd(PublishEnd.Kind.NORMAL, "client sent FCUnpublish"));
            assertThat(rtmp.server.publishers().isLive("live", "KEY")).isFalse();
            rtmp.channel.close();
            assertThat(rtmp.stats().closed(CloseReason.CLIENT_CLOSED)).isEqualTo(1);
            assertThat(sink.ends).hasSize(1);
        }
    }

    @Test
    void disconnectWithoutUnpublishEndsThePublishWithAnError() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.publish("live", "KEY");
            rtmp.channel.close();
            assertThat(sink.ends).extracting(PublishEnd::kind).containsExactly(PublishEnd.Kind.ERROR);
            assertThat(rtmp.server.publishers().isLive("live", "KEY")).isFalse();
        }
    }

    @Test
    void refusedKeyGetsBadNameAndTheConnectionCloses() {
        try (LogCapture log = LogCapture.of("io.cascade.ingest.rtmp"); EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.publish("live", "nope-secret");
            CommandMessage status = last(EmbeddedRtmp.commands(rtmp.received()));
            Amf0Object info = (Amf0Object) status.arguments().get(0);
            assertThat(info.string("code")).isEqualTo("NetStream.Publish.BadName");
            assertThat(info.string("level")).isEqualTo("error");
            assertThat(info.string("description")).isEqualTo("bad key");
            rtmp.advanceMillis(2000);
            assertThat(rtmp.channel.isOpen()).isFalse();
            assertThat(rtmp.stats().closed(CloseReason.PUBLISH_REFUSED)).isEqualTo(1);
            assertThat(rtmp.stats().publishesRefused()).isEqualTo(1);
            assertThat(log.lines()).filteredOn(line -> line.contains("closed:")).hasSize(1)
                    .allMatch(line -> line.contains("key=" + StreamKeys.fingerprint("nope-secret")))
                    .noneMatch(line -> line.contains("nope-secret"));
        }
    }

    @Test
    void commandBeforeConnectClosesWithAProtocolError() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.handshake().command(0, "createStream", 2, Amf0Null.INSTANCE);
            assertThat(rtmp.stats().closed(CloseReason.PROTOCOL_ERROR)).isEqualTo(1);
        }
    }

    @Test
    void unknownCommandsGetAnErrorAndTheConnectionStays() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.handshake().connect("live").command(0, "getStreamLength", 7, Amf0Null.INSTANCE);
            CommandMessage error = last(EmbeddedRtmp.commands(rtmp.received()));
            assertThat(error.name()).isEqualTo("_error");
            assertThat(error.transactionId()).isEqualTo(7.0);
            assertThat(rtmp.channel.isOpen()).isTrue();
        }
    }

    @Test
    void pingRequestIsAnsweredWithAPingResponse() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.handshake().connect("live").received();
            rtmp.send(2, 0, 0, new UserControlEvent(UserControlEvent.PING_REQUEST, 777, 0));
            Messages.Copy pong = last(rtmp.received());
            assertThat(UserControlEvent.decode(Unpooled.wrappedBuffer(pong.bytes())))
                    .isEqualTo(new UserControlEvent(UserControlEvent.PING_RESPONSE, 777, 0));
        }
    }

    @Test
    void acknowledgementsFollowTheClientsWindow() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.publish("live", "KEY").received();
            rtmp.send(2, 0, 0, new WindowAcknowledgementSize(10_000));
            for (int i = 0; i < 6; i++) {
                rtmp.video(i * 33, keyFrame(0, new byte[4000]));
            }
            List<Messages.Copy> acks = rtmp.received().stream().filter(m -> m.typeId() == 3).toList();
            assertThat(acks).hasSize(2);
            long first = Acknowledgement.decode(Unpooled.wrappedBuffer(acks.get(0).bytes())).sequenceNumber();
            assertThat(first).isGreaterThanOrEqualTo(10_000);
            assertThat(rtmp.stats().acknowledgementsSent()).isEqualTo(2);
        }
    }

    @Test
    void otherCodecsAreCountedAndLoggedOnce() {
        try (LogCapture log = LogCapture.of("io.cascade.ingest.rtmp"); EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.publish("live", "KEY");
            for (int i = 0; i < 3; i++) {
                rtmp.video(i, HexVector.parse("12 00 00"));      // Sorenson H.263
                rtmp.audio(i, HexVector.parse("2e ff fb"));      // MP3
            }
            rtmp.video(5, HexVector.parse("90 68 76 63 31"));   // Enhanced RTMP HEVC
            assertThat(rtmp.stats().unsupportedMedia()).isEqualTo(7);
            assertThat(log.lines()).filteredOn(line -> line.contains("not supported")).hasSize(3);
            assertThat(rtmp.channel.isOpen()).isTrue();
            assertThat(sink.videoFrames).isEmpty();
        }
    }

    @Test
    void malformedMediaIsDroppedAndCounted() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.publish("live", "KEY");
            rtmp.video(0, HexVector.parse("17 01 00 00 00 00 00 00 09 65"));  // NAL length 9, 1 byte present
            rtmp.video(0, HexVector.parse("17 00 00 00 00 02 64"));           // configurationVersion 2
            rtmp.audio(0, HexVector.parse("af 00 16 80"));                    // reserved frequency index
            rtmp.video(0, HexVector.parse("07"));                             // frame type 0
            assertThat(rtmp.stats().malformedMedia()).isEqualTo(4);
            assertThat(sink.videoFrames).isEmpty();
            assertThat(sink.videoConfigs).isEmpty();
            assertThat(rtmp.channel.isOpen()).isTrue();
        }
    }

    @Test
    void playIsRefusedWithPlayFailed() {
        try (EmbeddedRtmp rtmp = new EmbeddedRtmp(this::acceptKey)) {
            rtmp.handshake().connect("live").command(0, "createStream", 2, Amf0Null.INSTANCE)
                    .command(1, "play", 3, Amf0Null.INSTANCE, new Amf0String("KEY"));
            Amf0Object info = (Amf0Object) last(EmbeddedRtmp.commands(rtmp.received())).arguments().get(0);
            assertThat(info.string("code")).isEqualTo("NetStream.Play.Failed");
            assertThat(rtmp.stats().closed(CloseReason.UNSUPPORTED)).isEqualTo(1);
        }
    }

    private static byte[] amf(io.cascade.ingest.amf.Amf0Value... values) {
        ByteBuf out = Unpooled.buffer();
        for (var value : values) {
            value.encode(out);
        }
        return io.netty.buffer.ByteBufUtil.getBytes(out);
    }

    private static <T> T last(List<T> list) {
        assertThat(list).isNotEmpty();
        return list.get(list.size() - 1);
    }
}
