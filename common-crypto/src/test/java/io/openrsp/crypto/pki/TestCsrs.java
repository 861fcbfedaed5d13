package io.openrsp.crypto.pki;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/** Test fixture: PKCS#10 requests built with Bouncy Castle, including deliberately broken ones. */
final class TestCsrs {

    private TestCsrs() {}

    static byte[] csr(KeyPair keys, String subject, GeneralNames subjectAltNames, String signatureAlgorithm) {
        return csr(
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
                keys.getPrivate(),
                subject,
                subjectAltNames,
                signatureAlgorithm);
    }

    static byte[] csr(
            SubjectPublicKeyInfo spki,
            PrivateKey signingKey,
            String subject,
            GeneralNames subjectAltNames,
            String signatureAlgorithm) {
        try {
            PKCS10CertificationRequestBuilder builder = new PKCS10CertificationRequestBuilder(
                    X500Name.getInstance(new javax.security.auth.x500.X500Principal(subject).getEncoded()), spki);
            if (subjectAltNames != null) {
                ExtensionsGenerator extensions = new ExtensionsGenerator();
                extensions.addExtension(Extension.subjectAlternativeName, false, subjectAltNames);
                builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            }
            return builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(signingKey))
                    .getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] p256(String subject, GeneralNames subjectAltNames) {
        return csr(TestCertificates.newKeyPair(), subject, subjectAltNames, "SHA256withECDSA");
    }
}
