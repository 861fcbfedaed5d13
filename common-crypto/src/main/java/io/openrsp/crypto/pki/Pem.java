package io.openrsp.crypto.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * RFC 7468 textual encodings of certificates ({@code CERTIFICATE}), CRLs ({@code X509 CRL}), CSRs
 * ({@code CERTIFICATE REQUEST}) and EC private keys ({@code PRIVATE KEY}, PKCS#8 per RFC 5958; reading also
 * accepts OpenSSL's SEC1 {@code EC PRIVATE KEY}, RFC 5915).
 *
 * <p>Reading is strict: the text must hold exactly the expected number of objects, all of the expected label,
 * with no PEM headers, valid base64 and DER that re-encodes to itself; explanatory text between objects is
 * ignored as RFC 7468 §2 allows. Encrypted private keys are refused. Any failure is {@code MALFORMED_PEM}.
 */
public final class Pem {

    /** Larger than any trust bundle this platform writes; bounds work on hostile input. */
    public static final int MAX_PEM_CHARS = 1 << 20;

    static final String CERTIFICATE = "CERTIFICATE";
    static final String X509_CRL = "X509 CRL";
    static final String CERTIFICATE_REQUEST = "CERTIFICATE REQUEST";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String EC_PRIVATE_KEY = "EC PRIVATE KEY";
    private static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";

    private Pem() {}

    // ---- writing ------------------------------------------------------------------------------------------

    public static String encodeCertificate(X509Certificate certificate) throws PkiException {
        return encodeCertificates(List.of(certificate));
    }

    /** The certificates concatenated, in order (a chain or a trust bundle). */
    public static String encodeCertificates(List<X509Certificate> certificates) throws PkiException {
        List<PemObject> objects = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            try {
                objects.add(new PemObject(CERTIFICATE, certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw malformed("the certificate cannot be encoded", e);
            }
        }
        return write(objects);
    }

    public static String encodeCrl(X509CRL crl) throws PkiException {
        try {
            return write(List.of(new PemObject(X509_CRL, crl.getEncoded())));
        } catch (GeneralSecurityException e) {
            throw malformed("the CRL cannot be encoded", e);
        }
    }

    /** A DER-encoded PKCS#10 request as PEM (no check of its contents: see {@link CsrValidator}). */
    public static String encodeCsr(byte[] der) throws PkiException {
        return write(List.of(new PemObject(CERTIFICATE_REQUEST, der.clone())));
    }

    /** The private key as unencrypted PKCS#8 {@code PRIVATE KEY}; the caller protects the text it gets. */
    public static String encodePrivateKey(PrivateKey key) throws PkiException {
        byte[] encoded = key.getEncoded();
        if (encoded == null || !"PKCS#8".equals(key.getFormat())) {
            throw malformed("the private key cannot be exported as PKCS#8", null);
        }
        try {
            return write(List.of(new PemObject(PRIVATE_KEY, encoded)));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    // ---- reading ------------------------------------------------------------------------------------------

    /** Exactly one certificate. */
    public static X509Certificate readCertificate(String pem) throws PkiException {
        List<X509Certificate> certificates = readCertificates(pem);
        if (certificates.size() != 1) {
            throw malformed("expected one certificate, found " + certificates.size(), null);
        }
        return certificates.get(0);
    }

    /** One or more certificates, in order. */
    public static List<X509Certificate> readCertificates(String pem) throws PkiException {
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemObject object : read(pem, Set.of(CERTIFICATE))) {
            certificates.add(parseCertificate(object.getContent()));
        }
        return certificates;
    }

    /** Exactly one CRL. */
    public static X509CRL readCrl(String pem) throws PkiException {
        byte[] der = single(read(pem, Set.of(X509_CRL))).getContent();
        X509CRL crl;
        byte[] reEncoded;
        try {
            crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
            reEncoded = crl.getEncoded();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw malformed("the CRL is not a valid DER X.509 CRL", e);
        }
        requireSameEncoding(der, reEncoded);
        return crl;
    }

    /** Exactly one CSR, as DER for {@link CsrValidator#validate}. */
    public static byte[] readCsr(String pem) throws PkiException {
        return single(read(pem, Set.of(CERTIFICATE_REQUEST))).getContent();
    }

    /** Exactly one unencrypted EC private key, PKCS#8 or SEC1. */
    public static PrivateKey readPrivateKey(String pem) throws PkiException {
        if (pem != null && pem.contains("-----BEGIN " + ENCRYPTED_PRIVATE_KEY + "-----")) {
            throw malformed("encrypted private keys are not supported", null);
        }
        PemObject object = single(read(pem, Set.of(PRIVATE_KEY, EC_PRIVATE_KEY)));
        byte[] pkcs8 = object.getType().equals(PRIVATE_KEY) ? object.getContent() : sec1ToPkcs8(object.getContent());
        try {
            requireEcAlgorithm(pkcs8);
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (PkiException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw malformed("the private key is not a valid EC private key", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private static String write(List<PemObject> objects) throws PkiException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (PemObject object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw malformed("the PEM text cannot be written", e);
        }
        return out.toString();
    }

    private static List<PemObject> read(String pem, Set<String> labels) throws PkiException {
        Objects.requireNonNull(pem, "pem");
        if (pem.length() > MAX_PEM_CHARS) {
            throw malformed("the PEM text is longer than " + MAX_PEM_CHARS + " characters", null);
        }
        List<PemObject> objects = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                if (!labels.contains(object.getType())) {
                    throw malformed("expected " + String.join(" or ", labels) + ", found " + object.getType(), null);
                }
                if (!object.getHeaders().isEmpty()) {
                    throw malformed("PEM headers (e.g. legacy encryption) are not supported", null);
                }
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            throw malformed("the PEM text is malformed", e);
        }
        if (objects.isEmpty()) {
            throw malformed("no " + String.join(" or ", labels) + " found", null);
        }
        return objects;
    }

    private static PemObject single(List<PemObject> objects) throws PkiException {
        if (objects.size() != 1) {
            throw malformed("expected one PEM object, found " + objects.size(), null);
        }
        return objects.get(0);
    }

    static X509Certificate parseCertificate(byte[] der) throws PkiException {
        X509Certificate certificate;
        byte[] reEncoded;
        try {
            certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            reEncoded = certificate.getEncoded();
        } catch (GeneralSecurityException | ClassCastException e) {
            throw malformed("the certificate is not a valid DER X.509 certificate", e);
        }
        requireSameEncoding(der, reEncoded);
        return certificate;
    }

    private static void requireSameEncoding(byte[] der, byte[] reEncoded) throws PkiException {
        if (!Arrays.equals(der, reEncoded)) {
            throw malformed("the object has trailing or non-DER bytes", null);
        }
    }

    /** RFC 5915 ECPrivateKey to RFC 5958 PrivateKeyInfo, taking the curve from the key's parameters. */
    private static byte[] sec1ToPkcs8(byte[] sec1) throws PkiException {
        try {
            ECPrivateKey key = ECPrivateKey.getInstance(ASN1Primitive.fromByteArray(sec1));
            if (key.getParametersObject() == null) {
                throw malformed("the EC private key does not name its curve", null);
            }
            AlgorithmIdentifier algorithm =
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, key.getParametersObject());
            return new PrivateKeyInfo(algorithm, key).getEncoded(ASN1Encoding.DER);
        } catch (IOException | RuntimeException e) {
            throw malformed("the EC private key is malformed", e);
        } finally {
            Arrays.fill(sec1, (byte) 0);
        }
    }

    /** Refuses PKCS#8 keys of other algorithms with their own message: this PKI only holds EC keys. */
    private static void requireEcAlgorithm(byte[] pkcs8) throws PkiException {
        PrivateKeyInfo info;
        try {
            info = PrivateKeyInfo.getInstance(ASN1Primitive.fromByteArray(pkcs8));
        } catch (IOException | RuntimeException e) {
            throw malformed("the private key is not a PKCS#8 PrivateKeyInfo", e);
        }
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(
                info.getPrivateKeyAlgorithm().getAlgorithm())) {
            throw malformed("only EC private keys are supported", null);
        }
    }

    private static PkiException malformed(String message, Throwable cause) {
        return new PkiException(PkiException.Reason.MALFORMED_PEM, message, cause);
    }
}
