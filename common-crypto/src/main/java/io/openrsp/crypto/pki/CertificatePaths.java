package io.openrsp.crypto.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * RFC 5280 §6 path validation to the CI, as services need it: TLS peers (CI → leaf) and the ES1/ES8 chain
 * CI → EUM → ECASD (GSMA SGP.02 v4.2 §2.3). Uses the JDK's PKIX {@link CertPathValidator} at the instant of
 * the injected {@link Clock}. Revocation is checked only when CRLs are given, and then for every certificate
 * in the path from those CRLs alone (no OCSP, no fetching of distribution points): an ECASD path needs the
 * CI's CRL and the EUM's.
 *
 * <p>On top of PKIX it checks the shape this platform issues: the leaf matches the expected
 * {@link CertificateProfile}, an ECASD leaf comes with exactly its EUM (which matches the EUM profile), any
 * other leaf is issued directly by the CI.
 */
public final class CertificatePaths {

    private final X509Certificate trustAnchor;
    private final Clock clock;

    private CertificatePaths(X509Certificate trustAnchor, Clock clock) {
        this.trustAnchor = trustAnchor;
        this.clock = clock;
    }

    /**
     * Validation against {@code ci} as the only trust anchor.
     *
     * @throws PkiException {@code ISSUER_INVALID} if {@code ci} is not a self-signed CA certificate
     */
    public static CertificatePaths trusting(X509Certificate ci, Clock clock) throws PkiException {
        Objects.requireNonNull(ci, "ci");
        Objects.requireNonNull(clock, "clock");
        if (ci.getBasicConstraints() < 0 || !CertificateAuthority.isSelfSigned(ci)) {
            throw new PkiException(
                    PkiException.Reason.ISSUER_INVALID, "the trust anchor is not a self-signed CA certificate");
        }
        return new CertificatePaths(ci, clock);
    }

    /** Validates without revocation checking. */
    public ValidatedPath validate(List<X509Certificate> chain, CertificateProfile expected) throws PkiException {
        return validate(chain, expected, List.of());
    }

    /**
     * Validates {@code chain} (leaf first; the EUM next for an ECASD leaf; a trailing copy of the CI is
     * ignored) for a leaf of profile {@code expected}, checking revocation against {@code crls} when not empty.
     *
     * @throws PkiException {@code WRONG_PROFILE}, {@code UNTRUSTED}, {@code EXPIRED}, {@code NOT_YET_VALID},
     *     {@code REVOKED}, {@code REVOCATION_STATUS_UNKNOWN}
     * @throws IllegalArgumentException if {@code expected} is {@link CertificateProfile#CI}
     */
    public ValidatedPath validate(List<X509Certificate> chain, CertificateProfile expected, List<X509CRL> crls)
            throws PkiException {
        Objects.requireNonNull(expected, "expected");
        if (expected == CertificateProfile.CI) {
            throw new IllegalArgumentException("the CI is the trust anchor, not a path to validate");
        }
        List<X509Certificate> path = withoutAnchor(chain);
        checkShape(path, expected);
        runPkix(path, List.copyOf(crls));
        return new ValidatedPath(path, expected);
    }

    private List<X509Certificate> withoutAnchor(List<X509Certificate> chain) {
        List<X509Certificate> path = new ArrayList<>(chain);
        path.forEach(c -> Objects.requireNonNull(c, "certificate in chain"));
        if (path.size() > 1 && path.get(path.size() - 1).equals(trustAnchor)) {
            path.remove(path.size() - 1);
        }
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the chain is empty");
        }
        return path;
    }

    private static void checkShape(List<X509Certificate> path, CertificateProfile expected) throws PkiException {
        if (!expected.matches(path.get(0))) {
            throw new PkiException(
                    PkiException.Reason.WRONG_PROFILE, "the certificate is not a " + expected + " certificate");
        }
        int expectedLength = expected.issuerProfile() == CertificateProfile.CI ? 1 : 2;
        if (path.size() != expectedLength) {
            throw new PkiException(
                    PkiException.Reason.UNTRUSTED,
                    expectedLength == 1
                            ? "a " + expected + " certificate must be issued directly by the CI"
                            : "a " + expected + " certificate must come with its issuing " + expected.issuerProfile()
                                    + " certificate");
        }
        if (expectedLength == 2 && !expected.issuerProfile().matches(path.get(1))) {
            throw new PkiException(
                    PkiException.Reason.WRONG_PROFILE,
                    "the intermediate is not a " + expected.issuerProfile() + " certificate");
        }
    }

    private void runPkix(List<X509Certificate> path, List<X509CRL> crls) throws PkiException {
        try {
            CertPath certPath = CertificateFactory.getInstance("X.509").generateCertPath(path);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(trustAnchor, null)));
            parameters.setDate(Date.from(clock.instant()));
            if (crls.isEmpty()) {
                parameters.setRevocationEnabled(false);
            } else {
                parameters.setRevocationEnabled(true);
                parameters.addCertPathChecker(crlOnlyChecker(validator));
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            }
            validator.validate(certPath, parameters);
        } catch (CertPathValidatorException e) {
            throw translate(e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.UNTRUSTED, "the certificate path cannot be validated", e);
        }
    }

    /** CRLs from the given store only: no OCSP, no soft failure when a CRL is missing or stale. */
    private static PKIXRevocationChecker crlOnlyChecker(CertPathValidator validator) {
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        checker.setOptions(
                EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK));
        return checker;
    }

    private static PkiException translate(CertPathValidatorException e) {
        String where = e.getIndex() >= 0 ? " (certificate " + e.getIndex() + " of the path)" : "";
        if (e.getReason() instanceof BasicReason reason) {
            return switch (reason) {
                case EXPIRED -> new PkiException(PkiException.Reason.EXPIRED, "the certificate has expired" + where, e);
                case NOT_YET_VALID ->
                    new PkiException(PkiException.Reason.NOT_YET_VALID, "the certificate is not yet valid" + where, e);
                case REVOKED -> new PkiException(PkiException.Reason.REVOKED, "the certificate is revoked" + where, e);
                case UNDETERMINED_REVOCATION_STATUS ->
                    new PkiException(
                            PkiException.Reason.REVOCATION_STATUS_UNKNOWN,
                            "no current CRL gives the certificate's revocation status" + where,
                            e);
                default -> untrusted(where, e);
            };
        }
        return untrusted(where, e);
    }

    private static PkiException untrusted(String where, CertPathValidatorException e) {
        return new PkiException(PkiException.Reason.UNTRUSTED, "the certificate does not chain to the CI" + where, e);
    }
}
