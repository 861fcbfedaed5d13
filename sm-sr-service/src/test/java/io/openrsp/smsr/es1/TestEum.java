package io.openrsp.smsr.es1;

import io.openrsp.crypto.CryptoException;
import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPrivateKey;
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
import io.openrsp.rsp.es.Ecasd;
import io.openrsp.rsp.es.Eis;
import io.openrsp.rsp.es.EisSignature;
import io.openrsp.rsp.id.Aid;
import io.openrsp.rsp.id.Eid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;

/**
 * Test fixture: an EUM (eUICC factory) from a PKI directory's {@code eum.crt} / {@code eum.key}: makes eUICCs (ECASD
 * key pair, CERT.ECASD.ECKA with the EID as subject serialNumber) and their EUM-signed EIS, as the simulator's factory
 * does (DESIGN.md §4 step 1).
 */
public final class TestEum {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String eumId;
    private final CertificateIssuer issuer;
    private final EcdsaP256Signer signer;

    /** A made card: its EID, ECASD private key and certificate. */
    public record Card(Eid eid, EcPrivateKey ecasdKey, X509Certificate ecasdCertificate) {}

    private TestEum(String eumId, CertificateIssuer issuer, EcdsaP256Signer signer) {
        this.eumId = eumId;
        this.issuer = issuer;
        this.signer = signer;
    }

    /** The EUM of a PKI directory, naming itself {@code eumId} in the EIS. */
    public static TestEum from(Path directory, String eumId) throws IOException, GeneralSecurityException {
        X509Certificate certificate = Pem.readCertificate(read(directory.resolve("eum.crt")));
        PrivateKey key = Pem.readPrivateKey(read(directory.resolve("eum.key")));
        CertificateAuthority authority = CertificateAuthority.of(
                certificate, KeyPairSigner.of(new KeyPair(certificate.getPublicKey(), key), RANDOM));
        EcdsaP256Signer signer;
        try {
            signer = new EcdsaP256Signer(EcPrivateKey.fromJca((ECPrivateKey) key), EcdsaSignatureFormat.DER, RANDOM);
        } catch (CryptoException e) {
            throw new GeneralSecurityException(e);
        }
        return new TestEum(eumId, CertificateIssuer.withoutCrlDistributionPoint(authority), signer);
    }

    /** A new card whose ECASD certificate names {@code certificateEid} (normally {@code eid}). */
    public Card card(Eid eid, Eid certificateEid) throws PkiException {
        EcKeyPair keys = EcKeyPair.generate(RANDOM);
        X509Certificate certificate = issuer.issue(new IssuanceRequest(
                keys.publicKey().toJca(),
                new X500Principal("CN=eUICC " + certificateEid.digits() + ",SERIALNUMBER=" + certificateEid.digits()
                        + ",O=OpenRSP"),
                SubjectAltNames.none(),
                CertificateProfile.ECASD,
                Validity.of(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60), Duration.ofDays(365)),
                SerialNumbers.random(RANDOM)));
        return new Card(eid, keys.privateKey(), certificate);
    }

    public Card card(Eid eid) throws PkiException {
        return card(eid, eid);
    }

    /** The card's EIS, unsigned. */
    public Eis eis(Card card) throws GeneralSecurityException {
        return new Eis(
                card.eid().digits(),
                eumId,
                Instant.parse("2026-01-01T00:00:00Z"),
                "OpenRSP-sim",
                "1.0",
                1_000_000L,
                500_000L,
                null,
                null,
                Aid.ISD_R.toString(),
                new Ecasd(
                        Aid.ECASD.toString(),
                        Base64.getEncoder()
                                .encodeToString(card.ecasdCertificate().getEncoded())),
                null,
                null);
    }

    /** {@code eis} signed by this EUM. */
    public Eis sign(Eis eis) {
        return eis.withEumSignature(Base64.getEncoder().encodeToString(signer.sign(EisSignature.signedData(eis))));
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.US_ASCII);
    }
}
