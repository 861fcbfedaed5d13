package io.openrsp.ca.store;

/** Status of an issued certificate in the CA's records. */
public enum CertificateStatus {
    VALID,
    REVOKED
}
