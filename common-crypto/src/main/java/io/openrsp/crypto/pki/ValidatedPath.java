package io.openrsp.crypto.pki;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate path that validated to the CI (RFC 5280 §6.1): leaf first, then the intermediate (the EUM
 * for an ECASD leaf), without the trust anchor; and the profile the leaf was checked against.
 */
public record ValidatedPath(List<X509Certificate> certificates, CertificateProfile profile) {

    public ValidatedPath {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a path has at least the leaf");
        }
    }

    public X509Certificate leaf() {
        return certificates.get(0);
    }
}
