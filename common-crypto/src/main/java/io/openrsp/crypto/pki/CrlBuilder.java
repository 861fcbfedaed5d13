package io.openrsp.crypto.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;

/**
 * RFC 5280 §5: a complete X.509 v2 CRL signed by a {@link CertificateAuthority} (the CI, or an EUM for its
 * ECASD certificates), with the cRLNumber and authorityKeyIdentifier extensions (§5.2.1, §5.2.3),
 * thisUpdate/nextUpdate (§5.1.2.4-5) and per-entry reasonCode (§5.3.1). The issuer keeps the CRL number
 * between runs; {@link #next} builds the successor of a published CRL.
 */
public final class CrlBuilder {

    /** RFC 5280 §5.2.3: the cRLNumber is at most 20 octets. */
    private static final int MAX_CRL_NUMBER_BITS = 159;

    private final CertificateAuthority authority;

    private CrlBuilder(CertificateAuthority authority) {
        this.authority = authority;
    }

    public static CrlBuilder of(CertificateAuthority authority) {
        return new CrlBuilder(Objects.requireNonNull(authority, "authority"));
    }

    /**
     * A CRL numbered {@code crlNumber} listing {@code revoked}.
     *
     * @throws PkiException {@code CRL_INVALID} for a negative or over-long number, a nextUpdate not after
     *     thisUpdate, or a serial listed twice; {@code SIGNING_FAILED}
     */
    public X509CRL build(BigInteger crlNumber, Instant thisUpdate, Instant nextUpdate, List<RevokedCertificate> revoked)
            throws PkiException {
        Objects.requireNonNull(crlNumber, "crlNumber");
        Instant start = Objects.requireNonNull(thisUpdate, "thisUpdate").truncatedTo(ChronoUnit.SECONDS);
        Instant end = Objects.requireNonNull(nextUpdate, "nextUpdate").truncatedTo(ChronoUnit.SECONDS);
        checkNumber(crlNumber);
        if (!end.isAfter(start)) {
            throw new PkiException(PkiException.Reason.CRL_INVALID, "nextUpdate must be after thisUpdate");
        }
        X509v2CRLBuilder builder = new X509v2CRLBuilder(authority.name(), Date.from(start));
        builder.setNextUpdate(Date.from(end));
        Set<BigInteger> seen = new HashSet<>();
        for (RevokedCertificate entry : List.copyOf(revoked)) {
            if (!seen.add(entry.serialNumber())) {
                throw new PkiException(PkiException.Reason.CRL_INVALID, "a serial number is listed twice");
            }
            // RFC 5280 §5.3.1: reason code 0 (unspecified) is written by leaving the extension out; BC does so for 0.
            builder.addCRLEntry(
                    entry.serialNumber(),
                    Date.from(entry.revocationDate()),
                    entry.reason().code());
        }
        try {
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(authority.keyIdentifier()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
        } catch (CertIOException e) {
            throw new PkiException(PkiException.Reason.SIGNING_FAILED, "the CRL cannot be encoded", e);
        }
        return sign(builder);
    }

    /**
     * The successor of {@code previous} (which this CA issued): its number plus one.
     *
     * @throws PkiException {@code CRL_INVALID} if {@code previous} was not issued by this CA or has no number
     */
    public X509CRL next(X509CRL previous, Instant thisUpdate, Instant nextUpdate, List<RevokedCertificate> revoked)
            throws PkiException {
        if (!previous.getIssuerX500Principal().equals(authority.certificate().getSubjectX500Principal())) {
            throw new PkiException(PkiException.Reason.CRL_INVALID, "the previous CRL was issued by another CA");
        }
        try {
            previous.verify(authority.signer().publicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.CRL_INVALID, "the previous CRL was not signed by this CA", e);
        }
        BigInteger number = crlNumber(previous);
        return build(number.add(BigInteger.ONE), thisUpdate, nextUpdate, revoked);
    }

    /** The cRLNumber of {@code crl}. */
    public static BigInteger crlNumber(X509CRL crl) throws PkiException {
        return CertificateExtensions.crlNumber(crl)
                .orElseThrow(() -> new PkiException(PkiException.Reason.CRL_INVALID, "the CRL has no cRLNumber"));
    }

    private static void checkNumber(BigInteger crlNumber) throws PkiException {
        if (crlNumber.signum() < 0 || crlNumber.bitLength() > MAX_CRL_NUMBER_BITS) {
            throw new PkiException(
                    PkiException.Reason.CRL_INVALID, "the CRL number must be non-negative and at most 20 octets");
        }
    }

    private X509CRL sign(X509v2CRLBuilder builder) throws PkiException {
        X509CRL crl;
        try {
            crl = new JcaX509CRLConverter()
                    .getCRL(builder.build(authority.signer().contentSigner()));
        } catch (CRLException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.SIGNING_FAILED, "the CRL could not be signed", e);
        }
        try {
            crl.verify(authority.signer().publicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiException(
                    PkiException.Reason.SIGNING_FAILED, "the signing handle produced an invalid CRL signature", e);
        }
        return crl;
    }
}
