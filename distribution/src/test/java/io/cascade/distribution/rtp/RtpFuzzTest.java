// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzz targets for the RTP parsers. Under {@code mvn test} Jazzer runs them in regression mode
 * over the kept corpus in {@code RtpFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes and adds crashing inputs there. Properties: only {@link RtpFormatException} escapes;
 * the view's result code and decode agree; whatever decodes re-encodes to the same bytes
 * (padding octets before the count aside) and decodes to the same value; RTX wrap then unwrap
 * gives the original back, in place or copied.
 */
@ExtendWith(LeakDetection.class)
class RtpFuzzTest {
    static final List<String> VECTORS = List.of("rfc3550-pcmu", "csrc-marker-padding",
            "chrome-vp8-one-byte-extension", "two-byte-extension", "rtx-chrome-vp8");

    @FuzzTest
    void decodeRoundTrip(byte[] data) {
        checkDecodeRoundTrip(data);
    }

    /** @return whether {@code data} decoded */
    private static boolean checkDecodeRoundTrip(byte[] data) {
        ByteBuf in = PooledBuffers.of(data);
        ByteBuf out = PooledBuffers.empty();
        try {
            RtpValidity validity = new RtpPacket().wrap(in).validate();
            RtpPacket packet;
            try {
                packet = RtpPacket.decode(in);
            } catch (RtpFormatException e) {
                assertThat(validity).isNotEqualTo(RtpValidity.VALID);
                assertThat(e.field()).isEqualTo(validity.field());
                return false;
            }
            assertThat(validity).isEqualTo(RtpValidity.VALID);
            RtpHeader header = packet.header();
            assertThat(RtpHeader.decode(in.duplicate())).isEqualTo(header);
            RtpPacket.encode(header, in.slice(packet.payloadOffset(), packet.payloadLength()),
                    packet.paddingLength(), out);
            int significant = data.length - packet.paddingLength();
            assertThat(out.readableBytes()).isEqualTo(data.length);
            assertThat(PooledBuffers.readable(out.slice(0, significant))).isEqualTo(Arrays.copyOf(data, significant));
            RtpPacket again = RtpPacket.decode(out);
            assertThat(again.header()).isEqualTo(header);
            assertThat(again.paddingLength()).isEqualTo(packet.paddingLength());
            checkElements(packet, header.extension());
            return true;
        } finally {
            in.release();
            out.release();
        }
    }

    /** The view finds what the value parses, and rebuilding the block keeps the elements. */
    private static void checkElements(RtpPacket packet, HeaderExtension extension) {
        if (extension == null || extension.form() == null) {
            return;
        }
        List<ExtensionElement> elements = extension.elements();
        assertThat(HeaderExtension.of(extension.form(), elements).elements()).isEqualTo(elements);
        Set<Integer> seen = new HashSet<>();
        for (ExtensionElement element : elements) {
            if (seen.add(element.id())) {
                assertThat(packet.extensionLength(element.id())).isEqualTo(element.length());
                byte[] inPlace = new byte[element.length()];
                packet.buffer().getBytes(packet.extensionOffset(element.id()), inPlace);
                assertThat(inPlace).isEqualTo(element.value());
            }
        }
    }

    @FuzzTest
    void rtxRoundTrip(byte[] data) {
        ByteBuf in = PooledBuffers.withHeadroom(RtxCodec.OSN_LENGTH, data);
        ByteBuf rtx = null;
        ByteBuf restored = null;
        try {
            RtpPacket original = new RtpPacket().wrap(in);
            if (original.validate() != RtpValidity.VALID) {
                return;
            }
            byte[] expected = withoutPadding(original);
            rtx = RtxCodec.wrap(original, 97, 0x0BADCAFE, 4242, PooledBuffers.ALLOC);
            RtpPacket rtxView = RtpPacket.decode(rtx);
            assertThat(RtxCodec.originalSequenceNumber(rtxView)).isEqualTo(original.sequenceNumber());
            restored = RtxCodec.unwrap(rtxView, original.payloadType(), original.ssrc(), PooledBuffers.ALLOC);
            assertThat(PooledBuffers.readable(restored)).isEqualTo(expected);

            byte[] copied = PooledBuffers.readable(rtx);
            int pt = original.payloadType();
            int ssrc = original.ssrc();
            assertThat(RtxCodec.wrapInPlace(original, 97, 0x0BADCAFE, 4242)).isTrue();
            assertThat(PooledBuffers.readable(in)).isEqualTo(copied);
            assertThat(RtxCodec.unwrapInPlace(original, pt, ssrc)).isTrue();
            assertThat(PooledBuffers.readable(in)).isEqualTo(expected);
        } finally {
            in.release();
            if (rtx != null) {
                rtx.release();
            }
            if (restored != null) {
                restored.release();
            }
        }
    }

    /** The packet as RFC 4588 §4 restores it: padding removed, P bit clear. */
    private static byte[] withoutPadding(RtpPacket packet) {
        byte[] octets = new byte[packet.length() - packet.paddingLength()];
        packet.buffer().getBytes(packet.offset(), octets);
        octets[0] &= ~0x20;
        return octets;
    }

    /**
     * Regression mode only replays the corpus, so plain {@code mvn test} also pushes seeded
     * mutations of the golden vectors through both targets: deterministic, a few seconds.
     */
    @Test
    void seededMutationsOfTheGoldenVectorsKeepTheProperties() {
        Random random = new Random(3550);
        List<byte[]> seeds = VECTORS.stream().map(name -> HexVector.load("rtp/" + name + ".hex")).toList();
        int decoded = 0;
        int inputs = 10_000;
        for (int i = 0; i < inputs; i++) {
            byte[] input = Mutator.mutate(seeds.get(random.nextInt(seeds.size())), random);
            decoded += checkDecodeRoundTrip(input) ? 1 : 0;
            rtxRoundTrip(input);
        }
        assertThat(decoded).as("mutations reach both the accept and the reject path")
                .isBetween(inputs / 10, inputs - inputs / 10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"decodeRoundTrip", "rtxRoundTrip"})
    void seedCorpusHoldsEveryGoldenVector(String method) throws IOException {
        for (String name : VECTORS) {
            String resource = "io/cascade/distribution/rtp/RtpFuzzTestInputs/" + method + "/" + name;
            try (InputStream seed = getClass().getClassLoader().getResourceAsStream(resource)) {
                assertThat(seed).as(resource).isNotNull();
                assertThat(seed.readAllBytes()).isEqualTo(HexVector.load("rtp/" + name + ".hex"));
            }
        }
    }
}
