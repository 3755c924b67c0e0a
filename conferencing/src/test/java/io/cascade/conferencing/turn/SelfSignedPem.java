// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;

/**
 * A throwaway self-signed certificate and key as PEM files, made with the JDK's own {@code
 * keytool} (no OpenSSL or Bouncy Castle needed), the way an operator's files look on disk.
 */
record SelfSignedPem(Path certificate, Path key) {

    static SelfSignedPem create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        Path store = dir.resolve("turn.p12");
        char[] password = "changeit".toCharArray();
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        var result = ExternalTool.run(java.time.Duration.ofSeconds(60), List.of(keytool.toString(), "-genkeypair",
                "-keyalg", "EC", "-groupname", "secp256r1", "-alias", "turn", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", "changeit", "-keypass", "changeit"));
        if (result.exitCode() != 0) {
            throw new IOException("keytool failed: " + result.output());
        }
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, password);
        }
        PrivateKey privateKey = (PrivateKey) keyStore.getKey("turn", password);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", keyStore.getCertificate("turn").getEncoded()), StandardCharsets.US_ASCII);
        Files.writeString(key, pem("PRIVATE KEY", privateKey.getEncoded()), StandardCharsets.US_ASCII);
        return new SelfSignedPem(cert, key);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
