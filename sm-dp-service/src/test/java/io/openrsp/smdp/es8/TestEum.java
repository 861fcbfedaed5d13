package io.openrsp.smdp.es8;

import io.openrsp.crypto.ec.EcKeyPair;
import io.openrsp.crypto.ec.EcPrivateKey;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.security.auth.x500.X500Principal;

/**
 * Test fixture: the EUM of a PKI directory ({@code eum.crt} / {@code eum.key}) making eUICCs as the simulator's factory
 * does (DESIGN.md §4 step 1): an ECASD key pair and CERT.ECASD.ECKA naming the EID as subject serialNumber, and the
 * EIS the SM-SR would return for the card.
 */
final class TestEum {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CertificateIssuer issuer;

    /** A made card: its EID, ECASD private key and certificate. */
    record Card(Eid eid, EcPrivateKey ecasdKey, X509Certificate ecasdCertificate) {}

    private TestEum(CertificateIssuer issuer) {
        this.issuer = issuer;
    }

    static TestEum from(Path directory) throws IOException, GeneralSecurityException {
        X509Certificate certificate = Pem.readCertificate(read(directory.resolve("eum.crt")));
        PrivateKey key = Pem.readPrivateKey(read(directory.resolve("eum.key")));
        CertificateAuthority authority = CertificateAuthority.of(
                certificate, KeyPairSigner.of(new KeyPair(certificate.getPublicKey(), key), RANDOM));
        return new TestEum(CertificateIssuer.withoutCrlDistributionPoint(authority));
    }

    /** A new card whose ECASD certificate names {@code certificateEid} (normally {@code eid}). */
    Card card(Eid eid, Eid certificateEid) throws PkiException {
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

    Card card(Eid eid) throws PkiException {
        return card(eid, eid);
    }

    /** The card's EIS as GetEIS returns it, naming {@code eumId} as its EUM. */
    static Eis eis(Card card, String eumId) throws GeneralSecurityException {
        return new Eis(
                card.eid().digits(),
                eumId,
                null,
                null,
                null,
                null,
                null,
                null,
                "SM-SR-1",
                Aid.ISD_R.toString(),
                new Ecasd(
                        Aid.ECASD.toString(),
                        Base64.getEncoder()
                                .encodeToString(card.ecasdCertificate().getEncoded())),
                null,
                null);
    }

    private static String read(Path path) throws IOException {
        return Files.readString(path, StandardCharsets.US_ASCII);
    }
}
