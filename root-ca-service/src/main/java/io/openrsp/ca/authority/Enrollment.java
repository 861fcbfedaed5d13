package io.openrsp.ca.authority;

import io.openrsp.ca.store.IssuedCertificate;

/** The result of an enrollment: the stored certificate and the chain (leaf, then CI) as PEM. */
public record Enrollment(IssuedCertificate certificate, String chainPem) {}
