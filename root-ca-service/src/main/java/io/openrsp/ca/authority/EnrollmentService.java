package io.openrsp.ca.authority;

import io.openrsp.ca.store.CertificateStore;
import io.openrsp.ca.store.IssuedCertificate;
import io.openrsp.ca.store.TokenStore;
import io.openrsp.crypto.pki.CertificateIssuer;
import io.openrsp.crypto.pki.CertificateProfile;
import io.openrsp.crypto.pki.CsrValidator;
import io.openrsp.crypto.pki.EnrollmentPolicy;
import io.openrsp.crypto.pki.EnrollmentPolicy.Authorization;
import io.openrsp.crypto.pki.EnrollmentToken;
import io.openrsp.crypto.pki.IssuanceRequest;
import io.openrsp.crypto.pki.Pem;
import io.openrsp.crypto.pki.PkiException;
import io.openrsp.crypto.pki.SerialNumbers;
import io.openrsp.crypto.pki.ValidatedCsr;
import io.openrsp.crypto.pki.Validity;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md §2 enrollment (step-ca's {@code authority}): validates the CSR, asks the {@link EnrollmentPolicy}
 * whether the caller may have this profile and subject, has the {@link CertificateIssuer} sign, and stores the
 * certificate in one transaction that also consumes the one-time token (conditional update), so a refused or
 * raced request stores nothing. Serial numbers are random (128 bits) and checked against every serial issued.
 */
@Service
public class EnrollmentService {

    private static final int SERIAL_ATTEMPTS = 4;

    private final CsrValidator csrValidator;
    private final EnrollmentPolicy policy;
    private final CertificateIssuer issuer;
    private final CertificateStore certificates;
    private final TokenStore tokens;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random;

    public EnrollmentService(
            CsrValidator csrValidator,
            EnrollmentPolicy policy,
            CertificateIssuer issuer,
            CertificateStore certificates,
            TokenStore tokens,
            TransactionTemplate transactions,
            Clock clock,
            SecureRandom random) {
        this.csrValidator = csrValidator;
        this.policy = policy;
        this.issuer = issuer;
        this.certificates = certificates;
        this.tokens = tokens;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
    }

    public Enrollment enroll(EnrollmentCommand command) {
        CertificateProfile profile = require(command.profile(), "profile");
        try {
            ValidatedCsr csr = csrValidator.validate(decodeCsr(require(command.csr(), "csr")));
            Optional<EnrollmentToken> token = token(command);
            Authorization authorization = token.isPresent()
                    ? policy.authorizeToken(token.get(), profile, csr.subject())
                    : policy.authorizeAdmin(admin(command), profile, csr.subject());
            Instant now = clock.instant();
            Duration length = command.validity() == null ? profile.maxValidity() : command.validity();
            X509Certificate certificate = issuer.issue(new IssuanceRequest(
                    csr.publicKey(),
                    authorization.subject(),
                    csr.requestedSubjectAltNames(),
                    profile,
                    Validity.of(now, length),
                    freshSerial()));
            store(certificate, profile, now, authorization.authorizedBy(), token);
            String chain = Pem.encodeCertificates(
                    List.of(certificate, issuer.authority().certificate()));
            IssuedCertificate issued = certificates
                    .find(certificate.getSerialNumber())
                    .orElseThrow(() -> new CaException(Refusal.INTERNAL, "the certificate was not stored"));
            return new Enrollment(issued, chain);
        } catch (PkiException e) {
            throw CaException.from(e);
        }
    }

    private void store(
            X509Certificate certificate,
            CertificateProfile profile,
            Instant now,
            String authorizedBy,
            Optional<EnrollmentToken> token) {
        transactions.executeWithoutResult(status -> {
            if (token.isPresent() && !tokens.consume(token.get().id(), now)) {
                throw new CaException(Refusal.TOKEN_USED, "the enrollment token was already used");
            }
            try {
                certificates.insert(certificate, profile, now, authorizedBy);
            } catch (GeneralSecurityException e) {
                throw new CaException(Refusal.INTERNAL, "the CA could not store the certificate", e);
            }
        });
    }

    private Optional<EnrollmentToken> token(EnrollmentCommand command) {
        if (command.bearerToken() == null) {
            return Optional.empty();
        }
        return Optional.of(tokens.findByHash(TokenHashes.of(command.bearerToken()))
                .orElseThrow(() -> new CaException(Refusal.NOT_AUTHORIZED, "unknown enrollment token")));
    }

    private static X509Certificate admin(EnrollmentCommand command) {
        if (command.clientCertificate() == null) {
            throw new CaException(
                    Refusal.NOT_AUTHORIZED, "an ADMIN client certificate or an enrollment token is required");
        }
        return command.clientCertificate();
    }

    private BigInteger freshSerial() {
        for (int i = 0; i < SERIAL_ATTEMPTS; i++) {
            BigInteger serial = SerialNumbers.random(random);
            if (!certificates.exists(serial)) {
                return serial;
            }
        }
        throw new CaException(Refusal.INTERNAL, "no fresh serial number");
    }

    /** PEM ({@code CERTIFICATE REQUEST}) or base64 of the DER. */
    private static byte[] decodeCsr(String csr) throws PkiException {
        if (csr.strip().startsWith("-----BEGIN")) {
            return Pem.readCsr(csr);
        }
        try {
            return Base64.getMimeDecoder().decode(csr.strip());
        } catch (IllegalArgumentException e) {
            throw new PkiException(PkiException.Reason.MALFORMED_CSR, "the CSR is neither PEM nor base64 DER");
        }
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new CaException(Refusal.REQUEST_INVALID, field + " is required");
        }
        return value;
    }
}
