package io.openrsp.euicc.security;

import io.openrsp.crypto.pki.Role;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * DESIGN.md §9: the caller as its TLS client certificate names it: the role the CI granted and the subject.
 * The only authority is {@code ROLE_<role>}, so endpoints check {@code hasRole('OPERATOR')} and so on.
 *
 * @param role the role from the certificate's policy OID
 * @param subject the certificate's subject (e.g. {@code CN=Operator-1,O=OpenRSP})
 */
public record ClientIdentity(Role role, X500Principal subject) implements UserDetails {

    public ClientIdentity {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(subject, "subject");
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    /** Certificate authentication has no password. */
    @Override
    public String getPassword() {
        return "";
    }

    @Override
    public String getUsername() {
        return subject.getName();
    }
}
