// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A node's DTLS identity: a self-signed X.509 certificate over an ECDSA P-256 key, as WebRTC
 * endpoints use (RFC 8842 §5: certificates are self-signed and authenticated only by the SDP
 * fingerprint; RFC 8827 §6.5 makes ECDSA P-256 the one every browser supports). Built with
 * BouncyCastle's lightweight API so no JCA provider has to be registered.
 *
 * <p>Generated once per node at start and advertised in every SDP answer. Rotation is future
 * work: a new certificate only affects sessions negotiated after it, so rotating means keeping
 * the old one until its last session ends. Browsers ignore the validity period of DTLS
 * certificates, but OpenSSL-based peers may not, hence a validity of a year by default.
 */
public final class DtlsCertificate {

    /** Default validity; see the class comment on rotation. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

    private final AsymmetricKeyParameter privateKey;
    private final byte[] der;
    private final DtlsFingerprint fingerprint;

    private DtlsCertificate(AsymmetricKeyParameter privateKey, byte[] der) {
        this.privateKey = privateKey;
        this.der = der;
        this.fingerprint = DtlsFingerprint.of(DtlsFingerprint.HashFunction.SHA_256, der);
    }

    /** Generates a key pair and certificate valid from a day before {@code now} (clock skew). */
    public static DtlsCertificate generate(SecureRandom random, Instant now, Duration validity) {
        X9ECParameters p256 = CustomNamedCurves.getByName("secp256r1");
        // Named-curve parameters make the SubjectPublicKeyInfo carry the curve OID, which
        // OpenSSL and browsers require (explicit curve parameters are rejected by RFC 5480 §2.1.1).
        ECNamedDomainParameters domain = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, p256);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic());
            // A random CN like browsers' "WebRTC" certs: the name carries no meaning (RFC 8842 §5).
            X500Name name = new X500Name("CN=cascade-" + Long.toHexString(random.nextLong()));
            // RFC 5280 §4.1.2.2: positive serial of at most 20 octets.
            BigInteger serial = new BigInteger(64, random).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial,
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), name, spki);
            AlgorithmIdentifier sigAlg = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digAlg = new DefaultDigestAlgorithmIdentifierFinder().find(sigAlg);
            ContentSigner signer = new BcECContentSignerBuilder(sigAlg, digAlg).build(pair.getPrivate());
            return new DtlsCertificate(pair.getPrivate(), builder.build(signer).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a self-signed certificate", e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("ECDSA signer unavailable", e);
        }
    }

    /** @return a new certificate with {@link #DEFAULT_VALIDITY} */
    public static DtlsCertificate generate(SecureRandom random) {
        return generate(random, Instant.now(), DEFAULT_VALIDITY);
    }

    /** @return the SHA-256 fingerprint, as advertised in {@code a=fingerprint} */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }

    /** @return the {@code a=fingerprint} value, e.g. {@code sha-256 AB:CD:...} (RFC 8122 §5) */
    public String sdpFingerprint() {
        return fingerprint.toSdp();
    }

    /** @return a copy of the DER encoding */
    public byte[] encoded() {
        return der.clone();
    }

    /**
     * The TLS credentials for one handshake: this certificate and a signer for the
     * ServerKeyExchange (or, on a client, the CertificateVerify) with the chosen algorithm.
     */
    TlsCredentialedSigner signer(TlsContext context, BcTlsCrypto crypto, SignatureAndHashAlgorithm algorithm)
            throws IOException {
        TlsCertificate cert = crypto.createCertificate(der);
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, privateKey,
                new Certificate(new TlsCertificate[] {cert}), algorithm);
    }
}
