package io.openrsp.crypto.pki;

/** RFC 5280 §4.2.1.12 extended key usage purposes this platform issues. */
public enum KeyPurpose {
    /** id-kp-serverAuth: TLS server. */
    SERVER_AUTH("1.3.6.1.5.5.7.3.1"),
    /** id-kp-clientAuth: TLS client. */
    CLIENT_AUTH("1.3.6.1.5.5.7.3.2");

    private final String oid;

    KeyPurpose(String oid) {
        this.oid = oid;
    }

    public String oid() {
        return oid;
    }
}
