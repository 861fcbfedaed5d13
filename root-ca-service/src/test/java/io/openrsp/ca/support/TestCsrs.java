package io.openrsp.ca.support;

import io.openrsp.crypto.pki.Pem;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** Test fixture: PKCS#10 requests (valid, tampered, wrong key type) built at test time. */
public final class TestCsrs {

    private TestCsrs() {}

    public static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    public static KeyPair p384() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        return generator.generateKeyPair();
    }

    /** DER CSR for {@code subject} with an optional dNSName SAN, signed SHA256withECDSA. */
    public static byte[] der(KeyPair keys, String subject, String dnsName) throws Exception {
        var builder = new JcaPKCS10CertificationRequestBuilder(new X500Principal(subject), keys.getPublic());
        if (dnsName != null) {
            var extensions = new ExtensionsGenerator();
            extensions.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()))
                .getEncoded();
    }

    public static String pem(KeyPair keys, String subject, String dnsName) throws Exception {
        return Pem.encodeCsr(der(keys, subject, dnsName));
    }

    /** A CSR whose signature no longer verifies: one byte of the signature value flipped. */
    public static String tamperedPem(KeyPair keys, String subject) throws Exception {
        byte[] der = der(keys, subject, null);
        der[der.length - 5] ^= 0x01;
        return Pem.encodeCsr(der);
    }
}
