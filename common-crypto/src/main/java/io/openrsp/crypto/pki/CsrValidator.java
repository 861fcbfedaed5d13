package io.openrsp.crypto.pki;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * RFC 2986 PKCS#10 certification requests, checked before anything is issued: DER-encoded, version 1 (0),
 * an EC P-256 subject key (RFC 5480), an ECDSA self-signature with SHA-256/384/512 (RFC 5758 §3.2) that
 * verifies under that key. Extracts the subject and the subjectAltNames requested in the PKCS#9
 * extensionRequest attribute (dNSName, iPAddress, URI; other name forms are refused). Other requested
 * extensions are ignored: the profile decides the extensions.
 */
public final class CsrValidator {

    /** Far above any P-256 CSR (a few hundred bytes); bounds the parser's work on hostile input. */
    public static final int MAX_CSR_BYTES = 16 * 1024;

    private static final Set<ASN1ObjectIdentifier> SIGNATURE_ALGORITHMS = Set.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256,
            X9ObjectIdentifiers.ecdsa_with_SHA384,
            X9ObjectIdentifiers.ecdsa_with_SHA512);

    /**
     * Validates a DER-encoded CSR.
     *
     * @throws PkiException {@code MALFORMED_CSR}, {@code KEY_NOT_EC_P256}, {@code CSR_SIGNATURE_INVALID},
     *     {@code SUBJECT_NOT_ALLOWED} (a requested name form or name that cannot be issued)
     */
    public ValidatedCsr validate(byte[] der) throws PkiException {
        PKCS10CertificationRequest csr = parse(der);
        SubjectPublicKeyInfo spki = P256.require(csr.getSubjectPublicKeyInfo());
        PublicKey publicKey = P256.toPublicKey(spki);
        verifySignature(csr, publicKey);
        SubjectAltNames names = requestedSubjectAltNames(csr);
        names.check();
        return new ValidatedCsr(subject(csr), publicKey, names);
    }

    private static PKCS10CertificationRequest parse(byte[] der) throws PkiException {
        if (der == null || der.length == 0 || der.length > MAX_CSR_BYTES) {
            throw malformed("the CSR is empty or larger than " + MAX_CSR_BYTES + " bytes", null);
        }
        CertificationRequest request;
        try {
            ASN1Primitive primitive = ASN1Primitive.fromByteArray(der); // refuses trailing bytes
            request = CertificationRequest.getInstance(primitive);
            if (!Arrays.equals(request.getEncoded(ASN1Encoding.DER), der)) {
                throw malformed("the CSR is not DER-encoded", null);
            }
        } catch (IOException | RuntimeException e) {
            throw malformed("the CSR is not a DER-encoded PKCS#10 request", e);
        }
        if (!request.getCertificationRequestInfo().getVersion().hasValue(0)) {
            throw malformed("the CSR version is not 1", null);
        }
        return new PKCS10CertificationRequest(request);
    }

    private static void verifySignature(PKCS10CertificationRequest csr, PublicKey publicKey) throws PkiException {
        if (!SIGNATURE_ALGORITHMS.contains(csr.getSignatureAlgorithm().getAlgorithm())
                || csr.getSignatureAlgorithm().getParameters() != null) {
            throw new PkiException(
                    PkiException.Reason.CSR_SIGNATURE_INVALID,
                    "the CSR must be signed with ECDSA and SHA-256, SHA-384 or SHA-512");
        }
        boolean valid;
        try {
            valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw new PkiException(PkiException.Reason.CSR_SIGNATURE_INVALID, "the CSR signature does not verify", e);
        }
        if (!valid) {
            throw new PkiException(PkiException.Reason.CSR_SIGNATURE_INVALID, "the CSR signature does not verify");
        }
    }

    private static X500Principal subject(PKCS10CertificationRequest csr) throws PkiException {
        try {
            return new X500Principal(csr.getSubject().getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            throw malformed("the CSR subject is malformed", e);
        }
    }

    private static SubjectAltNames requestedSubjectAltNames(PKCS10CertificationRequest csr) throws PkiException {
        Attribute[] attributes;
        try {
            attributes = csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        } catch (RuntimeException e) {
            throw malformed("the CSR attributes are malformed", e);
        }
        if (attributes.length == 0) {
            return SubjectAltNames.none();
        }
        if (attributes.length > 1 || attributes[0].getAttrValues().size() != 1) {
            throw malformed("the CSR has more than one extensionRequest", null);
        }
        GeneralNames names;
        try {
            Extensions extensions =
                    Extensions.getInstance(attributes[0].getAttrValues().getObjectAt(0));
            names = GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
        } catch (RuntimeException e) {
            throw malformed("the CSR extensionRequest is malformed", e);
        }
        return names == null ? SubjectAltNames.none() : toSubjectAltNames(names);
    }

    private static SubjectAltNames toSubjectAltNames(GeneralNames names) throws PkiException {
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        List<URI> uris = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            try {
                switch (name.getTagNo()) {
                    case GeneralName.dNSName -> dns.add(((ASN1String) name.getName()).getString());
                    case GeneralName.iPAddress -> ips.add(ipAddress(name));
                    case GeneralName.uniformResourceIdentifier ->
                        uris.add(new URI(((ASN1String) name.getName()).getString()));
                    default ->
                        throw new PkiException(
                                PkiException.Reason.SUBJECT_NOT_ALLOWED,
                                "only DNS, IP address and URI subjectAltNames can be requested");
                }
            } catch (URISyntaxException | UnknownHostException | ClassCastException e) {
                throw new PkiException(
                        PkiException.Reason.SUBJECT_NOT_ALLOWED, "a requested subjectAltName is malformed", e);
            }
        }
        return new SubjectAltNames(dns, ips, uris);
    }

    private static InetAddress ipAddress(GeneralName name) throws UnknownHostException, PkiException {
        byte[] octets = ASN1OctetString.getInstance(name.getName()).getOctets();
        if (octets.length != 4 && octets.length != 16) {
            throw new PkiException(
                    PkiException.Reason.SUBJECT_NOT_ALLOWED, "a requested IP address is not 4 or 16 octets");
        }
        return InetAddress.getByAddress(octets);
    }

    private static PkiException malformed(String message, Throwable cause) {
        return new PkiException(PkiException.Reason.MALFORMED_CSR, message, cause);
    }
}
