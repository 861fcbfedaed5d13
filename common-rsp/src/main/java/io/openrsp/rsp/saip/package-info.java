/**
 * The SAIP profile package (TCA "eUICC Profile Package: Interoperable Format Technical Specification", ASN.1
 * module PE_Definitions), the subset this platform produces and installs (DESIGN.md §6).
 *
 * <p>A package is a concatenation of DER {@code ProfileElement} values. {@link io.openrsp.rsp.saip.ProfilePackage}
 * is what the platform knows of a profile (profile type, ICCID, IMSI, Ki, OPc) plus the elements it does not
 * model, kept byte for byte. {@link io.openrsp.rsp.saip.ProfilePackageEncoder} writes the header, MF, USIM,
 * AKA parameter and end elements with Bouncy Castle's ASN.1 classes; {@link io.openrsp.rsp.saip.ProfilePackageDecoder}
 * reads any well-formed package, keeps what it knows and skips the rest, and rejects a malformed one with
 * {@link io.openrsp.rsp.saip.ProfilePackageException}, which maps to the SAIP {@code EUICCResponse}
 * ({@link io.openrsp.rsp.saip.EuiccResponse}) the card answers.
 *
 * <p>Ki and OPc are secrets: they never appear in {@code toString()} or in exception messages.
 */
package io.openrsp.rsp.saip;
