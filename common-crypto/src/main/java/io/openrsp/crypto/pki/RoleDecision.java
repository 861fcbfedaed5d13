package io.openrsp.crypto.pki;

import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/** What {@link RoleMapper} decided for a client certificate: a role, or why none. */
public sealed interface RoleDecision {

    /** The role, if granted. */
    Optional<Role> grantedRole();

    /** The certificate grants {@code role} to the entity named {@code subject}. */
    record Granted(Role role, X500Principal subject) implements RoleDecision {
        public Granted {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public Optional<Role> grantedRole() {
            return Optional.of(role);
        }
    }

    /** The certificate grants no role, for {@code refusal}. */
    record Denied(Refusal refusal) implements RoleDecision {
        public Denied {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public Optional<Role> grantedRole() {
            return Optional.empty();
        }
    }

    /** Why a certificate grants no role. */
    enum Refusal {
        /** Not issued directly by the CI (e.g. issued by an EUM CA, or by another CA). */
        NOT_ISSUED_BY_CI,
        /** A CA certificate (the CI, an EUM) is never a client identity. */
        CA_CERTIFICATE,
        /** The extended key usage lacks clientAuth. */
        NOT_A_CLIENT_CERTIFICATE,
        /** No role policy OID. */
        NO_ROLE,
        /** More than one role policy OID. */
        AMBIGUOUS_ROLE,
        /** A policy OID under the role arc that this version does not know. */
        UNKNOWN_ROLE,
        /** An extension the decision depends on cannot be parsed. */
        MALFORMED
    }
}
