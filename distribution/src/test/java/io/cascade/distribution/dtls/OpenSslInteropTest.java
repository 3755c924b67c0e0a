// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OpenSSL's {@code s_client} as a third-party DTLS-SRTP client against a {@link DtlsServerSession}
 * behind a small UDP adapter on 127.0.0.1: it checks the wire format, the use_srtp negotiation
 * and the exporter against an independent implementation. Skipped only without {@code openssl}.
 */
class OpenSslInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final AtomicReference<SocketAddress> peer = new AtomicReference<>();
    private DatagramChannel channel;
    private DtlsServerSession session;
    private Process openssl;

    @AfterEach
    void stop() throws Exception {
        if (openssl != null) {
            openssl.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (session != null) {
            session.close();
            session.terminated().get(5, TimeUnit.SECONDS);
        }
        if (channel != null) {
            channel.close();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "SRTP_AES128_CM_SHA1_80, AES128_CM_HMAC_SHA1_80, SRTP_AES128_CM_SHA1_80",
        "SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80, AEAD_AES_128_GCM, SRTP_AEAD_AES_128_GCM",
    })
    void opensslClientCompletesTheHandshakeAndExportsTheSameKeys(String offered,
            SrtpProtectionProfile expected, String opensslName) throws Exception {
        assumeTrue(run(List.of("openssl", "version")).startsWith("OpenSSL"), "openssl not installed");
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "1", "-subj", "/CN=openssl-client"));
        // OpenSSL prints "sha256 Fingerprint=AB:CD:..."; the SDP form is "sha-256 AB:CD:...".
        String printed = run(List.of("openssl", "x509", "-in", "c.pem", "-noout", "-fingerprint", "-sha256"));
        DtlsFingerprint clientFingerprint = DtlsFingerprint.parse("sha-256 " + printed.substring(printed.indexOf('=') + 1));

        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        DtlsCounters counters = new DtlsCounters();
        DatagramSink sink = datagram -> {
            try {
                channel.send(ByteBuffer.wrap(datagram), peer.get());
            } catch (IOException e) {
                // UDP: a failed send is a lost datagram; DTLS retransmission covers it.
            }
        };
        session = DtlsServerSession.start(DtlsCertificate.generate(RANDOM), clientFingerprint, sink,
                DtlsSessionSettings.DEFAULTS, counters, RANDOM);
        Thread.ofVirtual().name("udp-adapter").start(this::pump);

        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        Path out = dir.resolve("s_client.out");
        openssl = new ProcessBuilder("openssl", "s_client", "-dtls1_2", "-use_srtp", offered,
                "-connect", "127.0.0.1:" + port, "-cert", "c.pem", "-key", "k.pem",
                "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", String.valueOf(expected.keyingMaterialLength()))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();

        DtlsHandshakeResult result = session.handshake().get(15, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(DtlsHandshakeResult.Established.class);
        DtlsHandshakeResult.Established established = (DtlsHandshakeResult.Established) result;
        System.out.println("OpenSSL DTLS handshake (server side) took " + established.elapsed().toMillis() + " ms");

        openssl.getOutputStream().close(); // EOF on stdin: s_client sends close_notify and exits
        assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String transcript = Files.readString(out, StandardCharsets.UTF_8);
        System.out.println(transcript);
        assertThat(established.keys().profile()).isEqualTo(expected);
        assertThat(transcript).contains("SRTP Extension negotiated, profile=" + opensslName)
                .contains("Keying material: " + HexFormat.of().withUpperCase().formatHex(established.keys().material()));
        session.terminated().get(5, TimeUnit.SECONDS); // its close_notify ended our session
    }

    /** The UDP side of the adapter: every datagram from the client goes to the session. */
    private void pump() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                peer.compareAndSet(null, from); // the session replies only after hearing from it
                buffer.flip();
                session.receive(buffer.array(), 0, buffer.limit());
            }
        } catch (IOException e) {
            // Channel closed at the end of the test.
        }
    }

    private String run(List<String> command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return ""; // not installed
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
