package io.openrsp.crypto.pki;

import static io.openrsp.crypto.pki.PkiAssertions.assertRefused;
import static io.openrsp.crypto.pki.TestCertificates.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 5280 §5 X.509 v2 CRLs: fields, extensions, reason codes (§5.3.1), CRL number sequence and refusals. */
class CrlBuilderTest {

    private static final String CRL_NUMBER = "2.5.29.20";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final String REASON_CODE = "2.5.29.21";

    private static TestCertificates pki;

    @BeforeAll
    static void createPki() throws PkiException {
        pki = TestCertificates.create();
    }

    @Test
    void buildWhenEntriesThenSignedV2CrlWithNumberAuthorityKeyIdAndDates() throws Exception {
        RevokedCertificate entry =
                new RevokedCertificate(BigInteger.valueOf(4711), NOW.minusSeconds(60), RevocationReason.KEY_COMPROMISE);

        X509CRL crl =
                CrlBuilder.of(pki.ci).build(BigInteger.valueOf(7), NOW, NOW.plus(Duration.ofDays(7)), List.of(entry));

        assertThat(crl.getVersion()).isEqualTo(2);
        assertThat(crl.getIssuerX500Principal()).isEqualTo(TestCertificates.CI_SUBJECT);
        assertThat(crl.getSigAlgOID()).isEqualTo("1.2.840.10045.4.3.2");
        crl.verify(pki.ciKeys.getPublic());
        assertThat(crl.getThisUpdate()).isEqualTo(Date.from(NOW));
        assertThat(crl.getNextUpdate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));
        assertThat(crl.getCriticalExtensionOIDs()).isNullOrEmpty();
        assertThat(crl.getNonCriticalExtensionOIDs()).containsExactlyInAnyOrder(CRL_NUMBER, AUTHORITY_KEY_ID);
        assertThat(crlNumberOf(crl)).isEqualTo(BigInteger.valueOf(7));
        assertThat(org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
                                JcaX509ExtensionUtils.parseExtensionValue(crl.getExtensionValue(AUTHORITY_KEY_ID)))
                        .getKeyIdentifierOctets())
                .isEqualTo(CertificateIssuerTest.subjectKeyIdOf(pki.ciCertificate()));
        X509CRLEntry revoked = crl.getRevokedCertificate(BigInteger.valueOf(4711));
        assertThat(revoked.getRevocationDate()).isEqualTo(Date.from(NOW.minusSeconds(60)));
        assertThat(revoked.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(RevocationReason.class)
    void buildWhenReasonThenEntryCarriesRfc5280Code(RevocationReason reason) throws Exception {
        X509CRL crl = CrlBuilder.of(pki.ci)
                .build(
                        BigInteger.ONE,
                        NOW,
                        NOW.plusSeconds(3600),
                        List.of(new RevokedCertificate(BigInteger.TWO, NOW, reason)));

        X509CRLEntry entry = crl.getRevokedCertificate(BigInteger.TWO);
        if (reason == RevocationReason.UNSPECIFIED) {
            // RFC 5280 §5.3.1: the extension is absent rather than "unspecified".
            assertThat(entry.getExtensionValue(REASON_CODE)).isNull();
        } else {
            assertThat(entry.getRevocationReason().ordinal()).isEqualTo(reason.code());
        }
    }

    @Test
    void nextWhenPreviousPublishedThenNumberIncreasesByOne() throws Exception {
        CrlBuilder builder = CrlBuilder.of(pki.ci);
        X509CRL first = builder.build(BigInteger.ONE, NOW, NOW.plusSeconds(3600), List.of());

        X509CRL second = builder.next(first, NOW.plusSeconds(60), NOW.plusSeconds(3660), List.of());
        X509CRL third = builder.next(second, NOW.plusSeconds(120), NOW.plusSeconds(3720), List.of());

        assertThat(crlNumberOf(second)).isEqualTo(BigInteger.TWO);
        assertThat(crlNumberOf(third)).isEqualTo(BigInteger.valueOf(3));
        assertThat(CrlBuilder.crlNumber(third)).isEqualTo(BigInteger.valueOf(3));
    }

    @Test
    void nextWhenPreviousFromAnotherCaThenCrlInvalid() throws Exception {
        X509CRL foreign = CrlBuilder.of(TestCertificates.other(true).ci)
                .build(BigInteger.ONE, NOW, NOW.plusSeconds(3600), List.of());

        assertRefused(
                () -> CrlBuilder.of(pki.ci).next(foreign, NOW, NOW.plusSeconds(3600), List.of()),
                PkiException.Reason.CRL_INVALID);
    }

    @Test
    void buildWhenEumThenCrlIssuedByTheEum() throws Exception {
        X509CRL crl = CrlBuilder.of(pki.eumCa).build(BigInteger.ONE, NOW, NOW.plusSeconds(3600), List.of());

        assertThat(crl.getIssuerX500Principal()).isEqualTo(TestCertificates.EUM_SUBJECT);
        crl.verify(pki.eum.keys().getPublic());
    }

    @Test
    void buildWhenNextUpdateNotAfterThisUpdateThenCrlInvalid() {
        assertRefused(
                () -> CrlBuilder.of(pki.ci).build(BigInteger.ONE, NOW, NOW, List.of()),
                PkiException.Reason.CRL_INVALID);
    }

    @Test
    void buildWhenNumberNegativeThenCrlInvalid() {
        assertRefused(
                () -> CrlBuilder.of(pki.ci).build(BigInteger.valueOf(-1), NOW, NOW.plusSeconds(1), List.of()),
                PkiException.Reason.CRL_INVALID);
    }

    @Test
    void buildWhenNumberLongerThanTwentyOctetsThenCrlInvalid() {
        assertRefused(
                () -> CrlBuilder.of(pki.ci).build(BigInteger.ONE.shiftLeft(160), NOW, NOW.plusSeconds(1), List.of()),
                PkiException.Reason.CRL_INVALID);
    }

    @Test
    void buildWhenSerialListedTwiceThenCrlInvalid() {
        List<RevokedCertificate> twice = List.of(
                new RevokedCertificate(BigInteger.TEN, NOW, RevocationReason.SUPERSEDED),
                new RevokedCertificate(BigInteger.TEN, NOW, RevocationReason.KEY_COMPROMISE));

        assertRefused(
                () -> CrlBuilder.of(pki.ci).build(BigInteger.ONE, NOW, NOW.plusSeconds(1), twice),
                PkiException.Reason.CRL_INVALID);
    }

    private static BigInteger crlNumberOf(X509CRL crl) throws Exception {
        return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(crl.getExtensionValue(CRL_NUMBER)))
                .getValue();
    }
}
