package io.openrsp.crypto.pki;

import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * The one failure of the PKI library (RFC 5280 path validation, RFC 2986 CSRs, RFC 7468 PEM, this platform's
 * issuance rules). The {@link Reason} lets the web layer map each case to a problem type; the message is
 * written to be shown to a client and never carries key material or an internal exception's text; the cause,
 * when present, is for logs only.
 */
public final class PkiException extends GeneralSecurityException {

    private static final long serialVersionUID = 1L;

    /** Why the operation was refused. */
    public enum Reason {
        /** The CSR is not a well-formed DER PKCS#10 request (RFC 2986). */
        MALFORMED_CSR,
        /** The CSR's self-signature does not verify, or uses an algorithm this CA does not accept. */
        CSR_SIGNATURE_INVALID,
        /** The subject public key is not an EC key on NIST P-256 (secp256r1) with a named curve. */
        KEY_NOT_EC_P256,
        /** The requested validity is longer than the profile allows, or outlives the issuing CA. */
        VALIDITY_TOO_LONG,
        /** The validity is empty or inverted (notAfter not after notBefore). */
        VALIDITY_INVALID,
        /** The subject or a subjectAltName is not one the caller may have, or not one this profile accepts. */
        SUBJECT_NOT_ALLOWED,
        /** The caller may not obtain a certificate of this profile, or this CA does not issue it. */
        PROFILE_NOT_ALLOWED,
        /** The caller presented no usable authorisation (no admin certificate, no enrollment token). */
        NOT_AUTHORIZED,
        /** The one-time enrollment token was already used. */
        TOKEN_USED,
        /** The enrollment token has expired. */
        TOKEN_EXPIRED,
        /** The certificate does not chain to the trust anchor (unknown issuer, bad signature, bad constraints). */
        UNTRUSTED,
        /** A certificate in the path has expired at the validation instant. */
        EXPIRED,
        /** A certificate in the path is not yet valid at the validation instant. */
        NOT_YET_VALID,
        /** A certificate in the path is revoked by a CRL. */
        REVOKED,
        /** Revocation checking was asked for but no current CRL covers a certificate in the path. */
        REVOCATION_STATUS_UNKNOWN,
        /** The certificate's extensions do not match the profile the caller expected. */
        WRONG_PROFILE,
        /** The CA certificate or signing key cannot issue (not a CA, key does not match, wrong key usage). */
        ISSUER_INVALID,
        /** Signing failed inside the signing handle. */
        SIGNING_FAILED,
        /** The PEM text is malformed or holds a different object than expected (RFC 7468). */
        MALFORMED_PEM,
        /** A CRL request is invalid (number out of range, nextUpdate not after thisUpdate, duplicate serial). */
        CRL_INVALID,
        /** The target directory already holds a PKI and overwriting was not asked for. */
        PKI_EXISTS,
        /** Reading or writing a file failed. */
        IO_FAILED
    }

    private final Reason reason;

    public PkiException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public PkiException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
