package io.openrsp.crypto.pki;

import java.util.Arrays;
import java.util.Optional;

/**
 * DESIGN.md §9: the role a TLS client certificate grants on this platform's endpoints.
 *
 * <p>The role is carried as a certificate policy OID in the {@code certificatePolicies} extension (RFC 5280
 * §4.2.1.4), one OID per role. Chosen over a subject OU because the CI sets it from the profile alone: it is
 * never copied from a CSR or from caller-chosen naming, it is compared as an exact OID (no DN parsing, case
 * or multi-valued RDN pitfalls), and {@code openssl x509 -text} shows it under "X509v3 Certificate Policies".
 * The OIDs sit under a UUID-derived arc (ITU-T X.667 / RFC 4122 {@code 2.25}), which needs no registration:
 * {@value #ROLE_ARC}.{@code n}.
 */
public enum Role {
    OPERATOR(1),
    SMDP(2),
    SMSR(3),
    EUM(4),
    ADMIN(5);

    /** This platform's OID arc: {@code 2.25.} + the integer value of UUID 4bc2d4d3-047f-4302-9500-2744c558498b. */
    public static final String PLATFORM_ARC = "2.25.100703721863794501756186458145649346955";

    /** The sub-arc under which every role policy OID sits. */
    public static final String ROLE_ARC = PLATFORM_ARC + ".1";

    private final String policyOid;

    Role(int number) {
        this.policyOid = ROLE_ARC + "." + number;
    }

    /** The certificate policy OID that marks a certificate with this role. */
    public String policyOid() {
        return policyOid;
    }

    /** The role whose policy OID is {@code oid}, if any. */
    public static Optional<Role> fromPolicyOid(String oid) {
        return Arrays.stream(values()).filter(r -> r.policyOid.equals(oid)).findFirst();
    }
}
