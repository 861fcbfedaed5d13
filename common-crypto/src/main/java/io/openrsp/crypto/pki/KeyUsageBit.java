package io.openrsp.crypto.pki;

/**
 * RFC 5280 §4.2.1.3 KeyUsage bits, in the order of {@link java.security.cert.X509Certificate#getKeyUsage()}.
 */
public enum KeyUsageBit {
    DIGITAL_SIGNATURE(org.bouncycastle.asn1.x509.KeyUsage.digitalSignature),
    NON_REPUDIATION(org.bouncycastle.asn1.x509.KeyUsage.nonRepudiation),
    KEY_ENCIPHERMENT(org.bouncycastle.asn1.x509.KeyUsage.keyEncipherment),
    DATA_ENCIPHERMENT(org.bouncycastle.asn1.x509.KeyUsage.dataEncipherment),
    KEY_AGREEMENT(org.bouncycastle.asn1.x509.KeyUsage.keyAgreement),
    KEY_CERT_SIGN(org.bouncycastle.asn1.x509.KeyUsage.keyCertSign),
    CRL_SIGN(org.bouncycastle.asn1.x509.KeyUsage.cRLSign),
    ENCIPHER_ONLY(org.bouncycastle.asn1.x509.KeyUsage.encipherOnly),
    DECIPHER_ONLY(org.bouncycastle.asn1.x509.KeyUsage.decipherOnly);

    private final int bcMask;

    KeyUsageBit(int bcMask) {
        this.bcMask = bcMask;
    }

    /** The position in {@code X509Certificate.getKeyUsage()} (bit 0 = digitalSignature). */
    public int index() {
        return ordinal();
    }

    int bcMask() {
        return bcMask;
    }
}
