package io.openrsp.ca.security;

import io.openrsp.crypto.pki.RoleDecision;
import io.openrsp.crypto.pki.RoleMapper;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * DESIGN.md §9: turns the client certificate the TLS handshake validated into a {@link ClientIdentity}, with the
 * role {@link RoleMapper} decides (the certificate policy OID the CI set), never a role parsed from the subject.
 * A certificate that grants no role fails authentication with {@link RoleRefusedException}.
 */
final class CertificateRoleService implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final RoleMapper roles;

    CertificateRoleService(RoleMapper roles) {
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    @Override
    public ClientIdentity loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        if (!(token.getCredentials() instanceof X509Certificate certificate)) {
            throw new RoleRefusedException(RoleDecision.Refusal.MALFORMED);
        }
        return switch (roles.decide(certificate)) {
            case RoleDecision.Granted granted -> new ClientIdentity(granted.role(), granted.subject());
            case RoleDecision.Denied denied -> throw new RoleRefusedException(denied.refusal());
        };
    }
}
