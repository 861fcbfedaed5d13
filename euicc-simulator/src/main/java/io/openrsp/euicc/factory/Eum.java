package io.openrsp.euicc.factory;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcPrivateKey;
import io.openrsp.crypto.ec.EcPublicKey;
import io.openrsp.crypto.ec.EcdsaP256Signer;
import io.openrsp.crypto.ec.EcdsaSignatureFormat;
import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateIssuer;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.IssuanceRequest;
import io.openrsp.crypto.pki.KeyPairSigner;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.pki.SerialNumbers;
import io.openrsp.crypto.pki.SubjectAltNames;
import io.openrsp.crypto.pki.Validity;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.EisSignature;
import io.openrsp.rsp.id.Eid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.jspecify.annotations.Nullable;

/**
 * GSMA SGP.02 v4.2 §2.3 and DESIGN.md §4 step 1: the eUICC manufacturer as the factory holds it: the EUM CA
 * (pathLen 0, issued by the CI) and its key, which issue each card's CERT.ECASD.ECKA and sign its EIS.
 *
 * <ul>
 *   <li>ECASD subject: {@code CN=eUICC <EID>, SERIALNUMBER=<EID>, O=<EUM id>}, the EID in serialNumber as
 *       {@link CertificateIssuer} requires; no subjectAltName; validity from now to the earlier of the ECASD
 *       profile's maximum and the EUM certificate's end.
 *   <li>EIS signature: ECDSA P-256 / SHA-256 over {@link EisSignature#signedData(Eis)}, DER, base64 in
 *       {@code eumSignature} (DESIGN.md §11: the byte string signed is this platform's choice).
 * </ul>
 *
 * <p>Thread-safe and immutable; {@link #toString()} names the EUM only.
 */
public final class Eum {

    private final String eumId;
    private final CertificateIssuer issuer;
    private final EcdsaP256Signer eisSigner;
    private final Clock clock;
    private final SecureRandom random;

    private Eum(String eumId, CertificateIssuer issuer, EcdsaP256Signer eisSigner, Clock clock, SecureRandom random) {
        this.eumId = eumId;
        this.issuer = issuer;
        this.eisSigner = eisSigner;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Reads the EUM certificate and key from PEM files.
     *
     * @param eumId the EUM identifier, or null for the CN of the certificate
     * @throws FactoryException {@code EUM_UNAVAILABLE} if a file is unreadable, or the pair is not an EUM CA
     *     with its P-256 key
     */
    public static Eum load(
            Path certificate, Path privateKey, @Nullable String eumId, Clock clock, SecureRandom random) {
        X509Certificate eumCertificate;
        PrivateKey key;
        try {
            eumCertificate = Pem.readCertificate(Files.readString(certificate, StandardCharsets.US_ASCII));
        } catch (IOException | PkiException e) {
            throw new FactoryException(
                    FactoryException.Reason.EUM_UNAVAILABLE,
                    "openrsp.factory.eum-certificate: cannot read an X.509 certificate from " + certificate,
                    e);
        }
        try {
            key = Pem.readPrivateKey(Files.readString(privateKey, StandardCharsets.US_ASCII));
        } catch (IOException | PkiException e) {
            // The PEM reader's message may quote the file; the key never reaches it, but keep the detail out anyway.
            throw new FactoryException(
                    FactoryException.Reason.EUM_UNAVAILABLE,
                    "openrsp.factory.eum-private-key: cannot read a private key from " + privateKey);
        }
        return of(eumCertificate, key, eumId, clock, random);
    }

    /**
     * An EUM from its certificate and key.
     *
     * @throws FactoryException {@code EUM_UNAVAILABLE} unless the certificate is an EUM CA (not self-signed,
     *     may sign certificates) and the key is its P-256 key
     */
    public static Eum of(
            X509Certificate certificate, PrivateKey key, @Nullable String eumId, Clock clock, SecureRandom random) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        try {
            CertificateAuthority authority = CertificateAuthority.of(
                    certificate, KeyPairSigner.of(new KeyPair(certificate.getPublicKey(), key), random));
            if (authority.profile() != CertificateProfile.EUM) {
                throw new FactoryException(
                        FactoryException.Reason.EUM_UNAVAILABLE,
                        "openrsp.factory.eum-certificate is self-signed: it must be an EUM CA issued by the CI");
            }
            if (!(key instanceof ECPrivateKey ecKey)) {
                throw new FactoryException(
                        FactoryException.Reason.EUM_UNAVAILABLE, "openrsp.factory.eum-private-key is not an EC key");
            }
            EcdsaP256Signer signer = new EcdsaP256Signer(EcPrivateKey.fromJca(ecKey), EcdsaSignatureFormat.DER, random);
            String id = eumId != null ? eumId : commonName(certificate);
            return new Eum(id, CertificateIssuer.withoutCrlDistributionPoint(authority), signer, clock, random);
        } catch (PkiException | CryptoException e) {
            throw new FactoryException(
                    FactoryException.Reason.EUM_UNAVAILABLE,
                    "the EUM certificate and key do not form an EUM CA: " + e.getMessage(),
                    e);
        }
    }

