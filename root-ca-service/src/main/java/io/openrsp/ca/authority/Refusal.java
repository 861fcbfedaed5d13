package io.openrsp.ca.authority;

import io.openrsp.crypto.pki.PkiException;
import java.util.Locale;

/**
 * Why the CA refused a request: every {@link PkiException.Reason} plus the CA's own cases. The web layer maps
 * each to an RFC 9457 problem type {@code https://openrsp.io/problems/<slug>} and a status.
 */
public enum Refusal {
    MALFORMED_CSR,
    CSR_SIGNATURE_INVALID,
    KEY_NOT_EC_P256,
    VALIDITY_TOO_LONG,
    VALIDITY_INVALID,
    SUBJECT_NOT_ALLOWED,
    PROFILE_NOT_ALLOWED,
    NOT_AUTHORIZED,
    TOKEN_USED,
    TOKEN_EXPIRED,
    MALFORMED_PEM,
    REQUEST_INVALID,
    CERTIFICATE_NOT_FOUND,
    ALREADY_REVOKED,
    /** Anything the caller cannot fix (signing, CRL building, storage): reported without detail. */
    INTERNAL;

    /** The problem type's last path segment, e.g. {@code csr-signature-invalid}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The refusal for a PKI library failure; reasons a client cannot cause map to {@link #INTERNAL}. */
    public static Refusal of(PkiException.Reason reason) {
        return switch (reason) {
            case MALFORMED_CSR -> MALFORMED_CSR;
            case CSR_SIGNATURE_INVALID -> CSR_SIGNATURE_INVALID;
            case KEY_NOT_EC_P256 -> KEY_NOT_EC_P256;
            case VALIDITY_TOO_LONG -> VALIDITY_TOO_LONG;
            case VALIDITY_INVALID -> VALIDITY_INVALID;
            case SUBJECT_NOT_ALLOWED -> SUBJECT_NOT_ALLOWED;
            case PROFILE_NOT_ALLOWED -> PROFILE_NOT_ALLOWED;
            case NOT_AUTHORIZED -> NOT_AUTHORIZED;
            case TOKEN_USED -> TOKEN_USED;
            case TOKEN_EXPIRED -> TOKEN_EXPIRED;
            case MALFORMED_PEM -> MALFORMED_PEM;
            default -> INTERNAL;
        };
    }
}
