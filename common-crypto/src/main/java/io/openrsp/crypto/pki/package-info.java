/**
 * The platform's PKI (DESIGN.md section 2): the Certificate Issuer (CI) root, certificate profiles, the role
 * carried by a client certificate, CSR validation, issuance, CRLs, path validation, PEM files and the
 * {@code rsp pki init} bootstrap. Plain Java on Bouncy Castle's PKIX API; no Spring.
 *
 * <p>Split as step-ca splits a CA: {@link io.openrsp.crypto.pki.EnrollmentPolicy} decides who may get what
 * (the provisioner), {@link io.openrsp.crypto.pki.CertificateIssuer} signs (the {@code cas} part) through a
 * {@link io.openrsp.crypto.pki.CertificateSigner} handle, never key bytes. Every refusal is a
 * {@link io.openrsp.crypto.pki.PkiException} with a {@link io.openrsp.crypto.pki.PkiException.Reason}; its
 * message is safe to show to a client, its cause is for logs only.
 */
package io.openrsp.crypto.pki;