    /** The EUM identifier written into every EIS. */
    public String eumId() {
        return eumId;
    }

    /** The EUM CA certificate. */
    public X509Certificate certificate() {
        return issuer.authority().certificate();
    }

    /**
     * Issues CERT.ECASD.ECKA for {@code eid}'s ECASD key.
     *
     * @return the certificate, DER
     * @throws FactoryException {@code ISSUANCE_FAILED} if the EUM cannot issue now (e.g. its certificate expired)
     */
    public byte[] issueEcasdCertificate(Eid eid, EcPublicKey ecasdKey) {
        Objects.requireNonNull(eid, "eid");
        Objects.requireNonNull(ecasdKey, "ecasdKey");
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant caEnd = issuer.authority().validity().notAfter();
        Duration length = Duration.between(now, caEnd);
        if (length.compareTo(CertificateProfile.ECASD.maxValidity()) > 0) {
            length = CertificateProfile.ECASD.maxValidity();
        }
        try {
            if (!length.isPositive()) {
                throw new PkiException(PkiException.Reason.VALIDITY_INVALID, "the EUM certificate has expired");
            }
            X509Certificate ecasd = issuer.issue(new IssuanceRequest(
                    ecasdKey.toJca(),
                    ecasdSubject(eid),
                    SubjectAltNames.none(),
                    CertificateProfile.ECASD,
                    Validity.of(now, length),
                    SerialNumbers.random(random)));
            return ecasd.getEncoded();
        } catch (PkiException | CertificateEncodingException e) {
            throw new FactoryException(
                    FactoryException.Reason.ISSUANCE_FAILED,
                    "the EUM could not issue the ECASD certificate of " + eid + ": " + e.getMessage(),
                    e);
        }
    }

    /** {@code eis} with {@code eumSignature} set to this EUM's signature over {@link EisSignature#signedData}. */
    public Eis sign(Eis eis) {
        byte[] signature = eisSigner.sign(EisSignature.signedData(eis));
        return eis.withEumSignature(Base64.getEncoder().encodeToString(signature));
    }

    private X500Principal ecasdSubject(Eid eid) {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.CN, "eUICC " + eid.digits())
                .addRDN(BCStyle.SERIALNUMBER, eid.digits())
                .addRDN(BCStyle.O, eumId)
                .build();
        try {
            return new X500Principal(name.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an X.500 name", e);
        }
    }

    private static String commonName(X509Certificate certificate) {
        RDN[] names = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(BCStyle.CN);
        if (names.length == 0 || !(names[0].getFirst().getValue() instanceof ASN1String cn)) {
            throw new FactoryException(
                    FactoryException.Reason.EUM_UNAVAILABLE,
                    "the EUM certificate has no CN: set openrsp.factory.eum-id");
        }
        return cn.getString();
    }

    @Override
    public String toString() {
        return "Eum[" + eumId + ", key redacted]";
    }
}
