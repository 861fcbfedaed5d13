package io.openrsp.crypto.pki;

import java.security.PublicKey;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * A PKCS#10 request (RFC 2986) whose self-signature verified and whose key is EC P-256: the requested subject,
 * the (normalised) public key and the requested subjectAltNames. Requested names are a wish: the enrollment
 * policy decides what the certificate finally names.
 */
public record ValidatedCsr(X500Principal subject, PublicKey publicKey, SubjectAltNames requestedSubjectAltNames) {

    public ValidatedCsr {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(requestedSubjectAltNames, "requestedSubjectAltNames");
    }
}
