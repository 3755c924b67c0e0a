// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cascade.local.junit.Await;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * OpenSSL's {@code s_server} as a third-party DTLS-SRTP server for a {@link DtlsClientSession}
 * behind a small UDP adapter on 127.0.0.1: the mirror of {@link OpenSslInteropTest}. ffmpeg's WHIP
 * muxer is this same OpenSSL in the server role, offering only SRTP_AES128_CM_SHA1_80. Skipped
 * only without {@code openssl}.
 */
class OpenSslServerInteropTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ACCEPT = Pattern.compile("ACCEPT 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private DatagramChannel channel;
    private DtlsClientSession session;
    private Process openssl;
    private Path transcript;
    private DtlsFingerprint serverFingerprint;
    private final DtlsCounters counters = new DtlsCounters();

    @BeforeEach
    void serverCertificate() throws Exception {
        assumeTrue(run(List.of("openssl", "version")).startsWith("OpenSSL"), "openssl not installed");
        run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", "k.pem", "-out", "c.pem", "-days", "1", "-subj", "/CN=openssl-server"));
        // OpenSSL prints "sha256 Fingerprint=AB:CD:..."; the SDP form is "sha-256 AB:CD:...".
        String printed = run(List.of("openssl", "x509", "-in", "c.pem", "-noout", "-fingerprint", "-sha256"));
        serverFingerprint = DtlsFingerprint.parse("sha-256 " + printed.substring(printed.indexOf('=') + 1));
    }

    @AfterEach
    void stop() throws Exception {
        if (session != null) {
            session.close();
            session.terminated().get(5, TimeUnit.SECONDS);
        }
        if (openssl != null) {
            openssl.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
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
    void opensslServerCompletesTheHandshakeAndExportsTheSameKeys(String serverProfiles,
            SrtpProtectionProfile expected, String opensslName) throws Exception {
        connect(List.of("-use_srtp", serverProfiles, "-keymatexport", "EXTRACTOR-dtls_srtp",
                "-keymatexportlen", String.valueOf(expected.keyingMaterialLength())), serverFingerprint);

        DtlsHandshakeResult result = session.handshake().get(15, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(DtlsHandshakeResult.Established.class);
        DtlsHandshakeResult.Established established = (DtlsHandshakeResult.Established) result;
        System.out.println("OpenSSL DTLS handshake (client side) took " + established.elapsed().toMillis() + " ms");
        assertThat(established.keys().profile()).isEqualTo(expected);
        assertThat(established.keys().role()).isEqualTo(DtlsRole.CLIENT);
        String hex = HexFormat.of().withUpperCase().formatHex(established.keys().material());
        Await.until("s_server printed the exported keys", Duration.ofSeconds(10),
                () -> output().contains("Keying material: "), this::output);

        session.close(); // close_notify: s_server ends the connection and, with -naccept 1, exits
        assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).as(this::output).isTrue();
        String out = output();
        System.out.println(out);
        assertThat(out).contains("SRTP Extension negotiated, profile=" + opensslName)
                .contains("Keying material: " + hex)
                // -verify made s_server ask for our certificate, and it got it.
                .contains("depth=0 CN = cascade-");
        // Our close sent close_notify (s_server reads EOF: "DONE"), not a fatal alert.
        assertThat(out).contains("DONE").doesNotContain("SSL alert number");
    }

    @Test
    void wrongServerFingerprintEndsWithBadCertificateAndNoKeys() throws Exception {
        connect(List.of("-use_srtp", "SRTP_AES128_CM_SHA1_80"), DtlsCertificate.generate(RANDOM).fingerprint());

        DtlsHandshakeResult result = session.handshake().get(15, TimeUnit.SECONDS);
        assertThat(result).isInstanceOfSatisfying(DtlsHandshakeResult.Failed.class,
                f -> assertThat(f.reason()).isEqualTo(DtlsFailure.FINGERPRINT_MISMATCH));
        Await.until("s_server saw our alert", Duration.ofSeconds(10),
                () -> output().contains("bad certificate"), this::output);
        assertThat(output()).doesNotContain("Keying material");
    }

    @Test
    void serverWithoutUseSrtpIsRefused() throws Exception {
        connect(List.of(), serverFingerprint);

        assertThat(session.handshake().get(15, TimeUnit.SECONDS)).isInstanceOfSatisfying(
                DtlsHandshakeResult.Failed.class, f -> assertThat(f.reason()).isEqualTo(DtlsFailure.NO_SRTP_PROFILE));
    }

    /** Starts {@code s_server} on an ephemeral port, then our client session toward it. */
    private void connect(List<String> serverOptions, DtlsFingerprint expectedServer) throws Exception {
        transcript = dir.resolve("s_server.out");
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-dtls1_2", "-accept", "127.0.0.1:0",
                "-cert", "c.pem", "-key", "k.pem", "-verify", "1", "-naccept", "1"));
        command.addAll(serverOptions);
        // stdin stays open: EOF on it would make s_server shut down before we connect.
        openssl = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(transcript.toFile()).start();
        Await.until("s_server listens", Duration.ofSeconds(10), () -> ACCEPT.matcher(output()).find(), this::output);
        Matcher m = ACCEPT.matcher(output());
        assertThat(m.find()).isTrue();
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));

        channel = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0)).connect(server);
        DatagramSink sink = datagram -> {
            try {
                channel.write(ByteBuffer.wrap(datagram));
            } catch (IOException e) {
                // UDP: a failed send is a lost datagram; DTLS retransmission covers it.
            }
        };
        session = DtlsClientSession.create(DtlsCertificate.generate(RANDOM), expectedServer, sink,
                DtlsSessionSettings.DEFAULTS, counters, RANDOM);
        Thread.ofVirtual().name("udp-adapter").start(this::pump);
        session.connect();
    }

    /** The UDP side of the adapter: every datagram from the server goes to the session. */
    private void pump() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        try {
            while (true) {
                buffer.clear();
                channel.receive(buffer);
                buffer.flip();
                session.receive(buffer.array(), 0, buffer.limit());
            }
        } catch (IOException e) {
            // Channel closed at the end of the test.
        }
    }

    private String output() {
        try {
            return Files.readString(transcript, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
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
