package io.openrsp.ca.authority;

import io.openrsp.ca.store.CertificateStatus;
import io.openrsp.ca.store.CertificateStore;
import io.openrsp.ca.store.IssuedCertificate;
import io.openrsp.crypto.pki.CertificateAuthority;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.pki.RevocationReason;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listing, lookup and revocation (RFC 5280 §5.3.1 reasons) of issued certificates. A revocation and the CRL it
 * causes are one transaction: the certificate is never revoked in the records without a CRL listing it.
 */
@Service
public class CertificateService {

    private final CertificateStore certificates;
    private final CrlService crls;
    private final CertificateAuthority authority;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CertificateService(
            CertificateStore certificates,
            CrlService crls,
            CertificateAuthority authority,
            TransactionTemplate transactions,
            Clock clock) {
        this.certificates = certificates;
        this.crls = crls;
        this.authority = authority;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<IssuedCertificate> list(@Nullable CertificateStatus status, @Nullable CertificateProfile profile) {
        return certificates.list(status, profile);
    }

    public IssuedCertificate find(String serialHex) {
        return certificates.find(parseSerial(serialHex)).orElseThrow(() -> notFound(serialHex));
    }

    public IssuedCertificate revoke(String serialHex, @Nullable RevocationReason reason) {
        BigInteger serial = parseSerial(serialHex);
        RevocationReason why = reason == null ? RevocationReason.UNSPECIFIED : reason;
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            if (!certificates.revoke(serial, now, why)) {
                IssuedCertificate existing = certificates.find(serial).orElseThrow(() -> notFound(serialHex));
                throw new CaException(
                        Refusal.ALREADY_REVOKED, "certificate " + existing.serialHex() + " is already revoked");
            }
            crls.renewInCurrentTransaction();
        });
        return find(serialHex);
    }

    /** The CI certificate (PEM): public, for trust stores. */
    public String caCertificatePem() {
        try {
            return Pem.encodeCertificate(authority.certificate());
        } catch (PkiException e) {
            throw CaException.from(e);
        }
    }

    private static BigInteger parseSerial(String serialHex) {
        try {
            BigInteger serial = new BigInteger(serialHex, 16);
            if (serial.signum() > 0 && serial.bitLength() <= 160) {
                return serial;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CaException(Refusal.REQUEST_INVALID, "the serial number must be positive hex of at most 20 octets");
    }

    private static CaException notFound(String serialHex) {
        return new CaException(Refusal.CERTIFICATE_NOT_FOUND, "no certificate with serial " + serialHex);
    }
}
